import { Args, Query, Resolver } from '@nestjs/graphql';
import { ListArgs, ListMetadata, MetaArgs, Public } from '@mop/api-kit';
import { CouponPlazaService } from './coupon-plaza.service';
import { PlazaCouponType, PlazaFilter } from './public-channel.types';

@Resolver(() => PlazaCouponType)
export class CouponPlazaResolver {
  constructor(private readonly plaza: CouponPlazaService) {}

  @Query(() => [PlazaCouponType], { description: 'public, no sign-in: approved stocks on the public channel that can be claimed now' }) @Public()
  couponPlaza(@Args() args: ListArgs, @Args('filter', { nullable: true }) filter?: PlazaFilter) {
    return this.plaza.list(args, filter);
  }

  @Query(() => ListMetadata) @Public()
  async _couponPlazaMeta(@Args() _args: MetaArgs, @Args('filter', { nullable: true }) filter?: PlazaFilter) {
    return { count: await this.plaza.count(filter) };
  }
}
