import { Inject, Injectable } from '@nestjs/common';
import { type Db, type Prisma, PRISMA } from '@mop/data-access';
import { ConflictError, ForbiddenError, type ListArgs, NotFoundError, type RequestContext, toPage } from '@mop/api-kit';
import { AuditService } from '@mop/audit';
import { accessibleWhere, canOn } from '@mop/authz';
import type { UserFilter, UserType } from './identity.types';
import { SessionService } from './session.service';
import { toWorkspace, workspaceInclude } from './workspaces';

const SORTABLE = ['email', 'displayName', 'status', 'createdAt'] as const;
const userInclude = { memberships: { where: { status: 'ACTIVE' }, include: workspaceInclude } } satisfies Prisma.UserInclude;
type UserRow = Prisma.UserGetPayload<{ include: typeof userInclude }>;

/** Platform staff's view of user accounts: list, look up, disable (ending every session) and enable. */
@Injectable()
export class UsersService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, args: ListArgs, filter: UserFilter = {}): Promise<UserType[]> {
    const rows = await this.db.user.findMany({ where: this.where(ctx, filter), include: userInclude, ...toPage(args, SORTABLE, ['createdAt', 'desc']) });
    return rows.map(toUser);
  }

  count(ctx: RequestContext, filter: UserFilter = {}): Promise<number> {
    return this.db.user.count({ where: this.where(ctx, filter) });
  }

  async get(ctx: RequestContext, id: string): Promise<UserType> {
    const user = await this.db.user.findFirst({ where: { AND: [accessibleWhere(ctx.ability, 'User'), { id }] }, include: userInclude });
    if (!user) throw new NotFoundError('User', id);
    return toUser(user);
  }

  async setStatus(ctx: RequestContext, id: string, status: 'ACTIVE' | 'DISABLED', reason?: string): Promise<UserType> {
    const user = await this.db.user.findFirst({ where: { AND: [accessibleWhere(ctx.ability, 'User'), { id }] } });
    if (!user) throw new NotFoundError('User', id);
    if (!canOn(ctx.ability, 'disable', 'User', user)) throw new ForbiddenError();
    if (id === ctx.userId) throw new ConflictError('You cannot disable or enable your own account.');
    if (user.status === status) throw new ConflictError(`The user is already ${status === 'ACTIVE' ? 'active' : 'disabled'}.`);
    await this.db.$transaction(async (tx) => {
      // The version guard makes two admins acting at once collide instead of both "succeeding".
      const { count } = await tx.user.updateMany({ where: { id, version: user.version }, data: { status, version: { increment: 1 } } });
      if (count === 0) throw new ConflictError('The user was changed meanwhile; reload and try again.');
      const ended = status === 'DISABLED' ? await this.sessions.revokeAllForUser(tx, id, 'user-disabled') : 0;
      await this.audit.record(tx, ctx, {
        action: status === 'DISABLED' ? 'user.disable' : 'user.enable',
        subjectType: 'User',
        subjectId: id,
        changes: { status: { from: user.status, to: status }, ...(reason ? { reason } : {}), ...(ended ? { sessionsEnded: ended } : {}) },
      });
    });
    return this.get(ctx, id);
  }

  private where(ctx: RequestContext, f: UserFilter): Prisma.UserWhereInput {
    const conditions: Prisma.UserWhereInput[] = [accessibleWhere(ctx.ability, 'User')];
    if (f.ids?.length) conditions.push({ id: { in: f.ids } });
    if (f.status) conditions.push({ status: f.status });
    if (f.q) conditions.push({ OR: [{ email: { contains: f.q, mode: 'insensitive' } }, { displayName: { contains: f.q, mode: 'insensitive' } }] });
    return { AND: conditions };
  }
}

function toUser(u: UserRow): UserType {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    locale: u.locale,
    status: u.status,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
    workspaces: u.memberships.map(toWorkspace),
  };
}
