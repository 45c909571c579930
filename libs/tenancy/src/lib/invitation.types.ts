import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEmail, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { RoleEnum, WorkspaceKindEnum } from '@mop/api-kit';
import type { Role } from '@mop/shared';

export const InvitationStatuses = ['PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED'] as const;
export type InvitationStatus = (typeof InvitationStatuses)[number];
export const InvitationStatusEnum = Object.fromEntries(InvitationStatuses.map((s) => [s, s])) as { [K in InvitationStatus]: K };
registerEnumType(InvitationStatusEnum, { name: 'InvitationStatus' });

@ObjectType('Invitation')
export class InvitationType {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => RoleEnum) role!: string;
  @Field(() => WorkspaceKindEnum) kind!: string;
  @Field(() => ID, { nullable: true }) merchantId!: string | null;
  @Field(() => ID, { nullable: true }) providerId!: string | null;
  @Field(() => [ID]) storeIds!: string[];
  @Field(() => InvitationStatusEnum) status!: InvitationStatus;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String, { nullable: true }) invitedByName!: string | null;
  @Field(() => String, { nullable: true, description: 'the accept link, returned once by inviteMember (null everywhere else)' }) acceptUrl!: string | null;
}

@InputType()
export class InvitationFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) q?: string;
  @Field(() => InvitationStatusEnum, { nullable: true }) @IsOptional() status?: InvitationStatus;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
}

@ObjectType('InvitationPreview', { description: 'what the accept page shows before sign-in' })
export class InvitationPreviewType {
  @Field(() => String) workspaceName!: string;
  @Field(() => WorkspaceKindEnum) kind!: string;
  @Field(() => RoleEnum) role!: string;
  @Field(() => String) email!: string;
  @Field(() => InvitationStatusEnum) status!: InvitationStatus;
  @Field(() => Date) expiresAt!: Date;
}

@InputType()
export class InviteMemberInput {
  @Field(() => String) @IsEmail({}, { message: 'Enter a valid email address.' }) @MaxLength(254) email!: string;
  @Field(() => RoleEnum) role!: Role;
  @Field(() => [ID], { nullable: true, description: 'the stores a CLERK works at (required for clerks, refused for other roles)' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'Each store id must be a store id.' })
  storeIds?: string[];
}
