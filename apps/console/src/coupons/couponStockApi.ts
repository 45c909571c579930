import { graphqlRequest } from '../graphql';
import type { CouponStockInput, CouponStockRecord, LifecycleAction } from './couponStock';

export const COUPON_STOCK_FIELDS = `id merchantId merchantName name description type faceValue percentOff maxDiscount exchangeItem minSpend currency
  claimStartsAt claimEndsAt validityKind validFrom validUntil validDays usableWeekdays usableFromMinute usableToMinute storeIds
  totalQuantity claimedCount remaining redeemedCount claimedAmount perCustomerLimit perCustomerDailyLimit budgetCount budgetAmount
  channels codeMode status version createdAt updatedAt`;

export async function createCouponStock(input: CouponStockInput): Promise<CouponStockRecord> {
  const data = await graphqlRequest<{ createCouponStock: CouponStockRecord }>(
    `mutation CreateCouponStock($input: CouponStockInput!) { createCouponStock(input: $input) { ${COUPON_STOCK_FIELDS} } }`,
    { input },
  );
  return data.createCouponStock;
}

/** `version` is the one the editor started from: a stale one is refused with CONFLICT. */
export async function updateCouponStock(id: string, version: number, input: CouponStockInput): Promise<CouponStockRecord> {
  const data = await graphqlRequest<{ updateCouponStock: CouponStockRecord }>(
    `mutation UpdateCouponStock($id: ID!, $version: Int!, $input: CouponStockInput!) { updateCouponStock(id: $id, version: $version, input: $input) { ${COUPON_STOCK_FIELDS} } }`,
    { id, version, input },
  );
  return data.updateCouponStock;
}

const LIFECYCLE_MUTATIONS: Record<LifecycleAction, string> = {
  activate: 'activateCouponStock',
  pause: 'pauseCouponStock',
  end: 'endCouponStock',
};

export async function changeCouponStockStatus(id: string, action: LifecycleAction): Promise<CouponStockRecord> {
  const mutation = LIFECYCLE_MUTATIONS[action];
  const data = await graphqlRequest<Record<string, CouponStockRecord>>(
    `mutation CouponStockLifecycle($id: ID!) { ${mutation}(id: $id) { ${COUPON_STOCK_FIELDS} } }`,
    { id },
  );
  return data[mutation];
}

export interface CouponStockBudgetInput {
  expectedTotalQuantity: number;
  totalQuantity: number;
  expectedBudgetAmount?: number | null;
  budgetAmount?: number | null;
}

/** Compare-and-set: the server refuses with CONFLICT when the expected values are no longer current. */
export async function adjustCouponStockBudget(id: string, input: CouponStockBudgetInput): Promise<CouponStockRecord> {
  const data = await graphqlRequest<{ adjustCouponStockBudget: CouponStockRecord }>(
    `mutation AdjustCouponStockBudget($id: ID!, $input: CouponStockBudgetInput!) { adjustCouponStockBudget(id: $id, input: $input) { ${COUPON_STOCK_FIELDS} } }`,
    { id, input },
  );
  return data.adjustCouponStockBudget;
}

export async function fetchCouponStock(id: string): Promise<CouponStockRecord> {
  const data = await graphqlRequest<{ CouponStock: CouponStockRecord }>(`query CouponStock($id: ID!) { CouponStock(id: $id) { ${COUPON_STOCK_FIELDS} } }`, { id });
  return data.CouponStock;
}
