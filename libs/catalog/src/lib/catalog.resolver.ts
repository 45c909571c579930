import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, IdArg, ListArgs, ListMetadata, MetaArgs, type RequestContext } from '@mop/api-kit';
import { CatalogService } from './catalog.service';
import { ProductFilter, ProductType } from './product.types';

@Resolver(() => ProductType)
export class CatalogResolver {
  constructor(private readonly catalog: CatalogService) {}

  @Query(() => [ProductType]) @Allow('read', 'Product')
  allProducts(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Args('filter', { nullable: true }) filter?: ProductFilter) {
    return this.catalog.list(ctx, args, filter);
  }

  @Query(() => ListMetadata) @Allow('read', 'Product')
  async _allProductsMeta(@Ctx() ctx: RequestContext, @Args() _args: MetaArgs, @Args('filter', { nullable: true }) filter?: ProductFilter) {
    return { count: await this.catalog.count(ctx, filter) };
  }

  @Query(() => ProductType, { name: 'Product' }) @Allow('read', 'Product')
  product(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.catalog.get(ctx, id);
  }

  @Mutation(() => ProductType) @Allow('create', 'ProductEnrollment')
  applyForProduct(@Ctx() ctx: RequestContext, @IdArg('productId') productId: string) {
    return this.catalog.apply(ctx, productId);
  }
}
