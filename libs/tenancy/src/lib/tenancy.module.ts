import { Module } from '@nestjs/common';
import { AuthorizationResolver, MembershipResolver, MerchantResolver, ServiceProviderResolver, StoreResolver } from './tenancy.resolvers';
import { TenancyService } from './tenancy.service';

@Module({
  providers: [TenancyService, MerchantResolver, StoreResolver, ServiceProviderResolver, AuthorizationResolver, MembershipResolver],
})
export class TenancyModule {}
