import type { CouponStockStatus } from '@mop/data-access';
import { couponStockEdit, couponStockInput, enrolInCoupons, makeCouponStock } from '../../coupons/coupon-fixtures';
import type { TenantRecords } from '../../testing/tenant-fixtures';
import { type Actor, type CaseContext, classify, type Operation, type Side } from './matrix-kit';

/** Who runs a merchant's stocks: its staff but clerks, a provider with COUPONS_MANAGE, platform admins. */
const STOCK_RUNNERS: Record<Side, Actor[]> = { own: ['PLATFORM_ADMIN', 'OWNER', 'MANAGER', 'MARKETER', 'PROVIDER_ADMIN', 'PROVIDER_OPERATOR'], other: ['PLATFORM_ADMIN'] };
/** Who funds them: marketers do not. */
const BUDGET_HOLDERS: Record<Side, Actor[]> = { own: ['PLATFORM_ADMIN', 'OWNER', 'MANAGER', 'PROVIDER_ADMIN', 'PROVIDER_OPERATOR'], other: ['PLATFORM_ADMIN'] };

const enrolled = new WeakMap<TenantRecords, Promise<void>>();

/**
 * A fresh stock of the side's merchant for one cell. Both sides' merchants have merchant coupons, so
 * the product gate is not what decides the cells (Lumen is enrolled here, as in onboarding-review).
 */
async function stockFor(c: CaseContext, status: CouponStockStatus) {
  let done = enrolled.get(c.t);
  if (!done) {
    done = enrolInCoupons(c.api.db, c.t.merchantId);
    enrolled.set(c.t, done);
  }
  await done;
  return makeCouponStock(c.api.db, c.t.merchantId, status);
}

function lifecycle(name: 'activateCouponStock' | 'pauseCouponStock' | 'endCouponStock', from: CouponStockStatus): Operation {
  return {
    name,
    expected: STOCK_RUNNERS,
    run: async (c) => {
      const stock = await stockFor(c, from);
      return classify(await c.api.gql(`mutation($id: ID!) { ${name}(id: $id) { id status } }`, { id: stock.id }, { token: c.token }), (d) => Boolean(d[name]));
    },
  };
}

export const COUPON_OPERATIONS: Operation[] = [
  {
    name: 'createCouponStock',
    // Aimed at the side's merchant by `merchantId` (a merchant workspace may name only its own).
    expected: STOCK_RUNNERS,
    run: async (c) => {
      await stockFor(c, 'DRAFT');
      const input = couponStockInput({ merchantId: c.t.merchantId, name: 'Matrix stock' });
      return classify(await c.api.gql('mutation($i: CouponStockInput!) { createCouponStock(input: $i) { id } }', { i: input }, { token: c.token }), (d) => Boolean(d['createCouponStock']));
    },
  },
  {
    name: 'updateCouponStock',
    expected: STOCK_RUNNERS,
    run: async (c) => {
      const stock = await stockFor(c, 'ACTIVE');
      const res = await c.api.gql('mutation($id: ID!, $v: Int!, $i: CouponStockInput!) { updateCouponStock(id: $id, version: $v, input: $i) { id name } }', { id: stock.id, v: stock.version, i: couponStockEdit(stock, { name: 'Renamed by the matrix' }) }, { token: c.token });
      return classify(res, (d) => (d['updateCouponStock'] as { name: string } | null)?.name === 'Renamed by the matrix');
    },
  },
  lifecycle('activateCouponStock', 'DRAFT'),
  lifecycle('pauseCouponStock', 'ACTIVE'),
  lifecycle('endCouponStock', 'PAUSED'),
  {
    name: 'adjustCouponStockBudget',
    expected: BUDGET_HOLDERS,
    run: async (c) => {
      const stock = await stockFor(c, 'ACTIVE');
      const res = await c.api.gql('mutation($id: ID!, $i: CouponStockBudgetInput!) { adjustCouponStockBudget(id: $id, input: $i) { id totalQuantity } }', { id: stock.id, i: { expectedTotalQuantity: stock.totalQuantity, totalQuantity: stock.totalQuantity + 10 } }, { token: c.token });
      return classify(res, (d) => (d['adjustCouponStockBudget'] as { totalQuantity: number } | null)?.totalQuantity === stock.totalQuantity + 10);
    },
  },
];
