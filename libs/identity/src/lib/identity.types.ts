import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { RoleEnum, TenantStatusEnum, UserStatusEnum, WorkspaceKindEnum } from '@mop/api-kit';

export const LOCALES = ['en', 'zh-CN'] as const;

@ObjectType()
export class Workspace {
  @Field(() => ID) membershipId!: string;
  @Field(() => WorkspaceKindEnum) kind!: string;
  @Field(() => ID, { nullable: true, description: 'merchant or provider id; null for the platform workspace' }) id!: string | null;
  @Field(() => String) name!: string;
  @Field(() => RoleEnum) role!: string;
  @Field(() => TenantStatusEnum, { nullable: true, description: 'tenant status; null for the platform workspace' }) status!: string | null;
  @Field(() => String, { nullable: true, description: 'why the tenant is suspended or rejected' }) statusReason!: string | null;
}

@ObjectType()
export class Me {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String) locale!: string;
  @Field(() => [Workspace]) workspaces!: Workspace[];
  @Field(() => Workspace, { nullable: true }) activeWorkspace!: Workspace | null;
  @Field(() => GraphQLJSON, { description: 'packed CASL rules of the active workspace; [] when none is active' }) permissions!: unknown;
}

@ObjectType()
export class LoginPayload {
  @Field(() => String, { description: 'the session token (also set as an HttpOnly cookie)' }) token!: string;
  @Field(() => Me) me!: Me;
}

@InputType()
export class LoginInput {
  @Field(() => String) @IsEmail({}, { message: 'Enter a valid email address.' }) @MaxLength(254) email!: string;
  @Field(() => String) @IsString() @Length(1, 200, { message: 'Enter your password.' }) password!: string;
}

@InputType()
export class SignUpInput {
  @Field(() => String) @IsEmail({}, { message: 'Enter a valid email address.' }) @MaxLength(254) email!: string;
  @Field(() => String) @IsString() @MaxLength(200) password!: string;
  @Field(() => String) @IsString() @Length(1, 80, { message: 'A display name has 1 to 80 characters.' }) displayName!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(LOCALES as unknown as string[], { message: `The language is one of ${LOCALES.join(', ')}.` })
  locale?: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String) @IsString() @Length(1, 200, { message: 'Enter your current password.' }) currentPassword!: string;
  @Field(() => String) @IsString() @MaxLength(200) newPassword!: string;
}

@InputType()
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 80, { message: 'A display name has 1 to 80 characters.' })
  displayName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(LOCALES as unknown as string[], { message: `The language is one of ${LOCALES.join(', ')}.` })
  locale?: string;
}

@ObjectType()
export class SessionInfo {
  @Field(() => ID) id!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) lastSeenAt!: Date;
  @Field(() => Date) idleExpiresAt!: Date;
  @Field(() => Date) absoluteExpiresAt!: Date;
  @Field(() => String, { nullable: true }) ip!: string | null;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
  @Field(() => Boolean) current!: boolean;
}

@ObjectType('User')
export class UserType {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String) locale!: string;
  @Field(() => UserStatusEnum) status!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => [Workspace]) workspaces!: Workspace[];
}

@InputType()
export class UserFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) q?: string;
  @Field(() => UserStatusEnum, { nullable: true }) @IsOptional() status?: 'ACTIVE' | 'DISABLED';
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
}

@ArgsType()
export class DisableUserArgs {
  @Field(() => ID) @IsUUID('all', { message: 'Not a user id.' }) id!: string;
  @Field(() => String) @IsString() @Length(3, 500, { message: 'Give a reason of 3 to 500 characters.' }) reason!: string;
}
