import { Inject, Injectable } from '@nestjs/common';
import { type Db, type Membership, PRISMA } from '@mop/data-access';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError, type RequestContext } from '@mop/api-kit';
import { AuditService } from '@mop/audit';
import { accessibleWhere, canOn } from '@mop/authz';
import type { Role } from '@mop/shared';
import type { UpdateMemberInput } from './member.types';
import { checkStaffAssignment, staffWorkspaceOf, type StaffWorkspace } from './staff-roles';
import type { MembershipType } from './tenancy.types';
import { TenancyService } from './tenancy.service';

type MembershipWithStores = Membership & { stores: { storeId: string }[] };

/** The staff of a workspace: change a member's role and stores, remove a member. */
@Injectable()
export class MembersService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly audit: AuditService,
    private readonly tenancy: TenancyService,
  ) {}

  async update(ctx: RequestContext, id: string, input: UpdateMemberInput): Promise<MembershipType> {
    if (input.role == null && input.storeIds == null) throw new BadUserInputError('input', 'Nothing to change.');
    const { membership, ws } = await this.loadManageable(ctx, id, 'update');
    if (membership.role === 'OWNER') throw new ConflictError("The owner's role cannot be changed.", { reason: 'OWNER' });
    const role = (input.role ?? membership.role) as Role;
    const currentStoreIds = membership.stores.map((s) => s.storeId);
    // A clerk keeps its stores unless new ones are given; a new role starts from the stores given.
    const wanted = input.storeIds ?? (role === membership.role ? currentStoreIds : []);
    const storeIds = await checkStaffAssignment(this.db, ws, role, wanted);

    await this.db.$transaction(async (tx) => {
      const { count } = await tx.membership.updateMany({
        where: { id, status: 'ACTIVE', version: membership.version },
        data: { role, version: { increment: 1 } },
      });
      if (count === 0) throw changedMeanwhile();
      await tx.clerkStore.deleteMany({ where: { membershipId: id } });
      if (storeIds.length) await tx.clerkStore.createMany({ data: storeIds.map((storeId) => ({ membershipId: id, storeId })) });
      await this.audit.record(tx, ctx, {
        action: 'membership.update',
        subjectType: 'Membership',
        subjectId: id,
        merchantId: membership.merchantId,
        providerId: membership.providerId,
        changes: { before: { role: membership.role, storeIds: currentStoreIds }, after: { role, storeIds } },
      });
    });
    return this.tenancy.getMembership(ctx, id);
  }

  /** Ends the membership; every session acting in it loses its active workspace at once. */
  async remove(ctx: RequestContext, id: string): Promise<MembershipType> {
    const { membership } = await this.loadManageable(ctx, id, 'delete');
    if (membership.role === 'OWNER') throw new ConflictError('The owner cannot be removed.', { reason: 'OWNER' });

    await this.db.$transaction(async (tx) => {
      const { count } = await tx.membership.updateMany({
        where: { id, status: 'ACTIVE', version: membership.version },
        data: { status: 'REMOVED', version: { increment: 1 } },
      });
      if (count === 0) throw changedMeanwhile();
      const sessions = await tx.session.updateMany({ where: { activeMembershipId: id }, data: { activeMembershipId: null } });
      await this.audit.record(tx, ctx, {
        action: 'membership.remove',
        subjectType: 'Membership',
        subjectId: id,
        merchantId: membership.merchantId,
        providerId: membership.providerId,
        changes: { userId: membership.userId, role: membership.role, status: { from: 'ACTIVE', to: 'REMOVED' }, sessionsLeftWorkspace: sessions.count },
      });
    });
    return this.tenancy.getMembership(ctx, id);
  }

  /**
   * The membership, if the reader may see it (else NOT_FOUND, like a missing one), the ability allows
   * `action` on it, it is still active, and it is someone else's: nobody changes or removes themselves.
   */
  private async loadManageable(ctx: RequestContext, id: string, action: 'update' | 'delete'): Promise<{ membership: MembershipWithStores; ws: StaffWorkspace }> {
    const membership = await this.db.membership.findFirst({ where: { AND: [accessibleWhere(ctx.ability, 'Membership'), { id }] }, include: { stores: { select: { storeId: true } } } });
    if (!membership) throw new NotFoundError('Membership', id);
    if (!canOn(ctx.ability, action, 'Membership', membership)) throw new ForbiddenError();
    const ws = staffWorkspaceOf(membership);
    if (!ws) throw new ForbiddenError('Platform staff are not managed from the members page.');
    if (membership.userId === ctx.userId) throw new ConflictError('You cannot change or remove your own membership.', { reason: 'SELF' });
    if (membership.status !== 'ACTIVE') throw new ConflictError('This member was removed.', { reason: 'REMOVED' });
    return { membership, ws };
  }
}

function changedMeanwhile() {
  return new ConflictError('The member was changed meanwhile; reload and try again.', { reason: 'CHANGED' });
}
