import { Module } from '@nestjs/common';
import { IdentityModule } from '@mop/identity';
import { InvitationsService } from './invitations.service';
import { MembersService } from './members.service';
import { OutboxService } from './outbox.service';
import { MemberAdminResolver, InvitationResolver } from './staff.resolver';
import { StoreAdminResolver } from './store-admin.resolver';
import { StoreAdminService } from './store-admin.service';
import { AuthorizationResolver, MembershipResolver, MerchantResolver, ServiceProviderResolver, StoreResolver } from './tenancy.resolvers';
import { TenancyService } from './tenancy.service';

@Module({
  imports: [IdentityModule],
  providers: [
    TenancyService,
    MerchantResolver,
    StoreResolver,
    ServiceProviderResolver,
    AuthorizationResolver,
    MembershipResolver,
    StoreAdminService,
    StoreAdminResolver,
    OutboxService,
    InvitationsService,
    MembersService,
    InvitationResolver,
    MemberAdminResolver,
  ],
  exports: [OutboxService],
})
export class TenancyModule {}
