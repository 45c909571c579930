import { randomBytes } from 'node:crypto';
import type { CouponStockStatus } from '@mop/data-access';
import { enrolInCoupons, makeCouponStock } from '../../coupons/coupon-fixtures';
import type { TenantRecords } from '../../testing/tenant-fixtures';
import { type Actor, ACTORS, type CaseContext, classify, everywhere, type Operation, type Side } from './matrix-kit';

/** Who runs a merchant's stocks (submits them for review, uploads their codes): as in coupons.ops. */
const STOCK_RUNNERS: Record<Side, Actor[]> = { own: ['PLATFORM_ADMIN', 'OWNER', 'MANAGER', 'MARKETER', 'PROVIDER_ADMIN', 'PROVIDER_OPERATOR'], other: ['PLATFORM_ADMIN'] };

const enrolled = new WeakMap<TenantRecords, Promise<void>>();

/** A fresh stock of the side's merchant (both sides' merchants have merchant coupons here). */
async function stockFor(c: CaseContext, status: CouponStockStatus, data: { codeMode?: 'UPLOADED'; publicChannelApproved?: boolean } = {}) {
  let done = enrolled.get(c.t);
  if (!done) {
    done = enrolInCoupons(c.api.db, c.t.merchantId);
    enrolled.set(c.t, done);
  }
  await done;
  const stock = await makeCouponStock(c.api.db, c.t.merchantId, status);
  const name = `Matrix plaza ${stock.id}`;
  return c.api.db.couponStock.update({
    where: { id: stock.id },
    data: { name, ...data, ...(data.publicChannelApproved ? { channels: ['MINI_PROGRAM', 'PUBLIC_CHANNEL'] } : {}) },
  });
}

/** The plaza is public: whoever asks, signed in or not, sees an approved stock of either side. */
function plaza(name: 'couponPlaza' | '_couponPlazaMeta'): Operation {
  return {
    name,
    expected: everywhere(ACTORS),
    run: async (c) => {
      const stock = await stockFor(c, 'ACTIVE', { publicChannelApproved: true });
      const f = { q: stock.name, merchantId: stock.merchantId };
      if (name === 'couponPlaza') {
        const res = await c.api.gql('query($f: PlazaFilter) { couponPlaza(filter: $f) { id } }', { f }, { token: c.token });
        return classify(res, (d) => (d['couponPlaza'] as { id: string }[]).some((s) => s.id === stock.id));
      }
      const res = await c.api.gql('query($f: PlazaFilter) { _couponPlazaMeta(filter: $f) { count } }', { f }, { token: c.token });
      return classify(res, (d) => (d['_couponPlazaMeta'] as { count: number }).count === 1);
    },
  };
}

export const COUPON_PUBLIC_OPERATIONS: Operation[] = [
  {
    name: 'submitCouponStockToPublicChannel',
    expected: STOCK_RUNNERS,
    run: async (c) => {
      const stock = await stockFor(c, 'DRAFT');
      const res = await c.api.gql('mutation($id: ID!) { submitCouponStockToPublicChannel(id: $id) { id publicChannel } }', { id: stock.id }, { token: c.token });
      return classify(res, (d) => (d['submitCouponStockToPublicChannel'] as { publicChannel: string } | null)?.publicChannel === 'SUBMITTED');
    },
  },
  {
    name: 'uploadCouponCodes',
    expected: STOCK_RUNNERS,
    run: async (c) => {
      const stock = await stockFor(c, 'DRAFT', { codeMode: 'UPLOADED' });
      const codes = [`MX-${randomBytes(6).toString('hex')}`];
      const res = await c.api.gql('mutation($id: ID!, $codes: [String!]!) { uploadCouponCodes(stockId: $id, codes: $codes) { accepted } }', { id: stock.id, codes }, { token: c.token });
      return classify(res, (d) => (d['uploadCouponCodes'] as { accepted: number } | null)?.accepted === 1);
    },
  },
  plaza('couponPlaza'),
  plaza('_couponPlazaMeta'),
];
