import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type Db, type Invitation, type Prisma, PRISMA } from '@mop/data-access';
import { BadUserInputError, ConflictError, ForbiddenError, type ListArgs, NotFoundError, type RequestContext, toPage, UnauthenticatedError } from '@mop/api-kit';
import { AuditService } from '@mop/audit';
import { accessibleWhere, canOn } from '@mop/authz';
import { AuthService, hashToken, type Me } from '@mop/identity';
import type { InvitationFilter, InvitationPreviewType, InvitationStatus, InvitationType, InviteMemberInput } from './invitation.types';
import { OutboxService } from './outbox.service';
import { activeStaffWorkspace, checkStaffAssignment, type StaffWorkspace, staffWorkspaceOf } from './staff-roles';

export const INVITATION_TTL_DAYS = 7;
/** Relative to the console: the console shows it (there is no mail server) and prefixes its own origin. */
export const acceptUrlFor = (token: string) => `/#/invitations/accept?token=${token}`;
/** 32 random bytes in base64url. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const SORTABLE = ['email', 'role', 'expiresAt', 'createdAt'] as const;

export function invitationStatus(i: Pick<Invitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now = new Date()): InvitationStatus {
  if (i.acceptedAt) return 'ACCEPTED';
  if (i.revokedAt) return 'REVOKED';
  return i.expiresAt <= now ? 'EXPIRED' : 'PENDING';
}

function statusWhere(status: InvitationStatus, now: Date): Prisma.InvitationWhereInput {
  switch (status) {
    case 'ACCEPTED':
      return { acceptedAt: { not: null } };
    case 'REVOKED':
      return { acceptedAt: null, revokedAt: { not: null } };
    case 'EXPIRED':
      return { acceptedAt: null, revokedAt: null, expiresAt: { lte: now } };
    case 'PENDING':
      return { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } };
  }
}

/**
 * Staff invitations: an owner or provider admin invites an e-mail address with a role; the invitee
 * signs in (or up) with that address and accepts once. The token exists only in the e-mail (the
 * outbox row) and in the one answer to `inviteMember`; the database keeps its sha256.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly auth: AuthService,
  ) {}

  // ── reads
  async list(ctx: RequestContext, args: ListArgs, f: InvitationFilter = {}): Promise<InvitationType[]> {
    const rows = await this.db.invitation.findMany({ where: this.where(ctx, f), ...toPage(args, SORTABLE, ['createdAt', 'desc']) });
    return this.present(rows);
  }

  count(ctx: RequestContext, f: InvitationFilter = {}): Promise<number> {
    return this.db.invitation.count({ where: this.where(ctx, f) });
  }

  async get(ctx: RequestContext, id: string): Promise<InvitationType> {
    const [row] = await this.present([await this.load(ctx, id)]);
    return row;
  }

  async preview(token: string): Promise<InvitationPreviewType> {
    const invitation = await this.db.invitation.findUnique({
      where: { tokenHash: hashToken(checkTokenShape(token)) },
      include: { merchant: { select: { displayName: true } }, provider: { select: { name: true } } },
    });
    if (!invitation) throw new NotFoundError('Invitation');
    return {
      workspaceName: invitation.merchant?.displayName ?? invitation.provider?.name ?? 'Platform',
      kind: invitation.kind,
      role: invitation.role,
      email: invitation.email,
      status: invitationStatus(invitation),
      expiresAt: invitation.expiresAt,
    };
  }

  // ── writes
  async invite(ctx: RequestContext, input: InviteMemberInput): Promise<InvitationType> {
    const ws = activeStaffWorkspace(ctx);
    if (!canOn(ctx.ability, 'create', 'Invitation', { merchantId: ws.merchantId, providerId: ws.providerId })) throw new ForbiddenError();
    const email = input.email.trim().toLowerCase();
    const storeIds = await checkStaffAssignment(this.db, ws, input.role, input.storeIds);
    const member = await this.db.membership.findFirst({ where: { workspaceKey: ws.workspaceKey, status: 'ACTIVE', user: { email } } });
    if (member) throw new ConflictError(`${email} is already a member of this workspace.`, { field: 'email', reason: 'ALREADY_MEMBER' });

    const token = randomBytes(32).toString('base64url');
    const acceptUrl = acceptUrlFor(token);
    const workspaceName = await this.workspaceName(ws);
    const inviterName = ctx.principal?.user.displayName ?? null;
    const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000);
    const invitation = await this.db.$transaction(async (tx) => {
      // One pending invitation per address and workspace: a new one replaces the old (whose link
      // stops working). The lock serializes two invitations of the same address racing each other.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`invitation:${ws.workspaceKey}:${email}`}))`;
      const now = new Date();
      const replaced = await tx.invitation.findMany({ where: { workspaceKey: ws.workspaceKey, email, ...statusWhere('PENDING', now) }, select: { id: true } });
      if (replaced.length) {
        await tx.invitation.updateMany({ where: { id: { in: replaced.map((r) => r.id) } }, data: { revokedAt: now, version: { increment: 1 } } });
      }
      const created = await tx.invitation.create({
        data: {
          email,
          role: input.role,
          kind: ws.kind,
          merchantId: ws.merchantId,
          providerId: ws.providerId,
          workspaceKey: ws.workspaceKey,
          storeIds,
          tokenHash: hashToken(token),
          invitedById: ctx.userId,
          expiresAt,
        },
      });
      await this.outbox.enqueue(tx, {
        to: email,
        subject: `${inviterName ?? 'A colleague'} invited you to ${workspaceName}`,
        body: [
          `${inviterName ?? 'A colleague'} invited you to join ${workspaceName} as ${input.role}.`,
          `Accept the invitation: ${acceptUrl}`,
          `Sign in (or create an account) with ${email} first. The link works once, until ${expiresAt.toISOString()}.`,
        ].join('\n\n'),
        template: 'invitation',
        variables: { invitationId: created.id, workspaceName, role: input.role, inviterName, acceptUrl, expiresAt: expiresAt.toISOString() },
        merchantId: ws.merchantId,
      });
      await this.audit.record(tx, ctx, {
        action: 'invitation.create',
        subjectType: 'Invitation',
        subjectId: created.id,
        changes: { email, role: input.role, storeIds, expiresAt: expiresAt.toISOString(), ...(replaced.length ? { replacedInvitationIds: replaced.map((r) => r.id) } : {}) },
      });
      return created;
    });
    const [presented] = await this.present([invitation]);
    return { ...presented, acceptUrl };
  }

  async revoke(ctx: RequestContext, id: string): Promise<InvitationType> {
    const invitation = await this.load(ctx, id);
    if (!canOn(ctx.ability, 'revoke', 'Invitation', invitation)) throw new ForbiddenError();
    const status = invitationStatus(invitation);
    if (status !== 'PENDING') throw new ConflictError(`Only a pending invitation can be withdrawn; this one is ${status.toLowerCase()}.`, { reason: status });
    await this.db.$transaction(async (tx) => {
      const now = new Date();
      const { count } = await tx.invitation.updateMany({ where: { id, ...statusWhere('PENDING', now) }, data: { revokedAt: now, version: { increment: 1 } } });
      if (count === 0) throw new ConflictError('The invitation was used or withdrawn meanwhile.', { reason: 'CHANGED' });
      await this.audit.record(tx, ctx, {
        action: 'invitation.revoke',
        subjectType: 'Invitation',
        subjectId: id,
        merchantId: invitation.merchantId,
        providerId: invitation.providerId,
        changes: { email: invitation.email, status: { from: 'PENDING', to: 'REVOKED' } },
      });
    });
    return this.get(ctx, id);
  }

  /**
   * Joins the invitation's workspace and makes it the session's active one. The invitation is used by
   * a conditional update (`acceptedAt IS NULL`): of concurrent accepts exactly one wins.
   */
  async accept(ctx: RequestContext, token: string): Promise<Me> {
    const user = ctx.principal?.user;
    if (!user || !ctx.sessionId) throw new UnauthenticatedError();
    const invitation = await this.db.invitation.findUnique({ where: { tokenHash: hashToken(checkTokenShape(token)) } });
    if (!invitation) throw new NotFoundError('Invitation');
    if (invitation.email !== user.email.toLowerCase()) {
      throw new ForbiddenError(`This invitation was sent to another e-mail address. Sign in as ${invitation.email} to accept it.`);
    }
    const status = invitationStatus(invitation);
    if (status !== 'PENDING') throw new ConflictError(acceptConflictMessage[status], { reason: status });
    const ws = staffWorkspaceOf(invitation) as StaffWorkspace;

    await this.db.$transaction(async (tx) => {
      const now = new Date();
      const { count } = await tx.invitation.updateMany({
        where: { id: invitation.id, ...statusWhere('PENDING', now) },
        data: { acceptedAt: now, acceptedById: user.id, version: { increment: 1 } },
      });
      if (count === 0) throw new ConflictError(acceptConflictMessage.ACCEPTED, { reason: 'ACCEPTED' });
      const existing = await tx.membership.findUnique({ where: { userId_workspaceKey: { userId: user.id, workspaceKey: ws.workspaceKey } } });
      if (existing?.status === 'ACTIVE') throw new ConflictError('You are already a member of this workspace.', { reason: 'ALREADY_MEMBER' });
      // A former member (REMOVED) comes back on the same row, with the invitation's role and stores.
      const membership = existing
        ? await tx.membership.update({ where: { id: existing.id }, data: { status: 'ACTIVE', role: invitation.role, version: { increment: 1 } } })
        : await tx.membership.create({
            data: { userId: user.id, kind: ws.kind, merchantId: ws.merchantId, providerId: ws.providerId, workspaceKey: ws.workspaceKey, role: invitation.role },
          });
      await tx.clerkStore.deleteMany({ where: { membershipId: membership.id } });
      if (invitation.storeIds.length) {
        await tx.clerkStore.createMany({ data: invitation.storeIds.map((storeId) => ({ membershipId: membership.id, storeId })) });
      }
      await tx.session.update({ where: { id: ctx.sessionId as string }, data: { activeMembershipId: membership.id } });
      await this.audit.record(tx, ctx, {
        action: 'invitation.accept',
        subjectType: 'Invitation',
        subjectId: invitation.id,
        workspace: ws,
        changes: { membershipId: membership.id, role: invitation.role, storeIds: invitation.storeIds, rejoined: Boolean(existing) },
      });
    });
    return this.auth.reloadMe(ctx);
  }

  // ── helpers
  private async load(ctx: RequestContext, id: string): Promise<Invitation> {
    const row = await this.db.invitation.findFirst({ where: { AND: [accessibleWhere(ctx.ability, 'Invitation'), { id }] } });
    if (!row) throw new NotFoundError('Invitation', id);
    return row;
  }

  private where(ctx: RequestContext, f: InvitationFilter): Prisma.InvitationWhereInput {
    return {
      AND: [
        accessibleWhere(ctx.ability, 'Invitation'),
        f.ids?.length ? { id: { in: f.ids } } : {},
        f.status ? statusWhere(f.status, new Date()) : {},
        f.q ? { email: { contains: f.q, mode: 'insensitive' } } : {},
      ],
    };
  }

  private async workspaceName(ws: StaffWorkspace): Promise<string> {
    if (ws.kind === 'MERCHANT') return (await this.db.merchant.findUniqueOrThrow({ where: { id: ws.merchantId as string } })).displayName;
    return (await this.db.serviceProvider.findUniqueOrThrow({ where: { id: ws.providerId as string } })).name;
  }

  private async present(rows: Invitation[]): Promise<InvitationType[]> {
    const inviterIds = [...new Set(rows.map((r) => r.invitedById).filter((id): id is string => Boolean(id)))];
    const inviters = inviterIds.length ? await this.db.user.findMany({ where: { id: { in: inviterIds } }, select: { id: true, displayName: true } }) : [];
    const names = new Map(inviters.map((u) => [u.id, u.displayName]));
    const now = new Date();
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      role: r.role,
      kind: r.kind,
      merchantId: r.merchantId,
      providerId: r.providerId,
      storeIds: r.storeIds,
      status: invitationStatus(r, now),
      expiresAt: r.expiresAt,
      createdAt: r.createdAt,
      invitedByName: r.invitedById ? names.get(r.invitedById) ?? null : null,
      acceptUrl: null,
    }));
  }
}

const acceptConflictMessage: Record<Exclude<InvitationStatus, 'PENDING'>, string> = {
  ACCEPTED: 'This invitation has already been used.',
  REVOKED: 'This invitation was withdrawn. Ask for a new one.',
  EXPIRED: 'This invitation has expired. Ask for a new one.',
};

function checkTokenShape(token: string): string {
  if (!TOKEN_SHAPE.test(token)) throw new BadUserInputError('token', 'This is not an invitation link.');
  return token;
}
