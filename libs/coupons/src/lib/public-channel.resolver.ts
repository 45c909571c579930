import { Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, IdArg, type RequestContext, RequiresProduct } from '@mop/api-kit';
import { COUPONS_PRODUCT } from './coupon-stock.service';
import { CouponStockType } from './coupon-stock.types';
import { CouponPublicChannelService } from './public-channel.service';
import { PublicChannelState } from './public-channel.types';

@Resolver(() => CouponStockType)
export class CouponStockPublicChannelResolver {
  constructor(private readonly publicChannels: CouponPublicChannelService) {}

  @Mutation(() => CouponStockType, { description: "files the stock's terms for review (kind COUPON_PUBLIC_CHANNEL); approval adds PUBLIC_CHANNEL to its channels. One open application per stock" })
  @Allow('update', 'CouponStock')
  @RequiresProduct(COUPONS_PRODUCT)
  submitCouponStockToPublicChannel(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.publicChannels.submit(ctx, id);
  }

  @ResolveField(() => PublicChannelState, { description: 'the standing with the public channel, by the latest application' })
  publicChannel(@Ctx() ctx: RequestContext, @Parent() stock: CouponStockType & { publicChannelApproved?: boolean }) {
    return this.publicChannels.state(ctx, stock);
  }
}
