import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, IdArg, ListArgs, ListMetadata, MetaArgs, type RequestContext } from '@mop/api-kit';
import { TenancyService } from './tenancy.service';
import {
  AuthorizationFilter,
  AuthorizationType,
  MembershipFilter,
  MembershipType,
  MerchantFilter,
  MerchantType,
  ServiceProviderFilter,
  ServiceProviderType,
  StoreFilter,
  StoreType,
} from './tenancy.types';

@Resolver(() => MerchantType)
export class MerchantResolver {
  constructor(private readonly tenancy: TenancyService) {}

  @Query(() => [MerchantType]) @Allow('read', 'Merchant')
  allMerchants(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Args('filter', { nullable: true }) filter?: MerchantFilter) {
    return this.tenancy.listMerchants(ctx, args, filter);
  }

  @Query(() => ListMetadata) @Allow('read', 'Merchant')
  async _allMerchantsMeta(@Ctx() ctx: RequestContext, @Args() _args: MetaArgs, @Args('filter', { nullable: true }) filter?: MerchantFilter) {
    return { count: await this.tenancy.countMerchants(ctx, filter) };
  }

  @Query(() => MerchantType, { name: 'Merchant' }) @Allow('read', 'Merchant')
  merchant(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.tenancy.getMerchant(ctx, id);
  }
}

@Resolver(() => StoreType)
export class StoreResolver {
  constructor(private readonly tenancy: TenancyService) {}

  @Query(() => [StoreType]) @Allow('read', 'Store')
  allStores(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Args('filter', { nullable: true }) filter?: StoreFilter) {
    return this.tenancy.listStores(ctx, args, filter);
  }

  @Query(() => ListMetadata) @Allow('read', 'Store')
  async _allStoresMeta(@Ctx() ctx: RequestContext, @Args() _args: MetaArgs, @Args('filter', { nullable: true }) filter?: StoreFilter) {
    return { count: await this.tenancy.countStores(ctx, filter) };
  }

  @Query(() => StoreType, { name: 'Store' }) @Allow('read', 'Store')
  store(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.tenancy.getStore(ctx, id);
  }
}

@Resolver(() => ServiceProviderType)
export class ServiceProviderResolver {
  constructor(private readonly tenancy: TenancyService) {}

  @Query(() => [ServiceProviderType]) @Allow('read', 'ServiceProvider')
  allServiceProviders(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Args('filter', { nullable: true }) filter?: ServiceProviderFilter) {
    return this.tenancy.listProviders(ctx, args, filter);
  }

  @Query(() => ListMetadata) @Allow('read', 'ServiceProvider')
  async _allServiceProvidersMeta(@Ctx() ctx: RequestContext, @Args() _args: MetaArgs, @Args('filter', { nullable: true }) filter?: ServiceProviderFilter) {
    return { count: await this.tenancy.countProviders(ctx, filter) };
  }

  @Query(() => ServiceProviderType, { name: 'ServiceProvider' }) @Allow('read', 'ServiceProvider')
  serviceProvider(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.tenancy.getProvider(ctx, id);
  }
}

@Resolver(() => AuthorizationType)
export class AuthorizationResolver {
  constructor(private readonly tenancy: TenancyService) {}

  @Query(() => [AuthorizationType]) @Allow('read', 'Authorization')
  allAuthorizations(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Args('filter', { nullable: true }) filter?: AuthorizationFilter) {
    return this.tenancy.listAuthorizations(ctx, args, filter);
  }

  @Query(() => ListMetadata) @Allow('read', 'Authorization')
  async _allAuthorizationsMeta(@Ctx() ctx: RequestContext, @Args() _args: MetaArgs, @Args('filter', { nullable: true }) filter?: AuthorizationFilter) {
    return { count: await this.tenancy.countAuthorizations(ctx, filter) };
  }

  @Query(() => AuthorizationType, { name: 'Authorization' }) @Allow('read', 'Authorization')
  authorization(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.tenancy.getAuthorization(ctx, id);
  }
}

@Resolver(() => MembershipType)
export class MembershipResolver {
  constructor(private readonly tenancy: TenancyService) {}

  @Query(() => [MembershipType]) @Allow('read', 'Membership')
  allMemberships(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Args('filter', { nullable: true }) filter?: MembershipFilter) {
    return this.tenancy.listMemberships(ctx, args, filter);
  }

  @Query(() => ListMetadata) @Allow('read', 'Membership')
  async _allMembershipsMeta(@Ctx() ctx: RequestContext, @Args() _args: MetaArgs, @Args('filter', { nullable: true }) filter?: MembershipFilter) {
    return { count: await this.tenancy.countMemberships(ctx, filter) };
  }

  @Query(() => MembershipType, { name: 'Membership' }) @Allow('read', 'Membership')
  membership(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.tenancy.getMembership(ctx, id);
  }
}
