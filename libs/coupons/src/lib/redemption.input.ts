import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { REF_PATTERN } from './coupon.types';

const SAFE_CHARACTERS = 'Use letters, digits and . _ : @ + - only.';
const CODE_LENGTH = 'A coupon code has 1 to 128 characters.';

@ArgsType()
export class CheckCouponArgs {
  @Field(() => String, { description: 'what the customer shows' })
  @IsString()
  @MinLength(1, { message: CODE_LENGTH })
  @MaxLength(128, { message: CODE_LENGTH })
  code!: string;

  @Field(() => ID, { nullable: true, description: 'the store the coupon would be redeemed at; required for clerks (one of their stores)' })
  @IsOptional()
  @IsUUID('all', { message: 'storeId is not a valid id.' })
  storeId?: string | null;

  @Field(() => Int, { nullable: true, description: 'the order amount in minor units, to check the minimum spend and work out the discount' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'The order amount cannot be negative.' })
  orderAmount?: number | null;
}

@InputType({ description: 'one redemption; replaying the same requestId with the same input returns the first result' })
export class RedeemCouponInput {
  @Field(() => String)
  @IsString()
  @MinLength(1, { message: CODE_LENGTH })
  @MaxLength(128, { message: CODE_LENGTH })
  code!: string;

  @Field(() => ID, { nullable: true, description: "the store it is redeemed at: required for clerks (one of theirs) and for coupons restricted to some stores" })
  @IsOptional()
  @IsUUID('all', { message: 'storeId is not a valid id.' })
  storeId?: string | null;

  @Field(() => String, { nullable: true, description: "the merchant's own reference of the order" })
  @IsOptional()
  @MinLength(1, { message: 'An order reference has 1 to 128 characters.' })
  @MaxLength(128, { message: 'An order reference has 1 to 128 characters.' })
  @Matches(REF_PATTERN, { message: SAFE_CHARACTERS })
  orderRef?: string | null;

  @Field(() => Int, { description: 'the order amount in minor units of the coupon\'s currency, before the discount' })
  @IsInt()
  @Min(0, { message: 'The order amount cannot be negative.' })
  orderAmount!: number;

  @Field(() => String, { description: 'idempotency key, unique per merchant (8–128 characters)' })
  @MinLength(8, { message: 'A requestId has 8 to 128 characters.' })
  @MaxLength(128, { message: 'A requestId has 8 to 128 characters.' })
  @Matches(REF_PATTERN, { message: SAFE_CHARACTERS })
  requestId!: string;
}

@InputType({ description: 'gives a redeemed coupon back (the order was refunded) while it is still valid; replaying the same requestId returns the first result' })
export class ReverseRedemptionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'redemptionId is not a valid id.' })
  redemptionId!: string;

  @Field(() => String, { description: 'idempotency key, unique per merchant (8–128 characters)' })
  @MinLength(8, { message: 'A requestId has 8 to 128 characters.' })
  @MaxLength(128, { message: 'A requestId has 8 to 128 characters.' })
  @Matches(REF_PATTERN, { message: SAFE_CHARACTERS })
  requestId!: string;

  @Field(() => String, { nullable: true, description: 'why, for the record (e.g. the refund)' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'A reason has at most 200 characters.' })
  reason?: string | null;
}
