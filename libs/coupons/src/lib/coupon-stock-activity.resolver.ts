import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, type RequestContext, RequiresProduct } from '@mop/api-kit';
import { COUPONS_PRODUCT } from './coupon-stock.service';
import { CouponStockActivityArgs, CouponStockDayType } from './coupon-stock-activity.types';
import { CouponStockActivityService } from './coupon-stock-activity.service';

@Resolver(() => CouponStockDayType)
export class CouponStockActivityResolver {
  constructor(private readonly activity: CouponStockActivityService) {}

  @Query(() => [CouponStockDayType], { description: "claims, redemptions and reversals of a stock per day of the merchant's time zone, oldest first" })
  @Allow('read', 'CouponStock')
  @RequiresProduct(COUPONS_PRODUCT)
  couponStockActivity(@Ctx() ctx: RequestContext, @Args() { stockId, days }: CouponStockActivityArgs) {
    return this.activity.activity(ctx, stockId, days);
  }
}
