import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';

export const ApplicationKindEnum = {
  MERCHANT_ONBOARDING: 'MERCHANT_ONBOARDING',
  PROVIDER_ONBOARDING: 'PROVIDER_ONBOARDING',
  PRODUCT_ENROLLMENT: 'PRODUCT_ENROLLMENT',
  MINIPROGRAM_RELEASE: 'MINIPROGRAM_RELEASE',
  MESSAGE_TEMPLATE: 'MESSAGE_TEMPLATE',
  COUPON_PUBLIC_CHANNEL: 'COUPON_PUBLIC_CHANNEL',
} as const;
export type ApplicationKindName = keyof typeof ApplicationKindEnum;
export const ApplicationStatusEnum = { SUBMITTED: 'SUBMITTED', APPROVED: 'APPROVED', REJECTED: 'REJECTED', WITHDRAWN: 'WITHDRAWN' } as const;
export const ApplicationEventKindEnum = { SUBMITTED: 'SUBMITTED', APPROVED: 'APPROVED', REJECTED: 'REJECTED', WITHDRAWN: 'WITHDRAWN', COMMENTED: 'COMMENTED' } as const;
registerEnumType(ApplicationKindEnum, { name: 'ApplicationKind' });
registerEnumType(ApplicationStatusEnum, { name: 'ApplicationStatus' });
registerEnumType(ApplicationEventKindEnum, { name: 'ApplicationEventKind' });

/** How long a submitted application may wait for a decision before the queue flags it. */
export const REVIEW_TARGET_HOURS = 24;

@ObjectType()
export class ApplicationEvent {
  @Field(() => ID) id!: string;
  @Field(() => ApplicationEventKindEnum) kind!: string;
  @Field(() => String) actorLabel!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Date) at!: Date;
}

@ObjectType('Application')
export class ApplicationType {
  @Field(() => ID) id!: string;
  @Field(() => ApplicationKindEnum) kind!: string;
  @Field(() => ApplicationStatusEnum) status!: string;
  @Field(() => String) subjectType!: string;
  @Field(() => ID) subjectId!: string;
  @Field(() => String, { description: 'the merchant, provider or product the application is about' }) subjectName!: string;
  @Field(() => ID, { nullable: true }) applicantUserId!: string | null;
  @Field(() => String, { nullable: true }) applicantEmail!: string | null;
  @Field(() => String, { nullable: true }) applicantName!: string | null;
  @Field(() => ID, { nullable: true }) merchantId!: string | null;
  @Field(() => ID, { nullable: true }) providerId!: string | null;
  @Field(() => GraphQLJSON, { description: 'the snapshot that was submitted' }) payload!: unknown;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true }) reviewerName!: string | null;
  @Field(() => Date) submittedAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => Float, { description: 'hours from submission to decision (or to now while undecided)' }) ageHours!: number;
  @Field(() => Boolean, { description: `submitted and waiting longer than the ${REVIEW_TARGET_HOURS} h review target` }) overdue!: boolean;
  @Field(() => [ApplicationEvent]) events!: ApplicationEvent[];
  @Field(() => [ApplicationType], { description: 'applications about the same subject submitted before this one, newest first' })
  earlierApplications!: ApplicationType[];
}

@InputType()
export class ApplicationFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) q?: string;
  @Field(() => ApplicationKindEnum, { nullable: true }) @IsOptional() kind?: ApplicationKindName;
  @Field(() => ApplicationStatusEnum, { nullable: true }) @IsOptional() status?: keyof typeof ApplicationStatusEnum;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(24 * 365) olderThanHours?: number;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() merchantId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() providerId?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
}

@ObjectType()
export class BulkDecisionFailure {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) message!: string;
}

@ObjectType()
export class BulkDecisionResult {
  @Field(() => [ID]) approved!: string[];
  @Field(() => [BulkDecisionFailure]) failed!: BulkDecisionFailure[];
}
