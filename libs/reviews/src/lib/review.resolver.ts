import { Args, ArgsType, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { Allow, Authenticated, Ctx, IdArg, ListArgs, ListMetadata, MetaArgs, type RequestContext } from '@mop/api-kit';
import { ApplicationFilter, ApplicationType, BulkDecisionResult } from './application.types';
import { ReviewService } from './review.service';

@ArgsType()
class ApproveArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id is not a valid id.' }) id!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

@ArgsType()
class RejectArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id is not a valid id.' }) id!: string;
  @Field(() => String) @IsString() @Length(3, 1000, { message: 'Say why the application is rejected (3 to 1000 characters).' }) reason!: string;
}

@ArgsType()
class BulkApproveArgs {
  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'Pick at least one application.' })
  @ArrayMaxSize(100, { message: 'Approve at most 100 applications at once.' })
  @IsUUID('all', { each: true, message: 'ids must be valid ids.' })
  ids!: string[];
}

@Resolver(() => ApplicationType)
export class ReviewResolver {
  constructor(private readonly reviews: ReviewService) {}

  @Query(() => [ApplicationType]) @Allow('read', 'Application')
  allApplications(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Args('filter', { nullable: true }) filter?: ApplicationFilter) {
    return this.reviews.list(ctx, args, filter);
  }

  @Query(() => ListMetadata) @Allow('read', 'Application')
  async _allApplicationsMeta(@Ctx() ctx: RequestContext, @Args() _args: MetaArgs, @Args('filter', { nullable: true }) filter?: ApplicationFilter) {
    return { count: await this.reviews.count(ctx, filter) };
  }

  @Query(() => ApplicationType, { name: 'Application' }) @Allow('read', 'Application')
  application(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.reviews.get(ctx, id);
  }

  @Query(() => [ApplicationType], { description: "the signed-in user's own applications, newest first" }) @Authenticated()
  myApplications(@Ctx() ctx: RequestContext) {
    return this.reviews.mine(ctx);
  }

  @Mutation(() => ApplicationType) @Allow('decide', 'Application')
  approveApplication(@Ctx() ctx: RequestContext, @Args() args: ApproveArgs) {
    return this.reviews.approve(ctx, args.id, args.note);
  }

  @Mutation(() => ApplicationType) @Allow('decide', 'Application')
  rejectApplication(@Ctx() ctx: RequestContext, @Args() args: RejectArgs) {
    return this.reviews.reject(ctx, args.id, args.reason);
  }

  @Mutation(() => BulkDecisionResult) @Allow('decide', 'Application')
  bulkApproveApplications(@Ctx() ctx: RequestContext, @Args() args: BulkApproveArgs) {
    return this.reviews.bulkApprove(ctx, args.ids);
  }

  @Mutation(() => ApplicationType, { description: 'the applicant takes back an undecided application' }) @Authenticated()
  withdrawApplication(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.reviews.withdraw(ctx, id);
  }
}
