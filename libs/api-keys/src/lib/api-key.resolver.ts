import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, IdArg, ListArgs, ListMetadata, MetaArgs, type RequestContext, RequiresProduct } from '@mop/api-kit';
import { ApiKeyService } from './api-key.service';
import { ApiKeyFilter, ApiKeyType, CreateApiKeyInput, CreatedApiKeyType } from './api-key.types';

export const API_ACCESS_PRODUCT = 'API_ACCESS';

@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  constructor(private readonly keys: ApiKeyService) {}

  @Query(() => [ApiKeyType]) @Allow('read', 'ApiKey') @RequiresProduct(API_ACCESS_PRODUCT)
  allApiKeys(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Args('filter', { nullable: true }) filter?: ApiKeyFilter) {
    return this.keys.list(ctx, args, filter);
  }

  @Query(() => ListMetadata) @Allow('read', 'ApiKey') @RequiresProduct(API_ACCESS_PRODUCT)
  async _allApiKeysMeta(@Ctx() ctx: RequestContext, @Args() _args: MetaArgs, @Args('filter', { nullable: true }) filter?: ApiKeyFilter) {
    return { count: await this.keys.count(ctx, filter) };
  }

  @Query(() => ApiKeyType, { name: 'ApiKey' }) @Allow('read', 'ApiKey') @RequiresProduct(API_ACCESS_PRODUCT)
  apiKey(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.keys.get(ctx, id);
  }

  @Mutation(() => CreatedApiKeyType, { description: "a key of the active merchant (with API access) or provider; its secret is in this answer only" })
  @Allow('create', 'ApiKey')
  @RequiresProduct(API_ACCESS_PRODUCT)
  createApiKey(@Ctx() ctx: RequestContext, @Args('input') input: CreateApiKeyInput) {
    return this.keys.create(ctx, input);
  }

  @Mutation(() => ApiKeyType, { description: 'ACTIVE or EXPIRED → REVOKED (final): calls with the key are refused from now on' })
  @Allow('revoke', 'ApiKey')
  @RequiresProduct(API_ACCESS_PRODUCT)
  revokeApiKey(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.keys.revoke(ctx, id);
  }
}
