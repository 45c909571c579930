import { Args, Field, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, type RequestContext, RequiresProduct } from '@mop/api-kit';
import { CouponClaimService } from './claim.service';
import { ClaimableStocksQuery } from './claimable-stocks.query';
import { COUPONS_PRODUCT } from './coupon-stock.service';
import { CouponStockType } from './coupon-stock.types';
import { ClaimCouponInput, CouponType } from './coupon.types';

@ObjectType('ClaimableCouponStock', { description: "an active stock as one customer sees it: what it holds and whether it can claim now" })
export class ClaimableCouponStockType {
  @Field(() => CouponStockType) stock!: CouponStockType;
  @Field(() => Int, { description: 'coupons of this stock the customer holds' }) held!: number;
  @Field(() => Int, { description: 'of which claimed today (merchant time zone)' }) heldToday!: number;
  @Field(() => String, { nullable: true, description: 'why a claim would be refused now (SOLD_OUT, CUSTOMER_LIMIT, DAILY_LIMIT, NOT_STARTED); null: it can claim' })
  refusal!: string | null;
}

@Resolver()
export class ClaimResolver {
  constructor(
    private readonly claims: CouponClaimService,
    private readonly claimable: ClaimableStocksQuery,
  ) {}

  @Mutation(() => CouponType, { description: 'claims a coupon for a customer; the same requestId returns the same coupon, with other input it is CONFLICT' })
  @Allow('claim', 'Coupon')
  @RequiresProduct(COUPONS_PRODUCT)
  claimCoupon(@Ctx() ctx: RequestContext, @Args('input') input: ClaimCouponInput) {
    return this.claims.claim(ctx, input);
  }

  @Query(() => [ClaimableCouponStockType], { description: "the customer sandbox: the stocks open for claims now, with this customer's holdings" })
  @Allow('claim', 'Coupon')
  @RequiresProduct(COUPONS_PRODUCT)
  claimableCouponStocks(@Ctx() ctx: RequestContext, @Args('customerRef') customerRef: string) {
    return this.claimable.list(ctx, customerRef);
  }
}
