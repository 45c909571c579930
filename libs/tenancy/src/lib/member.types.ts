import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsUUID } from 'class-validator';
import { RoleEnum } from '@mop/api-kit';
import type { Role } from '@mop/shared';

@InputType()
export class UpdateMemberInput {
  @Field(() => RoleEnum, { nullable: true }) @IsOptional() role?: Role;
  @Field(() => [ID], { nullable: true, description: 'the stores a CLERK works at' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'Each store id must be a store id.' })
  storeIds?: string[];
}
