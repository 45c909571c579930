import { Inject, Injectable } from '@nestjs/common';
import { type Db, isUniqueViolation, PRISMA } from '@mop/data-access';
import {
  APP_CONFIG,
  type AppConfig,
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  type RequestContext,
  UnauthenticatedError,
} from '@mop/api-kit';
import { AuditService } from '@mop/audit';
import { defineAbilityFor, firstForbiddenField, packAbility, type Principal } from '@mop/authz';
import type { ChangePasswordInput, LoginInput, Me, SignUpInput, UpdateProfileInput } from './identity.types';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { loadWorkspaces } from './workspaces';

const BAD_CREDENTIALS = 'The email or the password is not right.';

/** Sign-in, sign-out, the workspace a session acts in, and the user's own profile and password. */
@Injectable()
export class AuthService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditService,
  ) {}

  async login(ctx: RequestContext, input: LoginInput): Promise<{ token: string; me: Me; maxAgeSeconds: number }> {
    const email = input.email.trim().toLowerCase();
    const ip = ctx.ip ?? 'unknown';
    await this.limiter.assertAllowed(email, ip);
    const user = await this.db.user.findUnique({ where: { email } });
    const ok = await this.passwords.verify(user?.passwordHash ?? null, input.password);
    if (!user || !ok) {
      await this.limiter.recordFailure(email, ip);
      throw new UnauthenticatedError(BAD_CREDENTIALS);
    }
    if (user.status !== 'ACTIVE') throw new UnauthenticatedError('This account is disabled. Contact the platform administrator.');
    await this.limiter.recordSuccess(email, ip);

    const memberships = await this.db.membership.findMany({ where: { userId: user.id, status: 'ACTIVE' }, select: { id: true } });
    // With one workspace there is nothing to choose; with several the console asks.
    const activeMembershipId = memberships.length === 1 ? memberships[0].id : null;
    const { token } = await this.db.$transaction(async (tx) => {
      const created = await this.sessions.create(tx, { userId: user.id, activeMembershipId, ip: ctx.ip, userAgent: ctx.userAgent });
      await this.audit.record(tx, ctx, {
        action: 'auth.login',
        subjectType: 'Session',
        subjectId: created.session.id,
        actor: { userId: user.id, label: user.email },
      });
      return created;
    });
    return this.signedIn(token);
  }

  /** A new account, signed in at once with no workspace: it then applies as a merchant or provider. */
  async signUp(ctx: RequestContext, input: SignUpInput): Promise<{ token: string; me: Me; maxAgeSeconds: number }> {
    const email = input.email.trim().toLowerCase();
    await this.limiter.consumeSignUp(ctx.ip ?? 'unknown');
    this.passwords.assertAcceptable(input.password, email, 'password');
    const passwordHash = await this.passwords.hash(input.password);
    try {
      const { token } = await this.db.$transaction(async (tx) => {
        const user = await tx.user.create({ data: { email, passwordHash, displayName: input.displayName.trim(), locale: input.locale ?? 'en' } });
        const created = await this.sessions.create(tx, { userId: user.id, activeMembershipId: null, ip: ctx.ip, userAgent: ctx.userAgent });
        await this.audit.record(tx, ctx, { action: 'user.signUp', subjectType: 'User', subjectId: user.id, actor: { userId: user.id, label: email } });
        return created;
      });
      return this.signedIn(token);
    } catch (err) {
      if (isUniqueViolation(err, ['email'])) throw new ConflictError('An account with this email already exists: sign in instead.', { field: 'email' });
      throw err;
    }
  }

  private async signedIn(token: string): Promise<{ token: string; me: Me; maxAgeSeconds: number }> {
    const resolved = await this.sessions.resolve(token);
    if (!resolved) throw new UnauthenticatedError();
    return { token, me: await this.me(resolved.principal), maxAgeSeconds: this.config.session.absoluteHours * 3600 };
  }

  async logout(ctx: RequestContext): Promise<boolean> {
    const sessionId = requireSession(ctx);
    await this.db.$transaction(async (tx) => {
      await this.sessions.revoke(tx, sessionId, 'logout');
      await this.audit.record(tx, ctx, { action: 'auth.logout', subjectType: 'Session', subjectId: sessionId });
    });
    return true;
  }

  async me(principal: Principal | null): Promise<Me> {
    if (!principal) throw new UnauthenticatedError();
    const user = await this.db.user.findUniqueOrThrow({ where: { id: principal.user.id } });
    const workspaces = await loadWorkspaces(this.db, user.id);
    const activeWorkspace = workspaces.find((w) => w.membershipId === principal.membership?.id) ?? null;
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      workspaces,
      activeWorkspace,
      permissions: packAbility(defineAbilityFor(principal)),
    };
  }

  async switchWorkspace(ctx: RequestContext, membershipId: string): Promise<Me> {
    const sessionId = requireSession(ctx);
    const membership = await this.db.membership.findFirst({ where: { id: membershipId, userId: ctx.userId as string, status: 'ACTIVE' } });
    if (!membership) throw new NotFoundError('Workspace', membershipId);
    await this.db.$transaction(async (tx) => {
      await tx.session.update({ where: { id: sessionId }, data: { activeMembershipId: membership.id } });
      await this.audit.record(tx, ctx, {
        action: 'session.switchWorkspace',
        subjectType: 'Session',
        subjectId: sessionId,
        changes: { membershipId: membership.id, kind: membership.kind, workspaceKey: membership.workspaceKey },
      });
    });
    return this.reloadMe(ctx);
  }

  async updateProfile(ctx: RequestContext, input: UpdateProfileInput): Promise<Me> {
    const userId = requireUser(ctx);
    const fields = Object.keys(input).filter((k) => input[k as keyof UpdateProfileInput] !== undefined);
    if (fields.length === 0) throw new BadUserInputError('input', 'Nothing to change.');
    const user = await this.db.user.findUniqueOrThrow({ where: { id: userId } });
    const forbidden = firstForbiddenField(ctx.ability, 'update', 'User', user, fields);
    if (forbidden) throw new ForbiddenError(`You may not change ${forbidden}.`, forbidden);
    const before = Object.fromEntries(fields.map((f) => [f, user[f as 'displayName' | 'locale']]));
    await this.db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { ...input, version: { increment: 1 } } });
      await this.audit.record(tx, ctx, { action: 'user.updateProfile', subjectType: 'User', subjectId: userId, changes: { before, after: input } });
    });
    return this.reloadMe(ctx);
  }

  async changePassword(ctx: RequestContext, input: ChangePasswordInput): Promise<boolean> {
    const userId = requireUser(ctx);
    const user = await this.db.user.findUniqueOrThrow({ where: { id: userId } });
    const ip = ctx.ip ?? 'unknown';
    await this.limiter.assertAllowed(user.email, ip);
    if (!(await this.passwords.verify(user.passwordHash, input.currentPassword))) {
      await this.limiter.recordFailure(user.email, ip);
      throw new BadUserInputError('currentPassword', 'The current password is not right.');
    }
    this.passwords.assertAcceptable(input.newPassword, user.email);
    if (input.newPassword === input.currentPassword) {
      throw new BadUserInputError('newPassword', 'The new password must differ from the current one.');
    }
    const passwordHash = await this.passwords.hash(input.newPassword);
    await this.db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: new Date(), version: { increment: 1 } } });
      const ended = await this.sessions.revokeAllForUser(tx, userId, 'password-changed', ctx.sessionId ?? undefined);
      await this.audit.record(tx, ctx, { action: 'user.changePassword', subjectType: 'User', subjectId: userId, changes: { otherSessionsEnded: ended } });
    });
    return true;
  }

  async mySessions(ctx: RequestContext) {
    const sessions = await this.sessions.listLive(requireUser(ctx));
    return sessions.map((s) => ({ ...s, current: s.id === ctx.sessionId }));
  }

  async revokeSession(ctx: RequestContext, id: string): Promise<boolean> {
    const userId = requireUser(ctx);
    const session = await this.db.session.findFirst({ where: { id, userId, revokedAt: null } });
    if (!session) throw new NotFoundError('Session', id);
    await this.db.$transaction(async (tx) => {
      await this.sessions.revoke(tx, id, 'revoked-by-user');
      await this.audit.record(tx, ctx, { action: 'session.revoke', subjectType: 'Session', subjectId: id });
    });
    return true;
  }

  /** The `me` of the request's session as it is now (after its active workspace changed). */
  async reloadMe(ctx: RequestContext): Promise<Me> {
    const resolved = await this.db.session.findUniqueOrThrow({ where: { id: requireSession(ctx) }, select: { tokenHash: true } });
    const principal = await this.sessions.resolveByHash(resolved.tokenHash);
    return this.me(principal?.principal ?? null);
  }
}

function requireSession(ctx: RequestContext): string {
  if (!ctx.sessionId) throw new UnauthenticatedError();
  return ctx.sessionId;
}

function requireUser(ctx: RequestContext): string {
  if (!ctx.userId) throw new UnauthenticatedError();
  return ctx.userId;
}
