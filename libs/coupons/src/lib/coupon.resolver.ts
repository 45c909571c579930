import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, IdArg, ListArgs, ListMetadata, MetaArgs, type RequestContext, RequiresProduct } from '@mop/api-kit';
import { RevokeCouponArgs } from './coupon-admin.input';
import { CouponAdminService } from './coupon-admin.service';
import { COUPONS_PRODUCT } from './coupon-stock.service';
import { CouponService } from './coupon.service';
import { CouponFilter, CouponType } from './coupon.types';

@Resolver(() => CouponType)
export class CouponResolver {
  constructor(
    private readonly coupons: CouponService,
    private readonly admin: CouponAdminService,
  ) {}

  @Query(() => [CouponType], { description: "customers' coupons; clerks look coupons up by code (checkCoupon) instead" })
  @Allow('read', 'Coupon')
  @RequiresProduct(COUPONS_PRODUCT)
  allCoupons(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Args('filter', { nullable: true }) filter?: CouponFilter) {
    return this.coupons.list(ctx, args, filter);
  }

  @Query(() => ListMetadata) @Allow('read', 'Coupon') @RequiresProduct(COUPONS_PRODUCT)
  async _allCouponsMeta(@Ctx() ctx: RequestContext, @Args() _args: MetaArgs, @Args('filter', { nullable: true }) filter?: CouponFilter) {
    return { count: await this.coupons.count(ctx, filter) };
  }

  @Query(() => CouponType, { name: 'Coupon' }) @Allow('read', 'Coupon') @RequiresProduct(COUPONS_PRODUCT)
  coupon(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.coupons.get(ctx, id);
  }

  @Mutation(() => CouponType, { description: 'AVAILABLE → REVOKED while still valid; anything else is CONFLICT' })
  @Allow('revoke', 'Coupon')
  @RequiresProduct(COUPONS_PRODUCT)
  revokeCoupon(@Ctx() ctx: RequestContext, @Args() args: RevokeCouponArgs) {
    return this.admin.revoke(ctx, args);
  }
}
