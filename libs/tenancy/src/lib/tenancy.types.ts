import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import {
  AuthorizationScopeEnum,
  AuthorizationStatusEnum,
  MembershipStatusEnum,
  RoleEnum,
  StoreStatusEnum,
  TenantStatusEnum,
  WorkspaceKindEnum,
} from '@mop/api-kit';

@ObjectType('Merchant')
export class MerchantType {
  @Field(() => ID) id!: string;
  @Field(() => String) legalName!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String) licenceNumber!: string;
  @Field(() => String) category!: string;
  @Field(() => String) contactName!: string;
  @Field(() => String) contactEmail!: string;
  @Field(() => String, { nullable: true }) contactPhone!: string | null;
  @Field(() => String) country!: string;
  @Field(() => String) currency!: string;
  @Field(() => String) timeZone!: string;
  @Field(() => TenantStatusEnum) status!: string;
  @Field(() => String, { nullable: true }) statusReason!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}

@InputType()
export class MerchantFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) q?: string;
  @Field(() => TenantStatusEnum, { nullable: true }) @IsOptional() status?: 'PENDING_REVIEW' | 'ACTIVE' | 'REJECTED' | 'SUSPENDED';
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
}

@ObjectType('OpeningHours', { description: 'one opening interval: weekday 1 = Monday … 7 = Sunday, "HH:MM" 24h, opens < closes' })
export class OpeningHoursType {
  @Field(() => Int) weekday!: number;
  @Field(() => String) opens!: string;
  @Field(() => String) closes!: string;
}

@ObjectType('Store')
export class StoreType {
  @Field(() => ID) id!: string;
  @Field(() => ID) merchantId!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String) address!: string;
  @Field(() => [OpeningHoursType]) openingHours!: OpeningHoursType[];
  @Field(() => StoreStatusEnum) status!: string;
  @Field(() => Int) version!: number;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}

@InputType()
export class StoreFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) q?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() merchantId?: string;
  @Field(() => StoreStatusEnum, { nullable: true }) @IsOptional() status?: 'OPEN' | 'CLOSED';
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
}

@ObjectType('ServiceProvider')
export class ServiceProviderType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) legalName!: string;
  @Field(() => String) licenceNumber!: string;
  @Field(() => String) contactName!: string;
  @Field(() => String) contactEmail!: string;
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => TenantStatusEnum) status!: string;
  @Field(() => String, { nullable: true }) statusReason!: string | null;
  @Field(() => Date) createdAt!: Date;
}

@InputType()
export class ServiceProviderFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) q?: string;
  @Field(() => TenantStatusEnum, { nullable: true }) @IsOptional() status?: 'PENDING_REVIEW' | 'ACTIVE' | 'REJECTED' | 'SUSPENDED';
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
}

@ObjectType('Authorization')
export class AuthorizationType {
  @Field(() => ID) id!: string;
  @Field(() => ID) merchantId!: string;
  @Field(() => ID) providerId!: string;
  @Field(() => String) merchantName!: string;
  @Field(() => String) providerName!: string;
  @Field(() => [AuthorizationScopeEnum]) scopes!: string[];
  @Field(() => AuthorizationStatusEnum) status!: string;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}

@InputType()
export class AuthorizationFilter {
  @Field(() => AuthorizationStatusEnum, { nullable: true }) @IsOptional() status?: 'REQUESTED' | 'ACTIVE' | 'DECLINED' | 'REVOKED' | 'EXPIRED';
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() merchantId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() providerId?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
}

@ObjectType('Membership')
export class MembershipType {
  @Field(() => ID) id!: string;
  @Field(() => ID) userId!: string;
  @Field(() => String) email!: string;
  @Field(() => String) displayName!: string;
  @Field(() => WorkspaceKindEnum) kind!: string;
  @Field(() => ID, { nullable: true }) merchantId!: string | null;
  @Field(() => ID, { nullable: true }) providerId!: string | null;
  @Field(() => RoleEnum) role!: string;
  @Field(() => MembershipStatusEnum) status!: string;
  @Field(() => [ID]) storeIds!: string[];
  @Field(() => Date) createdAt!: Date;
}

@InputType()
export class MembershipFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) q?: string;
  @Field(() => RoleEnum, { nullable: true }) @IsOptional() role?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
}
