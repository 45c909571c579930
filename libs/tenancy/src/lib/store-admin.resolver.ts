import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, IdArg, type RequestContext } from '@mop/api-kit';
import { StoreAdminService } from './store-admin.service';
import { StoreInput, UpdateStoreInput } from './store-admin.types';
import { StoreType } from './tenancy.types';

@Resolver(() => StoreType)
export class StoreAdminResolver {
  constructor(private readonly stores: StoreAdminService) {}

  @Mutation(() => StoreType, { description: 'a store of the active merchant; the code is unique per merchant' }) @Allow('create', 'Store')
  createStore(@Ctx() ctx: RequestContext, @Args('input') input: StoreInput) {
    return this.stores.create(ctx, input);
  }

  @Mutation(() => StoreType, { description: 'optimistic: a stale version is CONFLICT' }) @Allow('update', 'Store')
  updateStore(@Ctx() ctx: RequestContext, @IdArg() id: string, @Args('input') input: UpdateStoreInput) {
    return this.stores.update(ctx, id, input);
  }

  @Mutation(() => StoreType, { description: 'OPEN → CLOSED' }) @Allow('update', 'Store')
  closeStore(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.stores.close(ctx, id);
  }

  @Mutation(() => StoreType, { description: 'CLOSED → OPEN' }) @Allow('update', 'Store')
  reopenStore(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.stores.reopen(ctx, id);
  }
}
