import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';

export const COUPON_STOCK_STATUSES = ['DRAFT', 'ACTIVE', 'PAUSED', 'ENDED', 'EXHAUSTED'] as const;

@ObjectType('CouponStock')
export class CouponStockType {
  @Field(() => ID) id!: string;
  @Field(() => ID) merchantId!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'FIXED_AMOUNT, PERCENT_OFF or EXCHANGE' }) type!: string;
  @Field(() => String, { description: 'DRAFT, ACTIVE, PAUSED, ENDED or EXHAUSTED' }) status!: string;
  @Field(() => String) currency!: string;
  @Field(() => Int) totalQuantity!: number;
  @Field(() => Int) claimedCount!: number;
  @Field(() => Int) remaining!: number;
  @Field(() => Date) claimStartsAt!: Date;
  @Field(() => Date) claimEndsAt!: Date;
  @Field(() => Date) createdAt!: Date;
}

@InputType()
export class CouponStockFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) q?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIn(COUPON_STOCK_STATUSES as unknown as string[], { message: `status is one of ${COUPON_STOCK_STATUSES.join(', ')}.` }) status?: (typeof COUPON_STOCK_STATUSES)[number];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() merchantId?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
}
