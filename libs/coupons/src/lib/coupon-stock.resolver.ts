import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, IdArg, ListArgs, ListMetadata, MetaArgs, type RequestContext, RequiresProduct } from '@mop/api-kit';
import { CouponStockAdminService } from './coupon-stock-admin.service';
import { CouponStockBudgetInput, CouponStockInput } from './coupon-stock.input';
import { COUPONS_PRODUCT, CouponStockService } from './coupon-stock.service';
import { CouponStockFilter, CouponStockType } from './coupon-stock.types';

@Resolver(() => CouponStockType)
export class CouponStockResolver {
  constructor(
    private readonly stocks: CouponStockService,
    private readonly admin: CouponStockAdminService,
  ) {}

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

  @Mutation(() => CouponStockType, { description: "a DRAFT stock, in the merchant's currency" }) @Allow('create', 'CouponStock') @RequiresProduct(COUPONS_PRODUCT)
  createCouponStock(@Ctx() ctx: RequestContext, @Args('input') input: CouponStockInput) {
    return this.admin.create(ctx, input);
  }

  @Mutation(() => CouponStockType, { description: 'a draft changes freely; once activated only the name, the description and a later claimEndsAt; a stale version is CONFLICT' })
  @Allow('update', 'CouponStock')
  @RequiresProduct(COUPONS_PRODUCT)
  updateCouponStock(@Ctx() ctx: RequestContext, @IdArg() id: string, @Args('version', { type: () => Int }) version: number, @Args('input') input: CouponStockInput) {
    return this.admin.update(ctx, id, version, input);
  }

  @Mutation(() => CouponStockType, { description: 'DRAFT | PAUSED → ACTIVE, while the claim window is open and something remains' }) @Allow('update', 'CouponStock') @RequiresProduct(COUPONS_PRODUCT)
  activateCouponStock(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.admin.activate(ctx, id);
  }

  @Mutation(() => CouponStockType, { description: 'ACTIVE → PAUSED' }) @Allow('update', 'CouponStock') @RequiresProduct(COUPONS_PRODUCT)
  pauseCouponStock(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.admin.pause(ctx, id);
  }

  @Mutation(() => CouponStockType, { description: 'DRAFT | ACTIVE | PAUSED | EXHAUSTED → ENDED (final)' }) @Allow('update', 'CouponStock') @RequiresProduct(COUPONS_PRODUCT)
  endCouponStock(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.admin.end(ctx, id);
  }

  @Mutation(() => CouponStockType, { description: 'compare-and-set of the total quantity and the budget in money, never below what is claimed' })
  @Allow('adjustBudget', 'CouponStock')
  @RequiresProduct(COUPONS_PRODUCT)
  adjustCouponStockBudget(@Ctx() ctx: RequestContext, @IdArg() id: string, @Args('input') input: CouponStockBudgetInput) {
    return this.admin.adjustBudget(ctx, id, input);
  }
}
