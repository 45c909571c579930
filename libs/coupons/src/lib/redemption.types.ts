import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CouponType as CouponKind, type Redemption } from '@mop/data-access';
import { CouponType } from './coupon.types';
import { CouponRefusal } from './redemption.rules';

registerEnumType(CouponRefusal, { name: 'CouponRefusal', description: 'why a coupon cannot be redeemed here and now' });

export { CouponRefusal };

@ObjectType('Redemption', { description: 'one use of a coupon at the counter or through the API, and its reversal; amounts in minor units of `currency`' })
export class RedemptionType {
  @Field(() => ID) id!: string;
  @Field(() => ID) couponId!: string;
  @Field(() => String) code!: string;
  @Field(() => ID) merchantId!: string;
  @Field(() => ID, { nullable: true, description: 'null: redeemed without naming a store (through the API)' }) storeId!: string | null;
  @Field(() => String, { nullable: true }) orderRef!: string | null;
  @Field(() => Int) orderAmount!: number;
  @Field(() => Int) discountAmount!: number;
  @Field(() => String) currency!: string;
  @Field(() => String, { description: "the redemption's idempotency key" }) requestId!: string;
  @Field(() => Date) redeemedAt!: Date;
  @Field(() => ID, { nullable: true, description: 'the signed-in user (a clerk, a manager, a provider operator)' }) redeemedByUserId!: string | null;
  @Field(() => ID, { nullable: true }) redeemedByApiKeyId!: string | null;
  @Field(() => ID, { nullable: true, description: 'set when a provider redeemed for the merchant' }) redeemedByProviderId!: string | null;
  @Field(() => Date, { nullable: true }) reversedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "the reversal's idempotency key" }) reverseRequestId!: string | null;
  @Field(() => ID, { nullable: true }) reversedByUserId!: string | null;
  @Field(() => ID, { nullable: true }) reversedByApiKeyId!: string | null;
  @Field(() => String, { nullable: true }) reverseReason!: string | null;
}

@ObjectType('RedemptionResult', {
  description: 'what a redemption did, as it was done: every replay of its requestId gets this same answer, whatever happened to the coupon since',
})
export class RedemptionResultType {
  @Field(() => ID, { description: 'the redemption' }) id!: string;
  @Field(() => ID) couponId!: string;
  @Field(() => String) code!: string;
  @Field(() => ID) stockId!: string;
  @Field(() => ID) merchantId!: string;
  @Field(() => CouponKind) type!: CouponKind;
  @Field(() => String, { nullable: true, description: 'EXCHANGE: what to hand over' }) exchangeItem!: string | null;
  @Field(() => ID, { nullable: true }) storeId!: string | null;
  @Field(() => String, { nullable: true }) orderRef!: string | null;
  @Field(() => Int) orderAmount!: number;
  @Field(() => Int, { description: 'what the coupon takes off the order' }) discountAmount!: number;
  @Field(() => String) currency!: string;
  @Field(() => String) requestId!: string;
  @Field(() => Date) redeemedAt!: Date;
}

@ObjectType('CouponCheck', { description: 'a coupon looked up by its code at the counter: whether it can be redeemed here and now, and for how much' })
export class CouponCheckType {
  @Field(() => CouponType) coupon!: CouponType;
  @Field(() => Boolean) usable!: boolean;
  @Field(() => [CouponRefusal], { description: 'empty when usable' }) reasons!: CouponRefusal[];
  @Field(() => Int, { nullable: true, description: 'what redeeming it would take off the given order amount; null unless usable and an amount is given' })
  discount!: number | null;
  @Field(() => RedemptionType, { nullable: true, description: 'the redemption that used it, when REDEEMED and yours to see' })
  lastRedemption!: RedemptionType | null;
}

/** What every read of a redemption brings along: the coupon's code, and its stock's terms for a result. */
export const REDEMPTION_INCLUDE = { coupon: { select: { code: true, stockId: true, stock: { select: { type: true, exchangeItem: true } } } } } as const;

type RedemptionRow = Redemption & { coupon: { code: string; stockId: string; stock: { type: CouponKind; exchangeItem: string | null } } };

export function toRedemption({ coupon, ...r }: RedemptionRow): RedemptionType {
  return {
    id: r.id, couponId: r.couponId, code: coupon.code, merchantId: r.merchantId, storeId: r.storeId, orderRef: r.orderRef, orderAmount: r.orderAmount,
    discountAmount: r.discountAmount, currency: r.currency, requestId: r.redeemRequestId, redeemedAt: r.redeemedAt, redeemedByUserId: r.redeemedByUserId,
    redeemedByApiKeyId: r.redeemedByApiKeyId, redeemedByProviderId: r.redeemedByProviderId, reversedAt: r.reversedAt, reverseRequestId: r.reverseRequestId,
    reversedByUserId: r.reversedByUserId, reversedByApiKeyId: r.reversedByApiKeyId, reverseReason: r.reverseReason,
  };
}

/** Only what cannot change once redeemed: the stock's type and exchanged item are locked once it is active. */
export function toRedemptionResult({ coupon, ...r }: RedemptionRow): RedemptionResultType {
  return {
    id: r.id, couponId: r.couponId, code: coupon.code, stockId: coupon.stockId, merchantId: r.merchantId, type: coupon.stock.type, exchangeItem: coupon.stock.exchangeItem,
    storeId: r.storeId, orderRef: r.orderRef, orderAmount: r.orderAmount, discountAmount: r.discountAmount, currency: r.currency, requestId: r.redeemRequestId,
    redeemedAt: r.redeemedAt,
  };
}
