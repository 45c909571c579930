import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, IdArg, ListArgs, ListMetadata, MetaArgs, type RequestContext } from '@mop/api-kit';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookAttemptType, WebhookDeliveryFilter, WebhookDeliveryType } from './webhook-delivery.types';

@Resolver(() => WebhookDeliveryType)
export class WebhookDeliveryResolver {
  constructor(private readonly deliveries: WebhookDeliveryService) {}

  @Query(() => [WebhookDeliveryType]) @Allow('read', 'WebhookDelivery')
  allWebhookDeliveries(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Args('filter', { nullable: true }) filter?: WebhookDeliveryFilter) {
    return this.deliveries.list(ctx, args, filter);
  }

  @Query(() => ListMetadata) @Allow('read', 'WebhookDelivery')
  async _allWebhookDeliveriesMeta(@Ctx() ctx: RequestContext, @Args() _args: MetaArgs, @Args('filter', { nullable: true }) filter?: WebhookDeliveryFilter) {
    return { count: await this.deliveries.count(ctx, filter) };
  }

  @Query(() => WebhookDeliveryType, { name: 'WebhookDelivery' }) @Allow('read', 'WebhookDelivery')
  webhookDelivery(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.deliveries.get(ctx, id);
  }

  @Mutation(() => WebhookDeliveryType, { description: 'SUCCEEDED | FAILED → PENDING: sends the same event again as a new job' })
  @Allow('replay', 'WebhookDelivery')
  replayWebhookDelivery(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.deliveries.replay(ctx, id);
  }

  @ResolveField(() => [WebhookAttemptType])
  attemptLog(@Parent() delivery: WebhookDeliveryType) {
    return this.deliveries.attemptsOf(delivery.id);
  }
}
