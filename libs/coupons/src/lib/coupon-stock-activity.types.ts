import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

export const MAX_ACTIVITY_DAYS = 90;

@ObjectType('CouponStockDay', { description: "one day of a stock's activity, in the merchant's time zone" })
export class CouponStockDayType {
  @Field(() => String, { description: 'YYYY-MM-DD' }) day!: string;
  @Field(() => Int, { description: 'coupons claimed that day' }) claimed!: number;
  @Field(() => Int, { description: 'redemptions made that day (reversed later or not)' }) redeemed!: number;
  @Field(() => Int, { description: 'redemptions reversed that day' }) reversed!: number;
}

@ArgsType()
export class CouponStockActivityArgs {
  @Field(() => ID) @IsUUID('all', { message: 'stockId is not a valid id.' }) stockId!: string;

  @Field(() => Int, { defaultValue: 30, description: `the last N days, today included (1 to ${MAX_ACTIVITY_DAYS})` })
  @IsInt()
  @Min(1, { message: `Activity covers 1 to ${MAX_ACTIVITY_DAYS} days.` })
  @Max(MAX_ACTIVITY_DAYS, { message: `Activity covers 1 to ${MAX_ACTIVITY_DAYS} days.` })
  days = 30;
}
