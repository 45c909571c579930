import { Inject, Injectable } from '@nestjs/common';
import { type Db, PRISMA } from '@mop/data-access';
import type { ApiKeyPrincipal } from '@mop/authz';
import type { AuthorizationScope } from '@mop/shared';
import { ApiKeyService } from './api-key.service';

/** How long a resolved key is reused: revocation reaches other API processes within this. */
export const API_KEY_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  at: number;
  principal: Promise<ApiKeyPrincipal | null>;
}

/**
 * The principal behind a presented API key: the key, its tenant's state, a merchant's products, a
 * provider's live authorizations. Server-to-server traffic is hot (claims, redemptions), so a
 * resolution is reused for a few seconds; revoking a key drops it from this process at once.
 */
@Injectable()
export class ApiKeyPrincipalResolver {
  private readonly cache = new Map<string, Entry>();

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly keys: ApiKeyService,
  ) {
    keys.onRevoke((id) => this.forget(id));
  }

  resolve(presented: string, now = Date.now()): Promise<ApiKeyPrincipal | null> {
    // Keyed by the presented string itself: this process holds it for the request anyway, and a hash per
    // request is measurable on the claim path.
    const cacheKey = presented;
    const hit = this.cache.get(cacheKey);
    if (hit && now - hit.at < API_KEY_CACHE_MS) return hit.principal;
    const principal = this.load(presented).catch((err: unknown) => {
      this.cache.delete(cacheKey);
      throw err;
    });
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(cacheKey, { at: now, principal });
    return principal;
  }

  private forget(keyId: string): void {
    for (const [cacheKey, entry] of this.cache) {
      void entry.principal.then((p) => {
        if (p?.id === keyId) this.cache.delete(cacheKey);
      }, () => undefined);
    }
  }

  private async load(presented: string): Promise<ApiKeyPrincipal | null> {
    const found = await this.keys.authenticate(presented);
    if (!found) return null;
    const now = new Date();
    if (found.merchantId) {
      const merchant = await this.db.merchant.findUnique({
        where: { id: found.merchantId },
        select: { status: true, enrollments: { where: { status: 'ACTIVE' }, select: { product: { select: { code: true } } } } },
      });
      if (!merchant) return null;
      return { ...base(found.key), tenantActive: merchant.status === 'ACTIVE', enabledProducts: merchant.enrollments.map((e) => e.product.code), authorizations: [] };
    }
    const provider = await this.db.serviceProvider.findUnique({
      where: { id: found.providerId as string },
      select: { status: true, authorizations: { where: { status: 'ACTIVE', expiresAt: { gt: now } }, select: { merchantId: true, scopes: true } } },
    });
    if (!provider) return null;
    return {
      ...base(found.key),
      tenantActive: provider.status === 'ACTIVE',
      enabledProducts: [],
      authorizations: provider.authorizations.map((a) => ({ merchantId: a.merchantId, scopes: a.scopes as AuthorizationScope[] })),
    };
  }
}

function base(key: { id: string; prefix: string; merchantId: string | null; providerId: string | null; scopes: string[] }) {
  return { id: key.id, prefix: key.prefix, merchantId: key.merchantId, providerId: key.providerId, scopes: [...key.scopes] };
}
