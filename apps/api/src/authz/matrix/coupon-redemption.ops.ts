import { randomUUID } from 'node:crypto';
import type { AuthorizationScope } from '@mop/data-access';
import { enrolInCoupons, makeCoupon, makeCouponStock, makeRedemption } from '../../coupons/coupon-fixtures';
import type { TenantRecords } from '../../testing/tenant-fixtures';
import { type Actor, type CaseContext, classify, isProviderSide, type Operation, PLATFORM, readOperations, type Side } from './matrix-kit';

/** Who reads a merchant's coupons: its staff but clerks (they look codes up instead), a provider managing its coupons, the platform. */
const READERS: Record<Side, Actor[]> = { own: [...PLATFORM, 'OWNER', 'MANAGER', 'MARKETER', 'PROVIDER_ADMIN', 'PROVIDER_OPERATOR'], other: PLATFORM };
/** Who looks a code up at the counter: the readers, and clerks at their stores. */
const CHECKERS: Record<Side, Actor[]> = { own: [...READERS.own, 'CLERK'], other: PLATFORM };
/**
 * Who works the counter: owners, managers, clerks at their stores, a provider with COUPONS_REDEEM (Nimbus
 * holds it on Harbor for these cells only: the demo authorization does not grant it), the platform admin.
 */
const REDEEMERS: Record<Side, Actor[]> = { own: ['PLATFORM_ADMIN', 'OWNER', 'MANAGER', 'CLERK', 'PROVIDER_ADMIN', 'PROVIDER_OPERATOR'], other: ['PLATFORM_ADMIN'] };
/** Who revokes a customer's coupon: staff running coupons (not clerks), a provider managing them, the platform admin. */
const REVOKERS: Record<Side, Actor[]> = { own: ['PLATFORM_ADMIN', 'OWNER', 'MANAGER', 'MARKETER', 'PROVIDER_ADMIN', 'PROVIDER_OPERATOR'], other: ['PLATFORM_ADMIN'] };

const enrolled = new WeakMap<TenantRecords, Promise<void>>();

/** A fresh AVAILABLE coupon of the side's merchant (both sides' merchants have merchant coupons here). */
async function couponFor(c: CaseContext) {
  let done = enrolled.get(c.t);
  if (!done) {
    done = enrolInCoupons(c.api.db, c.t.merchantId);
    enrolled.set(c.t, done);
  }
  await done;
  return makeCoupon(c.api.db, await makeCouponStock(c.api.db, c.t.merchantId, 'ACTIVE'));
}

/** Runs a provider actor's cell with COUPONS_REDEEM added to Nimbus's authorization by Harbor, then takes it back. */
async function withRedeemScope<T>(c: CaseContext, run: () => Promise<T>): Promise<T> {
  if (!isProviderSide(c.actor)) return run();
  const id = c.fixtures.own.authorizationId;
  const { scopes } = await c.api.db.authorization.findUniqueOrThrow({ where: { id } });
  await c.api.db.authorization.update({ where: { id }, data: { scopes: [...new Set<AuthorizationScope>([...scopes, 'COUPONS_REDEEM'])] } });
  try {
    return await run();
  } finally {
    await c.api.db.authorization.update({ where: { id }, data: { scopes } });
  }
}

/**
 * Who reads a coupon's redemption history: the merchant's staff (clerks for redemptions at their stores:
 * these are at the side's store, one of the clerk's on Harbor), a provider only with COUPONS_REDEEM
 * (Nimbus holds COUPONS_MANAGE on Harbor), the platform.
 */
const REDEMPTION_READERS: Record<Side, Actor[]> = { own: [...PLATFORM, 'OWNER', 'MANAGER', 'MARKETER', 'CLERK'], other: PLATFORM };

export const COUPON_REDEMPTION_OPERATIONS: Operation[] = [
  ...readOperations('Coupon', 'Coupons', async (_t, _a, c) => (await couponFor(c)).id, READERS),
  ...readOperations('Redemption', 'Redemptions', async (t, _a, c) => (await makeRedemption(c.api.db, await couponFor(c), { storeId: t.storeId })).id, REDEMPTION_READERS),
  {
    name: 'checkCoupon',
    // At the side's store: a clerk's own store on Harbor, one it does not work at on Lumen.
    expected: CHECKERS,
    run: async (c) => {
      const coupon = await couponFor(c);
      const res = await c.api.gql('query($code: String!, $s: ID) { checkCoupon(code: $code, storeId: $s) { coupon { id } } }', { code: coupon.code, s: c.t.storeId }, { token: c.token });
      return classify(res, (d) => (d['checkCoupon'] as { coupon: { id: string } } | null)?.coupon.id === coupon.id);
    },
  },
  {
    name: 'redeemCoupon',
    expected: REDEEMERS,
    run: (c) =>
      withRedeemScope(c, async () => {
        const coupon = await couponFor(c);
        const input = { code: coupon.code, storeId: c.t.storeId, orderAmount: 3000, requestId: `matrix-${randomUUID()}` };
        const res = await c.api.gql('mutation($i: RedeemCouponInput!) { redeemCoupon(input: $i) { couponId } }', { i: input }, { token: c.token });
        return classify(res, (d) => (d['redeemCoupon'] as { couponId: string } | null)?.couponId === coupon.id);
      }),
  },
  {
    name: 'reverseRedemption',
    // A redemption at the side's store: a clerk reverses those of its own stores only.
    expected: REDEEMERS,
    run: (c) =>
      withRedeemScope(c, async () => {
        const redemption = await makeRedemption(c.api.db, await couponFor(c), { storeId: c.t.storeId });
        const input = { redemptionId: redemption.id, requestId: `matrix-${randomUUID()}` };
        const res = await c.api.gql('mutation($i: ReverseRedemptionInput!) { reverseRedemption(input: $i) { id reversedAt } }', { i: input }, { token: c.token });
        return classify(res, (d) => Boolean((d['reverseRedemption'] as { reversedAt: string | null } | null)?.reversedAt));
      }),
  },
  {
    name: 'revokeCoupon',
    expected: REVOKERS,
    run: async (c) => {
      const coupon = await couponFor(c);
      const res = await c.api.gql('mutation($id: ID!) { revokeCoupon(id: $id) { id status } }', { id: coupon.id }, { token: c.token });
      return classify(res, (d) => (d['revokeCoupon'] as { status: string } | null)?.status === 'REVOKED');
    },
  },
  {
    name: 'couponStockActivity',
    // Whoever reads the stock: the coupon readers.
    expected: READERS,
    run: async (c) => {
      const coupon = await couponFor(c);
      const res = await c.api.gql('query($id: ID!) { couponStockActivity(stockId: $id, days: 7) { day claimed } }', { id: coupon.stockId }, { token: c.token });
      return classify(res, (d) => (d['couponStockActivity'] as { claimed: number }[]).reduce((n, day) => n + day.claimed, 0) === 1);
    },
  },
];
