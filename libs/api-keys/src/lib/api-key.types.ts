import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsEnum, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { ApiKeyScope } from '@mop/data-access';

registerEnumType(ApiKeyScope, { name: 'ApiKeyScope', description: 'what a server-to-server call made with the key may do' });
export { ApiKeyScope };

export const ApiKeyStatuses = ['ACTIVE', 'REVOKED', 'EXPIRED'] as const;
export type ApiKeyStatus = (typeof ApiKeyStatuses)[number];
export const ApiKeyStatusEnum = Object.fromEntries(ApiKeyStatuses.map((s) => [s, s])) as { [K in ApiKeyStatus]: K };
registerEnumType(ApiKeyStatusEnum, { name: 'ApiKeyStatus' });

const NOT_BLANK = /\S/;

@ObjectType('ApiKey', { description: 'server-to-server credentials of a merchant or a provider; the secret itself is never returned again' })
export class ApiKeyType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'the public part of the key (mop_<prefix>_…): identifies it without revealing it' }) prefix!: string;
  @Field(() => [ApiKeyScope]) scopes!: ApiKeyScope[];
  @Field(() => ID, { nullable: true }) merchantId!: string | null;
  @Field(() => ID, { nullable: true }) providerId!: string | null;
  @Field(() => ApiKeyStatusEnum) status!: ApiKeyStatus;
  @Field(() => Date, { nullable: true, description: 'to the minute' }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) expiresAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String, { nullable: true }) createdByName!: string | null;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyType {
  @Field(() => ApiKeyType) apiKey!: ApiKeyType;
  @Field(() => String, { description: 'the full secret, shown this once' }) secret!: string;
}

@InputType()
export class ApiKeyFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) q?: string;
  @Field(() => ApiKeyStatusEnum, { nullable: true }) @IsOptional() status?: ApiKeyStatus;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => String)
  @IsString()
  @Length(1, 80, { message: 'A key name has 1 to 80 characters.' })
  @Matches(NOT_BLANK, { message: 'Enter a name for the key.' })
  name!: string;

  @Field(() => [ApiKeyScope])
  @ArrayNotEmpty({ message: 'Choose at least one scope.' })
  @ArrayUnique({ message: 'Name each scope once.' })
  @ArrayMaxSize(Object.keys(ApiKeyScope).length)
  @IsEnum(ApiKeyScope, { each: true })
  scopes!: ApiKeyScope[];

  @Field(() => Date, { nullable: true, description: 'when the key stops working; in the future; none: until revoked' })
  @IsOptional()
  expiresAt?: Date | null;
}
