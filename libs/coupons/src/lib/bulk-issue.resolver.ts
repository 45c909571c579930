import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, IdArg, ListArgs, ListMetadata, MetaArgs, type RequestContext, RequiresProduct } from '@mop/api-kit';
import { BulkIssueService } from './bulk-issue.service';
import { BulkIssueItemsArgs, BulkIssueItemType, BulkIssueOutcomeType, BulkIssueRunFilter, BulkIssueRunType, MAX_BULK_ISSUE_REFS, StartBulkIssueInput } from './bulk-issue.types';
import { COUPONS_PRODUCT } from './coupon-stock.service';

@Resolver(() => BulkIssueRunType)
export class BulkIssueResolver {
  constructor(private readonly bulk: BulkIssueService) {}

  @Mutation(() => BulkIssueRunType, {
    description: `starts issuing one coupon of an ACTIVE stock with the BULK_ISSUE channel to each distinct customer of the list (at most ${MAX_BULK_ISSUE_REFS}); the worker issues them, the run shows the progress`,
  })
  @Allow('create', 'BulkIssueRun')
  @RequiresProduct(COUPONS_PRODUCT)
  startBulkIssue(@Ctx() ctx: RequestContext, @Args('input') input: StartBulkIssueInput) {
    return this.bulk.start(ctx, input);
  }

  @Query(() => [BulkIssueRunType], { description: 'bulk issue runs, newest first' })
  @Allow('read', 'BulkIssueRun')
  @RequiresProduct(COUPONS_PRODUCT)
  allBulkIssueRuns(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Args('filter', { nullable: true }) filter?: BulkIssueRunFilter) {
    return this.bulk.list(ctx, args, filter);
  }

  @Query(() => ListMetadata) @Allow('read', 'BulkIssueRun') @RequiresProduct(COUPONS_PRODUCT)
  async _allBulkIssueRunsMeta(@Ctx() ctx: RequestContext, @Args() _args: MetaArgs, @Args('filter', { nullable: true }) filter?: BulkIssueRunFilter) {
    return { count: await this.bulk.count(ctx, filter) };
  }

  @Query(() => BulkIssueRunType, { name: 'BulkIssueRun' }) @Allow('read', 'BulkIssueRun') @RequiresProduct(COUPONS_PRODUCT)
  bulkIssueRun(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.bulk.get(ctx, id);
  }

  @Query(() => [BulkIssueItemType], { description: "a run's customers in list order (optionally of one status): the coupon code each got, or why none" })
  @Allow('read', 'BulkIssueRun')
  @RequiresProduct(COUPONS_PRODUCT)
  bulkIssueItems(@Ctx() ctx: RequestContext, @Args() args: BulkIssueItemsArgs) {
    return this.bulk.items(ctx, args);
  }

  @ResolveField(() => [BulkIssueOutcomeType], { description: 'how many items ended each way, by status and reason, most first' })
  outcomes(@Parent() run: BulkIssueRunType) {
    return this.bulk.outcomes(run.id);
  }
}
