import { graphqlRequest } from '../graphql';
import { COUPON_STOCK_FIELDS } from './couponStockApi';
import type { CouponStockRecord, CouponType } from './couponStock';

/**
 * Customers' coupons and the counter: claiming (the sandbox), looking a code up, redeeming and
 * reversing, revoking, and a stock's activity per day. Amounts are minor units of `currency`.
 */

export const COUPON_STATUSES = ['AVAILABLE', 'REDEEMED', 'EXPIRED', 'REVOKED'] as const;
export type CouponStatus = (typeof COUPON_STATUSES)[number];

/** Why a coupon cannot be redeemed here and now (checkCoupon's reasons). */
export const COUPON_REFUSALS = [
  'ALREADY_REDEEMED',
  'REVOKED',
  'EXPIRED',
  'NOT_YET_VALID',
  'WRONG_WEEKDAY',
  'OUTSIDE_HOURS',
  'STORE_REQUIRED',
  'WRONG_STORE',
  'BELOW_MIN_SPEND',
] as const;
export type CouponRefusal = (typeof COUPON_REFUSALS)[number];

/** Why a claim would be refused now (claimableCouponStocks' refusal). */
export const CLAIM_REFUSALS = ['SOLD_OUT', 'CUSTOMER_LIMIT', 'DAILY_LIMIT', 'NOT_STARTED'] as const;

export interface CouponRecord {
  id: string;
  stockId: string;
  stockName: string;
  merchantId: string;
  code: string;
  customerRef: string;
  claimRequestId: string;
  status: CouponStatus;
  type: CouponType;
  faceValue: number | null;
  percentOff: number | null;
  maxDiscount: number | null;
  exchangeItem: string | null;
  minSpend: number;
  currency: string;
  validFrom: string;
  validUntil: string;
  /** The stock's usable ISO weekdays (empty: every day) and hours (minutes after local midnight; null: all day). */
  usableWeekdays: number[];
  usableFromMinute: number | null;
  usableToMinute: number | null;
  claimedVia: string;
  claimedAt: string;
  claimedInSandbox: boolean;
  bulkIssueRunId: string | null;
  redeemedAt: string | null;
  revokedAt: string | null;
  expiredAt: string | null;
  version: number;
}

export interface RedemptionRecord {
  id: string;
  couponId: string;
  code: string;
  merchantId: string;
  storeId: string | null;
  orderRef: string | null;
  orderAmount: number;
  discountAmount: number;
  currency: string;
  requestId: string;
  redeemedAt: string;
  redeemedByUserId: string | null;
  redeemedByApiKeyId: string | null;
  redeemedByProviderId: string | null;
  reversedAt: string | null;
  reverseReason: string | null;
}

export interface RedemptionResultRecord {
  id: string;
  couponId: string;
  code: string;
  merchantId: string;
  stockId: string;
  storeId: string | null;
  type: CouponType;
  exchangeItem: string | null;
  orderRef: string | null;
  orderAmount: number;
  discountAmount: number;
  currency: string;
  requestId: string;
  redeemedAt: string;
}

export interface CouponCheckRecord {
  coupon: CouponRecord;
  usable: boolean;
  reasons: CouponRefusal[];
  discount: number | null;
  lastRedemption: RedemptionRecord | null;
}

export interface ClaimableStockRecord {
  stock: CouponStockRecord;
  held: number;
  heldToday: number;
  refusal: string | null;
}

export interface CouponStockDayRecord {
  day: string;
  claimed: number;
  redeemed: number;
  reversed: number;
}

export const COUPON_FIELDS = `id stockId stockName merchantId code customerRef claimRequestId status type faceValue percentOff maxDiscount exchangeItem
  minSpend currency validFrom validUntil usableWeekdays usableFromMinute usableToMinute claimedVia claimedAt claimedInSandbox bulkIssueRunId redeemedAt revokedAt expiredAt version`;
const REDEMPTION_FIELDS = `id couponId code merchantId storeId orderRef orderAmount discountAmount currency requestId redeemedAt
  redeemedByUserId redeemedByApiKeyId redeemedByProviderId reversedAt reverseReason`;
const RESULT_FIELDS = 'id couponId code merchantId stockId storeId type exchangeItem orderRef orderAmount discountAmount currency requestId redeemedAt';

export async function claimableCouponStocks(customerRef: string): Promise<ClaimableStockRecord[]> {
  const data = await graphqlRequest<{ claimableCouponStocks: ClaimableStockRecord[] }>(
    `query ClaimableCouponStocks($customerRef: String!) { claimableCouponStocks(customerRef: $customerRef) { held heldToday refusal stock { ${COUPON_STOCK_FIELDS} } } }`,
    { customerRef },
  );
  return data.claimableCouponStocks;
}

/** One claim; the request id is its idempotency key (a fresh one per click). */
export async function claimCoupon(input: { stockId: string; customerRef: string; requestId: string; channel: string }): Promise<CouponRecord> {
  const data = await graphqlRequest<{ claimCoupon: CouponRecord }>(`mutation ClaimCoupon($input: ClaimCouponInput!) { claimCoupon(input: $input) { ${COUPON_FIELDS} } }`, { input });
  return data.claimCoupon;
}

export interface CouponFilterInput {
  q?: string;
  stockId?: string;
  customerRef?: string;
  status?: CouponStatus;
}

/** One page (at most 100, the server's limit) of coupons, with the total. */
export async function fetchCoupons(
  filter: CouponFilterInput,
  { page, perPage, sortField = 'claimedAt', sortOrder = 'DESC', fields = COUPON_FIELDS }: { page: number; perPage: number; sortField?: string; sortOrder?: 'ASC' | 'DESC'; fields?: string },
): Promise<{ coupons: CouponRecord[]; total: number }> {
  const data = await graphqlRequest<{ allCoupons: CouponRecord[]; _allCouponsMeta: { count: number } }>(
    `query Coupons($filter: CouponFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: String) {
      allCoupons(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) { ${fields} }
      _allCouponsMeta(filter: $filter) { count }
    }`,
    { filter, page, perPage, sortField, sortOrder },
  );
  return { coupons: data.allCoupons, total: data._allCouponsMeta.count };
}

/** The counter's look-up: whether the coupon with this raw code can be redeemed here and now. */
export async function checkCoupon(args: { code: string; storeId?: string | null; orderAmount?: number | null }): Promise<CouponCheckRecord> {
  const data = await graphqlRequest<{ checkCoupon: CouponCheckRecord }>(
    `query CheckCoupon($code: String!, $storeId: ID, $orderAmount: Int) {
      checkCoupon(code: $code, storeId: $storeId, orderAmount: $orderAmount) {
        usable reasons discount coupon { ${COUPON_FIELDS} } lastRedemption { ${REDEMPTION_FIELDS} }
      }
    }`,
    { code: args.code, storeId: args.storeId ?? null, orderAmount: args.orderAmount ?? null },
  );
  return data.checkCoupon;
}

/** A coupon's redemptions, newest first (a reversed one stays, with its reversal). */
export async function redemptionsOf(couponId: string): Promise<RedemptionRecord[]> {
  const data = await graphqlRequest<{ allRedemptions: RedemptionRecord[] }>(
    `query RedemptionsOf($couponId: ID!) { allRedemptions(filter: { couponId: $couponId }, perPage: 50, sortField: "redeemedAt", sortOrder: "DESC") { ${REDEMPTION_FIELDS} } }`,
    { couponId },
  );
  return data.allRedemptions;
}

export interface RedeemInput {
  code: string;
  storeId: string | null;
  orderAmount: number;
  orderRef: string | null;
  requestId: string;
}

/** Exactly once per request id: a retry with the same input gets the first result back. */
export async function redeemCoupon(input: RedeemInput): Promise<RedemptionResultRecord> {
  const data = await graphqlRequest<{ redeemCoupon: RedemptionResultRecord }>(
    `mutation RedeemCoupon($input: RedeemCouponInput!) { redeemCoupon(input: $input) { ${RESULT_FIELDS} } }`,
    { input },
  );
  return data.redeemCoupon;
}

export async function reverseRedemption(input: { redemptionId: string; requestId: string; reason: string | null }): Promise<RedemptionRecord> {
  const data = await graphqlRequest<{ reverseRedemption: RedemptionRecord }>(
    `mutation ReverseRedemption($input: ReverseRedemptionInput!) { reverseRedemption(input: $input) { ${REDEMPTION_FIELDS} } }`,
    { input },
  );
  return data.reverseRedemption;
}

export async function revokeCoupon(id: string, reason: string | null): Promise<CouponRecord> {
  const data = await graphqlRequest<{ revokeCoupon: CouponRecord }>(`mutation RevokeCoupon($id: ID!, $reason: String) { revokeCoupon(id: $id, reason: $reason) { ${COUPON_FIELDS} } }`, {
    id,
    reason,
  });
  return data.revokeCoupon;
}

export async function couponStockActivity(stockId: string, days = 30): Promise<CouponStockDayRecord[]> {
  const data = await graphqlRequest<{ couponStockActivity: CouponStockDayRecord[] }>(
    'query CouponStockActivity($stockId: ID!, $days: Int!) { couponStockActivity(stockId: $stockId, days: $days) { day claimed redeemed reversed } }',
    { stockId, days },
  );
  return data.couponStockActivity;
}
