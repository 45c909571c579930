import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { CodeMode, CouponChannel, CouponType, ValidityKind } from './coupon-stock.types';

const NOT_BLANK = /\S/;
export const MAX_TOTAL_QUANTITY = 10_000_000;
const MAX_VALID_DAYS = 3650;

/**
 * What a merchant (or a provider for it) sets on a stock. Single-field rules live here; the rules
 * between fields (type, windows, limits against the quantity) are `validateStock` in coupon-stock.rules.
 */
@InputType()
export class CouponStockInput {
  @Field(() => ID, { nullable: true, description: 'required when a provider acts for a merchant; in a merchant workspace omit it (or it must be that merchant)' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose the merchant by its id.' })
  merchantId?: string | null;

  @Field(() => String)
  @IsString()
  @Length(1, 80, { message: 'A stock name has 1 to 80 characters.' })
  @Matches(NOT_BLANK, { message: 'Enter a name for the stock.' })
  name!: string;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500, { message: 'A description has at most 500 characters.' }) description?: string | null;

  @Field(() => CouponType) type!: CouponType;

  @Field(() => Int, { nullable: true, description: 'FIXED_AMOUNT: the discount, in minor units' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'The face value is an amount in minor units, more than 0.' })
  faceValue?: number | null;

  @Field(() => Int, { nullable: true, description: 'PERCENT_OFF: 1..100' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'The percentage off is between 1 and 100.' })
  @Max(100, { message: 'The percentage off is between 1 and 100.' })
  percentOff?: number | null;

  @Field(() => Int, { nullable: true, description: 'PERCENT_OFF: the most a coupon takes off, in minor units' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'The maximum discount is an amount in minor units, more than 0.' })
  maxDiscount?: number | null;

  @Field(() => String, { nullable: true, description: 'EXCHANGE: what the coupon is exchanged for' })
  @IsOptional()
  @IsString()
  @Length(1, 120, { message: 'Describe the exchanged item in 1 to 120 characters.' })
  @Matches(NOT_BLANK, { message: 'Describe the item the coupon is exchanged for.' })
  exchangeItem?: string | null;

  @Field(() => Int, { nullable: true, description: 'default 0 (no minimum)' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'The minimum spend cannot be negative.' })
  minSpend?: number | null;

  @Field(() => Date) claimStartsAt!: Date;
  @Field(() => Date) claimEndsAt!: Date;
  @Field(() => ValidityKind) validityKind!: ValidityKind;
  @Field(() => Date, { nullable: true }) validFrom?: Date | null;
  @Field(() => Date, { nullable: true }) validUntil?: Date | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: `A coupon stays valid for 1 to ${MAX_VALID_DAYS} days after its claim.` })
  @Max(MAX_VALID_DAYS, { message: `A coupon stays valid for 1 to ${MAX_VALID_DAYS} days after its claim.` })
  validDays?: number | null;

  @Field(() => [Int], { nullable: true, description: 'ISO weekdays 1 (Monday) … 7 (Sunday); empty or omitted: every day' })
  @IsOptional()
  @ArrayUnique({ message: 'Each weekday can be chosen once.' })
  @IsInt({ each: true })
  @Min(1, { each: true, message: 'A weekday is 1 (Monday) to 7 (Sunday).' })
  @Max(7, { each: true, message: 'A weekday is 1 (Monday) to 7 (Sunday).' })
  usableWeekdays?: number[] | null;

  @Field(() => Int, { nullable: true, description: 'minutes after local midnight; with usableToMinute, or neither' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'Usable hours start between 00:00 (0) and 23:59 (1439).' })
  @Max(1439, { message: 'Usable hours start between 00:00 (0) and 23:59 (1439).' })
  usableFromMinute?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'Usable hours end between 00:01 (1) and 24:00 (1440).' })
  @Max(1440, { message: 'Usable hours end between 00:01 (1) and 24:00 (1440).' })
  usableToMinute?: number | null;

  @Field(() => [ID], { nullable: true, description: "open stores of the merchant; empty or omitted: every store" })
  @IsOptional()
  @ArrayMaxSize(1000)
  @ArrayUnique({ message: 'Each store can be chosen once.' })
  @IsUUID('all', { each: true, message: 'Choose stores by their ids.' })
  storeIds?: string[] | null;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: `The total quantity is between 1 and ${MAX_TOTAL_QUANTITY.toLocaleString('en')}.` })
  @Max(MAX_TOTAL_QUANTITY, { message: `The total quantity is between 1 and ${MAX_TOTAL_QUANTITY.toLocaleString('en')}.` })
  totalQuantity!: number;

  @Field(() => Int) @IsInt() @Min(1, { message: 'A customer may claim at least 1 coupon.' }) perCustomerLimit!: number;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1, { message: 'A daily limit is at least 1 coupon a day.' }) perCustomerDailyLimit?: number | null;

  @Field(() => Int, { nullable: true, description: 'at most this many coupons are handed out' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'A budget in coupons is at least 1.' })
  budgetCount?: number | null;

  @Field(() => Int, { nullable: true, description: 'at most this much value is handed out, in minor units' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'A budget in money is more than 0.' })
  budgetAmount?: number | null;

  @Field(() => [CouponChannel])
  @ArrayNotEmpty({ message: 'Choose at least one channel.' })
  @ArrayUnique({ message: 'Each channel can be chosen once.' })
  channels!: CouponChannel[];

  @Field(() => CodeMode) codeMode!: CodeMode;
}

@InputType({ description: 'compare-and-set: the expected values are the ones the change was decided on' })
export class CouponStockBudgetInput {
  @Field(() => Int) @IsInt() expectedTotalQuantity!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: `The total quantity is between 1 and ${MAX_TOTAL_QUANTITY.toLocaleString('en')}.` })
  @Max(MAX_TOTAL_QUANTITY, { message: `The total quantity is between 1 and ${MAX_TOTAL_QUANTITY.toLocaleString('en')}.` })
  totalQuantity!: number;

  @Field(() => Int, { nullable: true, description: 'null: the stock has no budget in money now' }) @IsOptional() @IsInt() expectedBudgetAmount?: number | null;

  @Field(() => Int, { nullable: true, description: 'null: no budget in money' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'A budget in money is more than 0.' })
  budgetAmount?: number | null;
}
