import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { CouponChannel, CouponStatus, CouponType as CouponKind } from '@mop/data-access';

registerEnumType(CouponStatus, { name: 'CouponStatus', description: 'AVAILABLE → REDEEMED → AVAILABLE (reversal); AVAILABLE → EXPIRED | REVOKED' });

export { CouponStatus };

/** Customer references and request ids: what a merchant's systems use, kept to a safe alphabet. */
export const REF_PATTERN = /^[A-Za-z0-9._:@+-]+$/;

@ObjectType('Coupon', { description: "one customer's coupon of a stock; amounts in minor units of `currency`" })
export class CouponType {
  @Field(() => ID) id!: string;
  @Field(() => ID) stockId!: string;
  @Field(() => String) stockName!: string;
  @Field(() => ID) merchantId!: string;
  @Field(() => String, { description: 'what the customer shows at the counter: unguessable, unique' }) code!: string;
  @Field(() => String) customerRef!: string;
  @Field(() => String, { description: "the claim's idempotency key" }) claimRequestId!: string;
  @Field(() => CouponStatus) status!: CouponStatus;
  @Field(() => CouponKind) type!: CouponKind;
  @Field(() => Int, { nullable: true }) faceValue!: number | null;
  @Field(() => Int, { nullable: true }) percentOff!: number | null;
  @Field(() => Int, { nullable: true }) maxDiscount!: number | null;
  @Field(() => String, { nullable: true }) exchangeItem!: string | null;
  @Field(() => Int) minSpend!: number;
  @Field(() => String) currency!: string;
  @Field(() => Date) validFrom!: Date;
  @Field(() => Date, { description: 'end of validity (exclusive)' }) validUntil!: Date;
  @Field(() => [Int], { description: "the stock's usable ISO weekdays (1 Monday … 7 Sunday); empty: every day" }) usableWeekdays!: number[];
  @Field(() => Int, { nullable: true, description: "usable from this minute after local midnight (the merchant's time zone)" }) usableFromMinute!: number | null;
  @Field(() => Int, { nullable: true, description: 'usable until this minute (exclusive); null: all day' }) usableToMinute!: number | null;
  @Field(() => CouponChannel) claimedVia!: CouponChannel;
  @Field(() => Date) claimedAt!: Date;
  @Field(() => Boolean, { description: "claimed in the console's customer sandbox" }) claimedInSandbox!: boolean;
  @Field(() => ID, { nullable: true }) bulkIssueRunId!: string | null;
  @Field(() => Date, { nullable: true }) redeemedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => Date, { nullable: true }) expiredAt!: Date | null;
  @Field(() => Int) version!: number;
}

@InputType({ description: 'a claim for one customer; replaying the same requestId returns the first coupon' })
export class ClaimCouponInput {
  @Field(() => ID) @IsUUID() stockId!: string;
  @Field(() => String, { description: "the merchant's own reference of the customer" })
  @MinLength(1)
  @MaxLength(128)
  @Matches(REF_PATTERN, { message: 'Use letters, digits and . _ : @ + - only.' })
  customerRef!: string;
  @Field(() => String, { description: 'idempotency key, unique per merchant (8–128 characters)' })
  @MinLength(8)
  @MaxLength(128)
  @Matches(REF_PATTERN, { message: 'Use letters, digits and . _ : @ + - only.' })
  requestId!: string;
  @Field(() => CouponChannel, { nullable: true, description: 'where the customer claims it; MINI_PROGRAM when left out' })
  @IsOptional()
  @IsIn(['MINI_PROGRAM', 'PAYMENT_RESULT_PAGE', 'CARD_WALLET', 'PUBLIC_CHANNEL'], { message: 'Bulk issue hands coupons out through its own runs.' })
  channel?: CouponChannel;
}

@InputType()
export class CouponFilter {
  @Field(() => String, { nullable: true, description: 'code or customer reference' }) @IsOptional() @MaxLength(128) q?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() stockId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(128) customerRef?: string;
  @Field(() => CouponStatus, { nullable: true }) @IsOptional() status?: CouponStatus;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
}

/** What every read of a coupon brings along from its stock: the terms the customer sees. */
export const COUPON_INCLUDE = {
  stock: {
    select: {
      name: true, type: true, faceValue: true, percentOff: true, maxDiscount: true, exchangeItem: true, minSpend: true, currency: true,
      usableWeekdays: true, usableFromMinute: true, usableToMinute: true,
    },
  },
} as const;

interface CouponRow {
  id: string;
  stockId: string;
  merchantId: string;
  code: string;
  customerRef: string;
  claimRequestId: string;
  status: CouponStatus;
  validFrom: Date;
  validUntil: Date;
  claimedVia: CouponChannel;
  claimedAt: Date;
  claimedInSandbox: boolean;
  bulkIssueRunId: string | null;
  redeemedAt: Date | null;
  revokedAt: Date | null;
  expiredAt: Date | null;
  version: number;
  stock: {
    name: string; type: CouponKind; faceValue: number | null; percentOff: number | null; maxDiscount: number | null; exchangeItem: string | null; minSpend: number; currency: string;
    usableWeekdays: number[]; usableFromMinute: number | null; usableToMinute: number | null;
  };
}

export function toCoupon({ stock, ...c }: CouponRow): CouponType {
  return {
    id: c.id, stockId: c.stockId, stockName: stock.name, merchantId: c.merchantId, code: c.code, customerRef: c.customerRef, claimRequestId: c.claimRequestId,
    status: c.status, type: stock.type, faceValue: stock.faceValue, percentOff: stock.percentOff, maxDiscount: stock.maxDiscount, exchangeItem: stock.exchangeItem,
    minSpend: stock.minSpend, currency: stock.currency, validFrom: c.validFrom, validUntil: c.validUntil, claimedVia: c.claimedVia, claimedAt: c.claimedAt,
    usableWeekdays: stock.usableWeekdays, usableFromMinute: stock.usableFromMinute, usableToMinute: stock.usableToMinute,
    claimedInSandbox: c.claimedInSandbox, bulkIssueRunId: c.bulkIssueRunId, redeemedAt: c.redeemedAt, revokedAt: c.revokedAt, expiredAt: c.expiredAt, version: c.version,
  };
}
