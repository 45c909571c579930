import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, IdArg, ListArgs, ListMetadata, MetaArgs, type RequestContext } from '@mop/api-kit';
import { WebhookEndpointService } from './webhook-endpoint.service';
import { CreateWebhookEndpointInput, UpdateWebhookEndpointInput, WebhookEndpointFilter, WebhookEndpointSecretType, WebhookEndpointType } from './webhook-endpoint.types';

@Resolver(() => WebhookEndpointType)
export class WebhookEndpointResolver {
  constructor(private readonly endpoints: WebhookEndpointService) {}

  @Query(() => [WebhookEndpointType]) @Allow('read', 'WebhookEndpoint')
  allWebhookEndpoints(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Args('filter', { nullable: true }) filter?: WebhookEndpointFilter) {
    return this.endpoints.list(ctx, args, filter);
  }

  @Query(() => ListMetadata) @Allow('read', 'WebhookEndpoint')
  async _allWebhookEndpointsMeta(@Ctx() ctx: RequestContext, @Args() _args: MetaArgs, @Args('filter', { nullable: true }) filter?: WebhookEndpointFilter) {
    return { count: await this.endpoints.count(ctx, filter) };
  }

  @Query(() => WebhookEndpointType, { name: 'WebhookEndpoint' }) @Allow('read', 'WebhookEndpoint')
  webhookEndpoint(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.endpoints.get(ctx, id);
  }

  @Mutation(() => WebhookEndpointSecretType, { description: "an endpoint of the active merchant; its signing secret is in this answer only" })
  @Allow('create', 'WebhookEndpoint')
  createWebhookEndpoint(@Ctx() ctx: RequestContext, @Args('input') input: CreateWebhookEndpointInput) {
    return this.endpoints.create(ctx, input);
  }

  @Mutation(() => WebhookEndpointType, { description: 'changes the fields given; a stale version is CONFLICT' })
  @Allow('update', 'WebhookEndpoint')
  updateWebhookEndpoint(@Ctx() ctx: RequestContext, @IdArg() id: string, @Args('version', { type: () => Int }) version: number, @Args('input') input: UpdateWebhookEndpointInput) {
    return this.endpoints.update(ctx, id, version, input);
  }

  @Mutation(() => WebhookEndpointSecretType, { description: 'a new signing secret, in this answer only; the old one stops at once' })
  @Allow('update', 'WebhookEndpoint')
  rotateWebhookEndpointSecret(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.endpoints.rotateSecret(ctx, id);
  }

  @Mutation(() => WebhookEndpointType, { description: 'deletes the endpoint with its deliveries; pending ones are not sent' })
  @Allow('delete', 'WebhookEndpoint')
  deleteWebhookEndpoint(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.endpoints.delete(ctx, id);
  }
}
