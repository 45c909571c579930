import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Authenticated, Ctx, IdArg, ListArgs, ListMetadata, MetaArgs, Public, type RequestContext } from '@mop/api-kit';
import { Me } from '@mop/identity';
import { InvitationFilter, InvitationPreviewType, InvitationType, InviteMemberInput } from './invitation.types';
import { InvitationsService } from './invitations.service';
import { UpdateMemberInput } from './member.types';
import { MembersService } from './members.service';
import { MembershipType } from './tenancy.types';

@Resolver(() => InvitationType)
export class InvitationResolver {
  constructor(private readonly invitations: InvitationsService) {}

  @Query(() => [InvitationType]) @Allow('read', 'Invitation')
  allInvitations(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Args('filter', { nullable: true }) filter?: InvitationFilter) {
    return this.invitations.list(ctx, args, filter);
  }

  @Query(() => ListMetadata) @Allow('read', 'Invitation')
  async _allInvitationsMeta(@Ctx() ctx: RequestContext, @Args() _args: MetaArgs, @Args('filter', { nullable: true }) filter?: InvitationFilter) {
    return { count: await this.invitations.count(ctx, filter) };
  }

  @Query(() => InvitationType, { name: 'Invitation' }) @Allow('read', 'Invitation')
  invitation(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.invitations.get(ctx, id);
  }

  @Query(() => InvitationPreviewType, { description: 'what an invitation is, for the accept page before sign-in; unknown token: NOT_FOUND' }) @Public()
  invitationPreview(@Args('token') token: string) {
    return this.invitations.preview(token);
  }

  @Mutation(() => InvitationType, { description: 'invites an e-mail address to the active workspace; the answer carries the accept link, once' })
  @Allow('create', 'Invitation')
  inviteMember(@Ctx() ctx: RequestContext, @Args('input') input: InviteMemberInput) {
    return this.invitations.invite(ctx, input);
  }

  @Mutation(() => InvitationType, { description: 'PENDING → REVOKED' }) @Allow('revoke', 'Invitation')
  revokeInvitation(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.invitations.revoke(ctx, id);
  }

  @Mutation(() => Me, { description: "joins the invitation's workspace (the signed-in e-mail must be the invited one) and makes it the active one" })
  @Authenticated()
  acceptInvitation(@Ctx() ctx: RequestContext, @Args('token') token: string) {
    return this.invitations.accept(ctx, token);
  }
}

@Resolver(() => MembershipType)
export class MemberAdminResolver {
  constructor(private readonly members: MembersService) {}

  @Mutation(() => MembershipType, { description: "a member's role and stores (not the owner's, not one's own)" }) @Allow('update', 'Membership')
  updateMember(@Ctx() ctx: RequestContext, @IdArg() id: string, @Args('input') input: UpdateMemberInput) {
    return this.members.update(ctx, id, input);
  }

  @Mutation(() => MembershipType, { description: "ends a membership; the member's sessions leave the workspace" }) @Allow('delete', 'Membership')
  removeMember(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.members.remove(ctx, id);
  }
}
