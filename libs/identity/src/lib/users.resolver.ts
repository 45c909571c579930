import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, IdArg, ListArgs, ListMetadata, MetaArgs, type RequestContext } from '@mop/api-kit';
import { DisableUserArgs, UserFilter, UserType } from './identity.types';
import { UsersService } from './users.service';

@Resolver(() => UserType)
export class UsersResolver {
  constructor(private readonly users: UsersService) {}

  @Query(() => [UserType])
  @Allow('read', 'User')
  allUsers(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Args('filter', { nullable: true }) filter?: UserFilter) {
    return this.users.list(ctx, args, filter);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'User')
  async _allUsersMeta(@Ctx() ctx: RequestContext, @Args() _args: MetaArgs, @Args('filter', { nullable: true }) filter?: UserFilter) {
    return { count: await this.users.count(ctx, filter) };
  }

  @Query(() => UserType, { name: 'User' })
  @Allow('read', 'User')
  user(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.users.get(ctx, id);
  }

  @Mutation(() => UserType)
  @Allow('disable', 'User')
  disableUser(@Ctx() ctx: RequestContext, @Args() args: DisableUserArgs) {
    return this.users.setStatus(ctx, args.id, 'DISABLED', args.reason);
  }

  @Mutation(() => UserType)
  @Allow('disable', 'User')
  enableUser(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.users.setStatus(ctx, id, 'ACTIVE');
  }
}
