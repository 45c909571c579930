import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { CLOSING_TIME, TIME_OF_DAY } from './opening-hours';

const NOT_BLANK = /\S/;

@InputType()
export class OpeningHoursInput {
  @Field(() => Int) @IsInt() @Min(1, { message: 'A weekday is 1 (Monday) to 7 (Sunday).' }) @Max(7, { message: 'A weekday is 1 (Monday) to 7 (Sunday).' }) weekday!: number;
  @Field(() => String) @IsString() @Matches(TIME_OF_DAY, { message: 'Opening time is HH:MM (00:00 to 23:59).' }) opens!: string;
  @Field(() => String) @IsString() @Matches(CLOSING_TIME, { message: 'Closing time is HH:MM (00:01 to 24:00).' }) closes!: string;
}

@InputType()
export class StoreInput {
  @Field(() => String)
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, { message: 'A store code has 1 to 32 letters, digits, "-" or "_".' })
  code!: string;

  @Field(() => String) @IsString() @Length(1, 120, { message: 'A store name has 1 to 120 characters.' }) @Matches(NOT_BLANK, { message: 'Enter the store name.' }) name!: string;

  @Field(() => String) @IsString() @Length(1, 300, { message: 'An address has 1 to 300 characters.' }) @Matches(NOT_BLANK, { message: 'Enter the address.' }) address!: string;

  @Field(() => [OpeningHoursInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(28, { message: 'At most 28 opening intervals (4 a day).' })
  @ValidateNested({ each: true })
  @Type(() => OpeningHoursInput)
  openingHours?: OpeningHoursInput[];
}

@InputType()
export class UpdateStoreInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 120, { message: 'A store name has 1 to 120 characters.' })
  @Matches(NOT_BLANK, { message: 'Enter the store name.' })
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 300, { message: 'An address has 1 to 300 characters.' })
  @Matches(NOT_BLANK, { message: 'Enter the address.' })
  address?: string;

  @Field(() => [OpeningHoursInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(28, { message: 'At most 28 opening intervals (4 a day).' })
  @ValidateNested({ each: true })
  @Type(() => OpeningHoursInput)
  openingHours?: OpeningHoursInput[];

  @Field(() => Int, { description: 'the version the edit started from: a stale one is CONFLICT' }) @IsInt() @Min(1) version!: number;
}
