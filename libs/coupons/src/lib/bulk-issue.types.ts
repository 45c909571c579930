import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional, IsUUID, Matches, MaxLength, MinLength, registerDecorator, type ValidationArguments } from 'class-validator';
import { BulkIssueItemStatus, BulkIssueStatus } from '@mop/data-access';
import { REF_PATTERN } from './coupon.types';

registerEnumType(BulkIssueStatus, { name: 'BulkIssueStatus', description: 'PENDING → RUNNING → COMPLETED (nothing failed) | PARTIAL (some customers failed) | FAILED (every customer failed)' });
registerEnumType(BulkIssueItemStatus, { name: 'BulkIssueItemStatus', description: 'PENDING → ISSUED | SKIPPED (refused: the reason says why) | FAILED (an error)' });

export { BulkIssueItemStatus, BulkIssueStatus };

/** The most distinct customers one run issues to. */
export const MAX_BULK_ISSUE_REFS = 100_000;
/** The most items `bulkIssueItems` returns per page (a report of 100,000 lines is read in 200 pages). */
export const MAX_BULK_ISSUE_ITEMS_PAGE = 500;

/**
 * A list of customer refs: each 1–128 characters of REF_PATTERN, at most MAX_BULK_ISSUE_REFS distinct.
 * The message names the first bad entry by its position, which is what a merchant can find in its file.
 */
function IsCustomerRefList() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCustomerRefList',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => refListProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) => refListProblem(args?.value) ?? 'is invalid',
      },
    });
}

export function refListProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return 'Send at least one customer reference.';
  for (let i = 0; i < value.length; i += 1) {
    const ref: unknown = value[i];
    if (typeof ref !== 'string' || ref.length < 1 || ref.length > 128 || !REF_PATTERN.test(ref)) {
      const shown = typeof ref === 'string' ? (ref.length > 70 ? `${ref.slice(0, 70)}…` : ref) : String(ref);
      return `Customer reference ${(i + 1).toLocaleString('en')} ("${shown}") is not valid: use 1 to 128 letters, digits and . _ : @ + - only. Nothing was started.`;
    }
  }
  const distinct = new Set(value as string[]).size;
  if (distinct > MAX_BULK_ISSUE_REFS) {
    return `A run issues to at most ${MAX_BULK_ISSUE_REFS.toLocaleString('en')} customers (this list has ${distinct.toLocaleString('en')}): split it into several runs.`;
  }
  return null;
}

@InputType({ description: 'one coupon of a stock for each distinct customer of the list; replaying the same requestId with the same list returns the first run' })
export class StartBulkIssueInput {
  @Field(() => ID) @IsUUID('all', { message: 'stockId is not a valid id.' }) stockId!: string;

  @Field(() => [String], { description: `the merchant's customer refs (1–128 of A–Z a–z 0–9 . _ : @ + -), at most ${MAX_BULK_ISSUE_REFS} distinct; a repeated ref gets one coupon` })
  @IsCustomerRefList()
  customerRefs!: string[];

  @Field(() => String, { description: 'idempotency key, unique per merchant (8–128 characters)' })
  @MinLength(8)
  @MaxLength(128)
  @Matches(REF_PATTERN, { message: 'Use letters, digits and . _ : @ + - only.' })
  requestId!: string;
}

@ObjectType('BulkIssueOutcome', { description: 'how many items of a run ended one way, for one reason' })
export class BulkIssueOutcomeType {
  @Field(() => BulkIssueItemStatus) status!: BulkIssueItemStatus;
  @Field(() => String, { nullable: true, description: 'SKIPPED: the refusal (SOLD_OUT, CUSTOMER_LIMIT, …); FAILED: the error; null when ISSUED or PENDING' }) reason!: string | null;
  @Field(() => Int) count!: number;
}

@ObjectType('BulkIssueRun', { description: "a bulk issue: one coupon of a stock for each customer of an uploaded list, issued by the worker" })
export class BulkIssueRunType {
  @Field(() => ID) id!: string;
  @Field(() => ID) merchantId!: string;
  @Field(() => ID) stockId!: string;
  @Field(() => String) stockName!: string;
  @Field(() => String, { description: "the start's idempotency key" }) requestId!: string;
  @Field(() => ID, { nullable: true, description: 'who started it' }) requestedById!: string | null;
  @Field(() => String, { nullable: true }) requestedByName!: string | null;
  @Field(() => ID, { nullable: true, description: 'the provider that started it for the merchant' }) providerId!: string | null;
  @Field(() => BulkIssueStatus) status!: BulkIssueStatus;
  @Field(() => Int, { description: 'distinct customers in the list' }) total!: number;
  @Field(() => Int) issued!: number;
  @Field(() => Int) skipped!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int, { description: 'total − issued − skipped − failed: still to do' }) pending!: number;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}

@ObjectType('BulkIssueItem', { description: "one customer of a run and what it got" })
export class BulkIssueItemType {
  @Field(() => ID) id!: string;
  @Field(() => ID) runId!: string;
  @Field(() => Int, { description: 'position in the uploaded list (1-based, first occurrence)' }) seq!: number;
  @Field(() => String) customerRef!: string;
  @Field(() => BulkIssueItemStatus) status!: BulkIssueItemStatus;
  @Field(() => ID, { nullable: true }) couponId!: string | null;
  @Field(() => String, { nullable: true, description: 'ISSUED: the code the customer redeems' }) couponCode!: string | null;
  @Field(() => String, { nullable: true, description: 'SKIPPED: the refusal (SOLD_OUT, CUSTOMER_LIMIT, DAILY_LIMIT, NOT_ACTIVE, …); FAILED: the error' }) reason!: string | null;
  @Field(() => String, { nullable: true, description: 'why, in words' }) error!: string | null;
  @Field(() => Date) updatedAt!: Date;
}

@InputType()
export class BulkIssueRunFilter {
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() stockId?: string;
  @Field(() => BulkIssueStatus, { nullable: true }) @IsOptional() status?: BulkIssueStatus;
}

@ArgsType()
export class BulkIssueItemsArgs {
  @Field(() => ID) @IsUUID('all', { message: 'runId is not a valid id.' }) runId!: string;
  @Field(() => BulkIssueItemStatus, { nullable: true }) @IsOptional() status?: BulkIssueItemStatus;
  @Field(() => Int, { nullable: true, description: '0-based' }) page?: number;
  @Field(() => Int, { nullable: true, description: `1 to ${MAX_BULK_ISSUE_ITEMS_PAGE}, 100 when left out` }) perPage?: number;
}
