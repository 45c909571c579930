import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeyScope, Db } from '@mop/data-access';

/** Enrols the merchant in API access (idempotent): what `applyForProduct` does, without review. */
export async function enrolInApiAccess(db: Db, merchantId: string): Promise<void> {
  const product = await db.product.findUniqueOrThrow({ where: { code: 'API_ACCESS' } });
  await db.productEnrollment.upsert({
    where: { merchantId_productId: { merchantId, productId: product.id } },
    update: { status: 'ACTIVE' },
    create: { merchantId, productId: product.id, status: 'ACTIVE', activatedAt: new Date() },
  });
}

/** A key written straight to the database, with the secret that goes with it. */
export async function makeApiKey(
  db: Db,
  owner: { merchantId?: string | null; providerId?: string | null },
  data: { scopes?: ApiKeyScope[]; expiresAt?: Date | null; revokedAt?: Date | null; name?: string } = {},
) {
  const prefix = randomBytes(6).toString('hex');
  const secret = `mop_${prefix}_${randomBytes(32).toString('base64url')}`;
  const key = await db.apiKey.create({
    data: {
      merchantId: owner.merchantId ?? null,
      providerId: owner.providerId ?? null,
      name: data.name ?? 'Fixture key',
      prefix,
      secretHash: createHash('sha256').update(secret).digest('hex'),
      scopes: data.scopes ?? ['COUPONS_READ'],
      expiresAt: data.expiresAt ?? null,
      revokedAt: data.revokedAt ?? null,
    },
  });
  return { key, secret };
}
