import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@ArgsType()
export class RevokeCouponArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id is not a valid id.' }) id!: string;

  @Field(() => String, { nullable: true, description: 'why, for the audit (e.g. issued by mistake)' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'A reason has at most 200 characters.' })
  reason?: string | null;
}
