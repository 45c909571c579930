import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { WorkspaceKindEnum } from '@mop/api-kit';

@ObjectType('AuditEvent')
export class AuditEventType {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field(() => ID, { nullable: true }) actorUserId!: string | null;
  @Field(() => String) actorLabel!: string;
  @Field(() => WorkspaceKindEnum, { nullable: true }) workspaceKind!: string | null;
  @Field(() => ID, { nullable: true }) workspaceId!: string | null;
  @Field(() => ID, { nullable: true }) onBehalfOfMerchantId!: string | null;
  @Field(() => ID, { nullable: true }) merchantId!: string | null;
  @Field(() => ID, { nullable: true }) providerId!: string | null;
  @Field(() => String) action!: string;
  @Field(() => String) subjectType!: string;
  @Field(() => String, { nullable: true }) subjectId!: string | null;
  @Field(() => GraphQLJSON, { nullable: true }) changes!: unknown;
  @Field(() => String) requestId!: string;
}

@InputType()
export class AuditEventFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) q?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) action?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) subjectType?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() actorUserId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() merchantId?: string;
  @Field(() => Date, { nullable: true }) @IsOptional() at_gte?: Date;
  @Field(() => Date, { nullable: true }) @IsOptional() at_lte?: Date;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
}
