import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, IdArg, type RequestContext, RequiresProduct } from '@mop/api-kit';
import { COUPONS_PRODUCT } from './coupon-stock.service';
import { CouponStockType } from './coupon-stock.types';
import { UploadedCodesService } from './uploaded-codes.service';
import { CodeUploadResultType, MAX_CODES_PER_UPLOAD } from './uploaded-codes.types';

@Resolver(() => CouponStockType)
export class UploadedCodesResolver {
  constructor(private readonly codes: UploadedCodesService) {}

  @Mutation(() => CodeUploadResultType, {
    description: `adds the merchant's own codes to a stock whose code mode is UPLOADED (not ENDED): at most ${MAX_CODES_PER_UPLOAD} a call, each 6–64 of A–Z a–z 0–9 -; duplicates are reported, not added`,
  })
  @Allow('update', 'CouponStock')
  @RequiresProduct(COUPONS_PRODUCT)
  uploadCouponCodes(@Ctx() ctx: RequestContext, @IdArg('stockId') stockId: string, @Args('codes', { type: () => [String] }) codes: string[]) {
    return this.codes.upload(ctx, stockId, codes);
  }

  @ResolveField(() => Int, { nullable: true, description: 'UPLOADED: the codes uploaded so far (null for generated codes)' })
  async uploadedCodes(@Ctx() ctx: RequestContext, @Parent() stock: CouponStockType) {
    return (await this.codes.statsFor(ctx, stock))?.total ?? null;
  }

  @ResolveField(() => Int, { nullable: true, description: 'UPLOADED: the codes not handed out yet, one per claim (null for generated codes)' })
  async unusedCodes(@Ctx() ctx: RequestContext, @Parent() stock: CouponStockType) {
    return (await this.codes.statsFor(ctx, stock))?.unused ?? null;
  }
}
