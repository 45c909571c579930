import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type Db, PRISMA, type Tx } from '@mop/data-access';
import { APP_CONFIG, type AppConfig } from '@mop/api-kit';
import type { ActiveMembership, Principal } from '@mop/authz';
import type { AuthorizationScope, Role, WorkspaceKind } from '@mop/shared';

/** Touching a session (sliding its idle expiry) at most this often keeps reads from writing per request. */
const TOUCH_INTERVAL_MS = 60_000;

export interface ResolvedSession {
  sessionId: string;
  principal: Principal;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Server-side sessions: the client holds a random token, the database holds its hash. A session ends
 * when revoked (logout, password change, user disabled), after `idleMinutes` without a request, or
 * `absoluteHours` after sign-in, whichever comes first.
 */
@Injectable()
export class SessionService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(tx: Tx, input: { userId: string; activeMembershipId: string | null; ip: string | null; userAgent: string | null }) {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    const session = await tx.session.create({
      data: {
        tokenHash: hashToken(token),
        userId: input.userId,
        activeMembershipId: input.activeMembershipId,
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 400) ?? null,
        idleExpiresAt: new Date(now + this.config.session.idleMinutes * 60_000),
        absoluteExpiresAt: new Date(now + this.config.session.absoluteHours * 3_600_000),
      },
    });
    return { token, session };
  }

  /** The live session behind a token, with the principal it acts as; null when none is live. */
  resolve(token: string, now = new Date()): Promise<ResolvedSession | null> {
    return this.resolveByHash(hashToken(token), now);
  }

  async resolveByHash(tokenHash: string, now = new Date()): Promise<ResolvedSession | null> {
    // One read per request: the workspace's tenant, a clerk's stores, a merchant's enabled products and a
    // provider's live authorizations all come with the session (this runs before every operation).
    const session = await this.db.session.findUnique({
      where: { tokenHash },
      include: {
        user: { select: { id: true, email: true, displayName: true, status: true } },
        activeMembership: {
          include: {
            merchant: {
              select: { status: true, enrollments: { where: { status: 'ACTIVE' }, select: { product: { select: { code: true } } } } },
            },
            provider: {
              select: {
                status: true,
                authorizations: { where: { status: 'ACTIVE', expiresAt: { gt: now } }, select: { merchantId: true, scopes: true } },
              },
            },
            stores: { select: { storeId: true } },
          },
        },
      },
    });
    if (!session || session.revokedAt || session.user.status !== 'ACTIVE') return null;
    if (session.idleExpiresAt <= now || session.absoluteExpiresAt <= now) return null;

    const m = session.activeMembership;
    let membership: ActiveMembership | null = null;
    if (m && m.status === 'ACTIVE') {
      const authorizations = m.provider?.authorizations ?? [];
      const enabledProducts = (m.merchant?.enrollments ?? []).map((e) => e.product.code);
      const tenantStatus = m.merchant?.status ?? m.provider?.status ?? 'ACTIVE';
      membership = {
        id: m.id,
        kind: m.kind as WorkspaceKind,
        role: m.role as Role,
        merchantId: m.merchantId,
        providerId: m.providerId,
        tenantActive: tenantStatus === 'ACTIVE',
        storeIds: m.stores.map((s) => s.storeId),
        authorizations: authorizations.map((a) => ({ merchantId: a.merchantId, scopes: a.scopes as AuthorizationScope[] })),
        enabledProducts,
      };
    }

    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      const idleExpiresAt = new Date(Math.min(now.getTime() + this.config.session.idleMinutes * 60_000, session.absoluteExpiresAt.getTime()));
      await this.db.session.update({ where: { id: session.id }, data: { lastSeenAt: now, idleExpiresAt } });
    }
    const { id, email, displayName } = session.user;
    return { sessionId: session.id, principal: { user: { id, email, displayName }, membership } };
  }

  async revoke(tx: Tx, sessionId: string, reason: string): Promise<void> {
    await tx.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } });
  }

  /** Ends every live session of a user, except `keepSessionId` (the one changing the password). */
  async revokeAllForUser(tx: Tx, userId: string, reason: string, keepSessionId?: string): Promise<number> {
    const { count } = await tx.session.updateMany({
      where: { userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
      data: { revokedAt: new Date(), revokedReason: reason },
    });
    return count;
  }

  listLive(userId: string, now = new Date()) {
    return this.db.session.findMany({
      where: { userId, revokedAt: null, idleExpiresAt: { gt: now }, absoluteExpiresAt: { gt: now } },
      orderBy: { lastSeenAt: 'desc' },
    });
  }
}
