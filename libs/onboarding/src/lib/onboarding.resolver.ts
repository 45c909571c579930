import { Args, ArgsType, Field, ID, Mutation, Resolver } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';
import { Allow, Authenticated, Ctx, IdArg, type RequestContext } from '@mop/api-kit';
import { ApplicationType } from '@mop/reviews';
import { MerchantType, ServiceProviderType } from '@mop/tenancy';
import { MerchantApplicationInput, ProviderApplicationInput } from './onboarding.types';
import { OnboardingService } from './onboarding.service';
import { TenantStatusService } from './tenant-status.service';

@ArgsType()
class SuspendArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id is not a valid id.' }) id!: string;
  @Field(() => String) @IsString() @Length(3, 500, { message: 'Give a reason of 3 to 500 characters.' }) reason!: string;
}

@Resolver()
export class OnboardingResolver {
  constructor(
    private readonly onboarding: OnboardingService,
    private readonly status: TenantStatusService,
  ) {}

  @Mutation(() => ApplicationType) @Authenticated()
  applyAsMerchant(@Ctx() ctx: RequestContext, @Args('input') input: MerchantApplicationInput) {
    return this.onboarding.applyAsMerchant(ctx, input);
  }

  @Mutation(() => ApplicationType) @Authenticated()
  resubmitMerchantApplication(@Ctx() ctx: RequestContext, @IdArg('applicationId') applicationId: string, @Args('input') input: MerchantApplicationInput) {
    return this.onboarding.resubmitMerchant(ctx, applicationId, input);
  }

  @Mutation(() => ApplicationType) @Authenticated()
  applyAsProvider(@Ctx() ctx: RequestContext, @Args('input') input: ProviderApplicationInput) {
    return this.onboarding.applyAsProvider(ctx, input);
  }

  @Mutation(() => ApplicationType) @Authenticated()
  resubmitProviderApplication(@Ctx() ctx: RequestContext, @IdArg('applicationId') applicationId: string, @Args('input') input: ProviderApplicationInput) {
    return this.onboarding.resubmitProvider(ctx, applicationId, input);
  }

  @Mutation(() => MerchantType) @Allow('suspend', 'Merchant')
  suspendMerchant(@Ctx() ctx: RequestContext, @Args() args: SuspendArgs) {
    return this.status.suspend(ctx, 'Merchant', args.id, args.reason);
  }

  @Mutation(() => MerchantType) @Allow('suspend', 'Merchant')
  reactivateMerchant(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.status.reactivate(ctx, 'Merchant', id);
  }

  @Mutation(() => ServiceProviderType) @Allow('suspend', 'ServiceProvider')
  suspendServiceProvider(@Ctx() ctx: RequestContext, @Args() args: SuspendArgs) {
    return this.status.suspend(ctx, 'ServiceProvider', args.id, args.reason);
  }

  @Mutation(() => ServiceProviderType) @Allow('suspend', 'ServiceProvider')
  reactivateServiceProvider(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.status.reactivate(ctx, 'ServiceProvider', id);
  }
}
