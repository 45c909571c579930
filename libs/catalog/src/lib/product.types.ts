import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';

export const EnrollmentStatusEnum = { APPLIED: 'APPLIED', ACTIVE: 'ACTIVE', REJECTED: 'REJECTED', SUSPENDED: 'SUSPENDED' } as const;
registerEnumType(EnrollmentStatusEnum, { name: 'EnrollmentStatus' });

@ObjectType('Product')
export class ProductType {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => String) requirements!: string;
  @Field(() => Boolean) requiresReview!: boolean;
  @Field(() => EnrollmentStatusEnum, { nullable: true, description: 'for the active merchant; null when it never applied' }) enrollmentStatus!: string | null;
  @Field(() => String, { nullable: true }) enrollmentReason!: string | null;
  @Field(() => ID, { nullable: true }) applicationId!: string | null;
}

@InputType()
export class ProductFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) q?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
}
