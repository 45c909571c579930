import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, type RequestContext, RequiresProduct } from '@mop/api-kit';
import { COUPONS_PRODUCT } from './coupon-stock.service';
import { CheckCouponArgs, RedeemCouponInput, ReverseRedemptionInput } from './redemption.input';
import { RedemptionService } from './redemption.service';
import { CouponCheckType, RedemptionResultType, RedemptionType } from './redemption.types';

@Resolver(() => RedemptionType)
export class RedemptionResolver {
  constructor(private readonly redemptions: RedemptionService) {}

  @Query(() => CouponCheckType, { description: 'the counter: a coupon by the code the customer shows, and whether it can be redeemed here and now' })
  @Allow('lookup', 'Coupon')
  @RequiresProduct(COUPONS_PRODUCT)
  checkCoupon(@Ctx() ctx: RequestContext, @Args() args: CheckCouponArgs) {
    return this.redemptions.check(ctx, args);
  }

  @Mutation(() => RedemptionResultType, { description: 'redeems a coupon exactly once: the same requestId returns the first result; another request on a redeemed coupon is CONFLICT' })
  @Allow('redeem', 'Coupon')
  @RequiresProduct(COUPONS_PRODUCT)
  redeemCoupon(@Ctx() ctx: RequestContext, @Args('input') input: RedeemCouponInput) {
    return this.redemptions.redeem(ctx, input);
  }

  @Mutation(() => RedemptionType, { description: 'REDEEMED → AVAILABLE while the coupon is still valid (a refund); the same requestId returns the first result' })
  @Allow('reverse', 'Coupon')
  @RequiresProduct(COUPONS_PRODUCT)
  reverseRedemption(@Ctx() ctx: RequestContext, @Args('input') input: ReverseRedemptionInput) {
    return this.redemptions.reverse(ctx, input);
  }
}
