import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, IsString, IsUrl, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { StoreInput } from '@mop/tenancy';

const LICENCE = /^[A-Za-z0-9-]{6,40}$/;

@InputType()
export class MerchantApplicationInput {
  @Field(() => String) @IsString() @Length(2, 200, { message: 'The legal name has 2 to 200 characters.' }) legalName!: string;
  @Field(() => String) @IsString() @Length(2, 80, { message: 'The display name has 2 to 80 characters.' }) displayName!: string;
  @Field(() => String) @Matches(LICENCE, { message: 'A business licence number has 6 to 40 letters, digits or "-".' }) licenceNumber!: string;
  @Field(() => String) @IsString() @Length(2, 80, { message: 'Pick a category.' }) category!: string;
  @Field(() => String) @IsString() @Length(1, 80, { message: 'Enter a contact name.' }) contactName!: string;
  @Field(() => String) @IsEmail({}, { message: 'Enter a valid contact email.' }) @MaxLength(254) contactEmail!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^\+?[0-9 ()-]{5,30}$/, { message: 'Enter a valid phone number.' }) contactPhone?: string;
  @Field(() => String, { description: 'ISO 3166-1 alpha-2' }) @Matches(/^[A-Z]{2}$/, { message: 'A country is a two-letter ISO code, e.g. CN.' }) country!: string;
  @Field(() => String, { description: 'ISO 4217' }) @Matches(/^[A-Z]{3}$/, { message: 'A currency is a three-letter ISO code, e.g. CNY.' }) currency!: string;
  @Field(() => String, { description: 'IANA time zone, e.g. Asia/Shanghai' }) @IsString() @Length(3, 64) timeZone!: string;
  @Field(() => StoreInput) @ValidateNested() @Type(() => StoreInput) firstStore!: StoreInput;
}

@InputType()
export class ProviderApplicationInput {
  @Field(() => String) @IsString() @Length(2, 80, { message: 'The name has 2 to 80 characters.' }) name!: string;
  @Field(() => String) @IsString() @Length(2, 200, { message: 'The legal name has 2 to 200 characters.' }) legalName!: string;
  @Field(() => String) @Matches(LICENCE, { message: 'A business licence number has 6 to 40 letters, digits or "-".' }) licenceNumber!: string;
  @Field(() => String) @IsString() @Length(1, 80, { message: 'Enter a contact name.' }) contactName!: string;
  @Field(() => String) @IsEmail({}, { message: 'Enter a valid contact email.' }) @MaxLength(254) contactEmail!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl({ require_protocol: true }, { message: 'A website is a full URL (https://…).' }) @MaxLength(300) website?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) description?: string;
}
