import { randomUUID } from 'node:crypto';
import { enrolInCoupons, makeClaimableStock } from '../../coupons/coupon-fixtures';
import type { TenantRecords } from '../../testing/tenant-fixtures';
import { type Actor, type CaseContext, classify, type Operation, type Side } from './matrix-kit';

/**
 * Who hands a merchant's coupons out (the customer sandbox, or a provider acting for it): its staff but
 * clerks, a provider with COUPONS_MANAGE (Nimbus on Harbor in the demo data), the platform admin.
 */
const CLAIMERS: Record<Side, Actor[]> = { own: ['PLATFORM_ADMIN', 'OWNER', 'MANAGER', 'MARKETER', 'PROVIDER_ADMIN', 'PROVIDER_OPERATOR'], other: ['PLATFORM_ADMIN'] };

const enrolled = new WeakMap<TenantRecords, Promise<void>>();

async function stockFor(c: CaseContext) {
  let done = enrolled.get(c.t);
  if (!done) {
    done = enrolInCoupons(c.api.db, c.t.merchantId);
    enrolled.set(c.t, done);
  }
  await done;
  return makeClaimableStock(c.api.db, c.t.merchantId, { name: `Matrix claim ${randomUUID().slice(0, 8)}` });
}

export const CLAIM_OPERATIONS: Operation[] = [
  {
    name: 'claimCoupon',
    expected: CLAIMERS,
    run: async (c) => {
      const stock = await stockFor(c);
      const res = await c.api.gql('mutation($i: ClaimCouponInput!) { claimCoupon(input: $i) { id stockId } }', { i: { stockId: stock.id, customerRef: 'matrix-customer', requestId: `matrix-${randomUUID()}` } }, { token: c.token });
      return classify(res, (d) => (d['claimCoupon'] as { stockId: string } | null)?.stockId === stock.id);
    },
  },
  {
    name: 'claimableCouponStocks',
    expected: CLAIMERS,
    run: async (c) => {
      const stock = await stockFor(c);
      const res = await c.api.gql('query { claimableCouponStocks(customerRef: "matrix-customer") { stock { id } } }', {}, { token: c.token });
      return classify(res, (d) => ((d['claimableCouponStocks'] as { stock: { id: string } }[] | null) ?? []).some((s) => s.stock.id === stock.id));
    },
  },
];
