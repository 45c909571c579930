import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { CouponType, ValidityKind } from './coupon-stock.types';

export const PublicChannelState = { NONE: 'NONE', SUBMITTED: 'SUBMITTED', APPROVED: 'APPROVED', REJECTED: 'REJECTED' } as const;
export type PublicChannelState = keyof typeof PublicChannelState;
registerEnumType(PublicChannelState, {
  name: 'PublicChannelState',
  description: "where the stock stands with the public channel, by its latest application: NONE (never submitted, or withdrawn), SUBMITTED (in review), APPROVED, REJECTED (may be submitted again)",
});

/**
 * A stock as the public coupon plaza shows it to anyone, signed in or not: what a customer needs to
 * decide to claim it, and nothing of how the merchant runs it (budgets, counters, creators, stores).
 */
@ObjectType('PlazaCoupon', { description: 'an approved, active stock on the public channel; amounts in minor units of `currency`' })
export class PlazaCouponType {
  @Field(() => ID, { description: "the stock's id (what a claim names)" }) id!: string;
  @Field(() => ID) merchantId!: string;
  @Field(() => String, { description: "the merchant's display name" }) merchantName!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => CouponType) type!: CouponType;
  @Field(() => Int, { nullable: true }) faceValue!: number | null;
  @Field(() => Int, { nullable: true }) percentOff!: number | null;
  @Field(() => Int, { nullable: true }) maxDiscount!: number | null;
  @Field(() => String, { nullable: true }) exchangeItem!: string | null;
  @Field(() => Int) minSpend!: number;
  @Field(() => String) currency!: string;
  @Field(() => Date) claimStartsAt!: Date;
  @Field(() => Date, { description: 'end of the claim window (exclusive)' }) claimEndsAt!: Date;
  @Field(() => ValidityKind) validityKind!: ValidityKind;
  @Field(() => Date, { nullable: true }) validFrom!: Date | null;
  @Field(() => Date, { nullable: true }) validUntil!: Date | null;
  @Field(() => Int, { nullable: true }) validDays!: number | null;
  @Field(() => [Int], { description: 'ISO weekdays 1 (Monday) … 7 (Sunday); empty: every day' }) usableWeekdays!: number[];
  @Field(() => Int, { nullable: true, description: "minutes after local midnight (the merchant's time zone), [from, to)" }) usableFromMinute!: number | null;
  @Field(() => Int, { nullable: true }) usableToMinute!: number | null;
  @Field(() => Int, { description: 'how many one customer may claim' }) perCustomerLimit!: number;
  @Field(() => Int, { description: 'coupons left to claim' }) remaining!: number;
}

@InputType()
export class PlazaFilter {
  @Field(() => String, { nullable: true, description: "part of the stock's or the merchant's name" }) @IsOptional() @MaxLength(100) q?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Choose the merchant by its id.' }) merchantId?: string;
}
