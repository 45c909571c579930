import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type ApiKey, type ApiKeyScope, type Db, isUniqueViolation, type Prisma, PRISMA } from '@mop/data-access';
import { BadUserInputError, ConflictError, ForbiddenError, type ListArgs, NotFoundError, type RequestContext, toPage } from '@mop/api-kit';
import { AuditService } from '@mop/audit';
import { accessibleWhere, canOn } from '@mop/authz';
import type { ApiKeyFilter, ApiKeyStatus, ApiKeyType, CreateApiKeyInput, CreatedApiKeyType } from './api-key.types';

/** `mop_<prefix>_<secret>`: 12 hex characters (public, unique) and 32 random bytes in base64url. */
const KEY_SHAPE = /^mop_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/;
/** Whether a bearer token has the shape of an API key (session tokens never do: they are 43 characters). */
export const looksLikeApiKey = (token: string) => KEY_SHAPE.test(token);
/** lastUsedAt is written at most this often per key: a busy key must not turn every call into a write. */
export const LAST_USED_GRANULARITY_MS = 60_000;
/**
 * What a provider's key may hold: what an authorization can grant a provider (reading coupons comes with
 * managing or redeeming them). Claiming for customers, order events and the customer inbox belong to
 * the merchant's own systems.
 */
export const PROVIDER_KEY_SCOPES: readonly ApiKeyScope[] = ['COUPONS_READ', 'COUPONS_REDEEM', 'COUPONS_MANAGE', 'MESSAGES_SEND', 'REPORTS_VIEW'];

const SORTABLE = ['name', 'prefix', 'lastUsedAt', 'expiresAt', 'createdAt'] as const;

export interface AuthenticatedApiKey {
  key: ApiKey;
  merchantId: string | null;
  providerId: string | null;
  scopes: ApiKeyScope[];
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function apiKeyStatus(k: Pick<ApiKey, 'revokedAt' | 'expiresAt'>, now = new Date()): ApiKeyStatus {
  if (k.revokedAt) return 'REVOKED';
  return k.expiresAt && k.expiresAt <= now ? 'EXPIRED' : 'ACTIVE';
}

function statusWhere(status: ApiKeyStatus, now: Date): Prisma.ApiKeyWhereInput {
  switch (status) {
    case 'REVOKED':
      return { revokedAt: { not: null } };
    case 'EXPIRED':
      return { revokedAt: null, expiresAt: { lte: now } };
    case 'ACTIVE':
      return { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  }
}

/**
 * API keys: server-to-server credentials of a merchant (with API access) or a provider. The secret is
 * returned once, by `create`; the database keeps its sha256, and lists show only the public prefix.
 */
@Injectable()
export class ApiKeyService {
  private readonly revokeListeners: ((id: string) => void)[] = [];

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  // ── reads
  async list(ctx: RequestContext, args: ListArgs, f: ApiKeyFilter = {}): Promise<ApiKeyType[]> {
    const rows = await this.db.apiKey.findMany({ where: this.where(ctx, f), ...toPage(args, SORTABLE, ['createdAt', 'desc']) });
    return this.present(rows);
  }

  count(ctx: RequestContext, f: ApiKeyFilter = {}): Promise<number> {
    return this.db.apiKey.count({ where: this.where(ctx, f) });
  }

  async get(ctx: RequestContext, id: string): Promise<ApiKeyType> {
    const [row] = await this.present([await this.load(ctx, id)]);
    return row;
  }

  // ── writes
  async create(ctx: RequestContext, input: CreateApiKeyInput): Promise<CreatedApiKeyType> {
    const membership = ctx.principal?.membership;
    const owner = { merchantId: membership?.kind === 'MERCHANT' ? membership.merchantId : null, providerId: membership?.kind === 'PROVIDER' ? membership.providerId : null };
    if (!(owner.merchantId || owner.providerId) || !canOn(ctx.ability, 'create', 'ApiKey', owner)) {
      throw new ForbiddenError('API keys are created in a merchant or provider workspace, by its owner or admin.');
    }
    const name = input.name.trim();
    if (owner.providerId) {
      const refused = input.scopes.filter((s) => !PROVIDER_KEY_SCOPES.includes(s));
      if (refused.length) throw new BadUserInputError('scopes', `A provider's key cannot hold ${refused.join(', ')}.`);
    }
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw new BadUserInputError('expiresAt', 'The expiry must be in the future.');

    for (let attempt = 1; ; attempt += 1) {
      const prefix = randomBytes(6).toString('hex');
      const secret = `mop_${prefix}_${randomBytes(32).toString('base64url')}`;
      try {
        const key = await this.db.$transaction(async (tx) => {
          const created = await tx.apiKey.create({
            data: { ...owner, name, prefix, secretHash: sha256(secret), scopes: input.scopes, createdById: ctx.userId, expiresAt: input.expiresAt ?? null },
          });
          await this.audit.record(tx, ctx, {
            action: 'api-key.create',
            subjectType: 'ApiKey',
            subjectId: created.id,
            changes: { name, scopes: input.scopes, prefix, ...(created.expiresAt ? { expiresAt: created.expiresAt.toISOString() } : {}) },
          });
          return created;
        });
        const [apiKey] = await this.present([key]);
        return { apiKey, secret };
      } catch (err) {
        // 48 random bits: a clash is rare enough that one more draw settles it.
        if (attempt < 3 && isUniqueViolation(err, ['prefix'])) continue;
        throw err;
      }
    }
  }

  async revoke(ctx: RequestContext, id: string): Promise<ApiKeyType> {
    const key = await this.load(ctx, id);
    if (!canOn(ctx.ability, 'revoke', 'ApiKey', key)) throw new ForbiddenError();
    const revoked = await this.db.$transaction(async (tx) => {
      const now = new Date();
      const { count } = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now, version: { increment: 1 } } });
      if (count === 0) throw new ConflictError('This key is already revoked.', { reason: 'REVOKED' });
      await this.audit.record(tx, ctx, {
        action: 'api-key.revoke',
        subjectType: 'ApiKey',
        subjectId: id,
        merchantId: key.merchantId,
        providerId: key.providerId,
        changes: { name: key.name, prefix: key.prefix, status: { from: apiKeyStatus(key, now), to: 'REVOKED' } },
      });
      return tx.apiKey.findUniqueOrThrow({ where: { id } });
    });
    for (const listener of this.revokeListeners) listener(id);
    const [row] = await this.present([revoked]);
    return row;
  }

  /** Called with a key's id once its revocation has committed (caches drop it). */
  onRevoke(listener: (id: string) => void): void {
    this.revokeListeners.push(listener);
  }

  // ── server-to-server
  /**
   * The key a server-to-server caller presents, or null when it is malformed, unknown, revoked or
   * expired. The hash comparison is constant-time; lastUsedAt moves at most once a minute.
   */
  async authenticate(presented: string): Promise<AuthenticatedApiKey | null> {
    const match = KEY_SHAPE.exec(presented);
    if (!match) return null;
    const key = await this.db.apiKey.findUnique({ where: { prefix: match[1] } });
    if (!key) return null;
    const expected = Buffer.from(key.secretHash, 'hex');
    const actual = Buffer.from(sha256(presented), 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
    const now = new Date();
    if (apiKeyStatus(key, now) !== 'ACTIVE') return null;
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
      const stale = new Date(now.getTime() - LAST_USED_GRANULARITY_MS);
      // Conditional, so concurrent calls of one key write once.
      await this.db.apiKey.updateMany({ where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] }, data: { lastUsedAt: now } });
      key.lastUsedAt = now;
    }
    return { key, merchantId: key.merchantId, providerId: key.providerId, scopes: key.scopes };
  }

  private async load(ctx: RequestContext, id: string): Promise<ApiKey> {
    const key = await this.db.apiKey.findFirst({ where: { AND: [accessibleWhere(ctx.ability, 'ApiKey'), { id }] } });
    if (!key) throw new NotFoundError('ApiKey', id);
    return key;
  }

  private where(ctx: RequestContext, f: ApiKeyFilter): Prisma.ApiKeyWhereInput {
    return {
      AND: [
        accessibleWhere(ctx.ability, 'ApiKey'),
        f.ids?.length ? { id: { in: f.ids } } : {},
        f.status ? statusWhere(f.status, new Date()) : {},
        f.q ? { OR: [{ name: { contains: f.q, mode: 'insensitive' } }, { prefix: { startsWith: f.q.toLowerCase() } }] } : {},
      ],
    };
  }

  private async present(rows: ApiKey[]): Promise<ApiKeyType[]> {
    const creatorIds = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => Boolean(id)))];
    const creators = creatorIds.length ? await this.db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, displayName: true } }) : [];
    const names = new Map(creators.map((u) => [u.id, u.displayName]));
    const now = new Date();
    return rows.map((k) => ({
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      scopes: k.scopes,
      merchantId: k.merchantId,
      providerId: k.providerId,
      status: apiKeyStatus(k, now),
      lastUsedAt: k.lastUsedAt,
      expiresAt: k.expiresAt,
      revokedAt: k.revokedAt,
      createdAt: k.createdAt,
      createdByName: k.createdById ? names.get(k.createdById) ?? null : null,
    }));
  }
}
