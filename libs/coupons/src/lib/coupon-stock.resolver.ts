import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, IdArg, ListArgs, ListMetadata, MetaArgs, type RequestContext, RequiresProduct } from '@mop/api-kit';
import { COUPONS_PRODUCT, CouponStockService } from './coupon-stock.service';
import { CouponStockFilter, CouponStockType } from './coupon-stock.types';

@Resolver(() => CouponStockType)
export class CouponStockResolver {
  constructor(private readonly stocks: CouponStockService) {}

  @Query(() => [CouponStockType]) @Allow('read', 'CouponStock') @RequiresProduct(COUPONS_PRODUCT)
  allCouponStocks(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Args('filter', { nullable: true }) filter?: CouponStockFilter) {
    return this.stocks.list(ctx, args, filter);
  }

  @Query(() => ListMetadata) @Allow('read', 'CouponStock') @RequiresProduct(COUPONS_PRODUCT)
  async _allCouponStocksMeta(@Ctx() ctx: RequestContext, @Args() _args: MetaArgs, @Args('filter', { nullable: true }) filter?: CouponStockFilter) {
    return { count: await this.stocks.count(ctx, filter) };
  }

  @Query(() => CouponStockType, { name: 'CouponStock' }) @Allow('read', 'CouponStock') @RequiresProduct(COUPONS_PRODUCT)
  couponStock(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.stocks.get(ctx, id);
  }
}
