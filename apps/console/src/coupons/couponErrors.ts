import { errorMessageKey, toApiError } from '../errors';
import type { CouponRefusal } from './couponApi';

/**
 * The coupon operations whose refusals the console explains in its own words: claiming in the
 * sandbox, the counter (looking a code up and redeeming it), reversing a redemption, revoking a coupon.
 */
export type CouponOperation = 'claim' | 'counter' | 'reverse' | 'revoke';

/**
 * The reasons (`extensions.reason` of a CONFLICT) each operation has a message for. The counter's
 * are also the refusals checkCoupon lists (CouponRefusal), worded once for both.
 */
export const KNOWN_REASONS: Record<CouponOperation, readonly string[]> = {
  claim: ['SOLD_OUT', 'CUSTOMER_LIMIT', 'DAILY_LIMIT', 'NOT_ACTIVE', 'NOT_STARTED', 'CLAIM_WINDOW_OVER', 'IDEMPOTENCY_KEY_REUSED', 'RETRY'],
  counter: ['ALREADY_REDEEMED', 'REVOKED', 'EXPIRED', 'NOT_YET_VALID', 'WRONG_WEEKDAY', 'OUTSIDE_HOURS', 'WRONG_STORE', 'IDEMPOTENCY_KEY_REUSED', 'COUPON_CHANGED'],
  reverse: ['ALREADY_REVERSED', 'EXPIRED', 'IDEMPOTENCY_KEY_REUSED', 'COUPON_CHANGED'],
  revoke: ['ALREADY_REDEEMED', 'ALREADY_REVOKED', 'EXPIRED', 'COUPON_CHANGED'],
};

/** The input fields (`extensions.field`) each operation explains, for BAD_USER_INPUT and for FORBIDDEN. */
export const KNOWN_FIELDS: Record<CouponOperation, { input: readonly string[]; forbidden: readonly string[] }> = {
  claim: { input: ['channel', 'customerRef'], forbidden: [] },
  counter: { input: ['code', 'storeId', 'orderAmount', 'orderRef'], forbidden: ['storeId'] },
  reverse: { input: ['reason'], forbidden: [] },
  revoke: { input: ['reason'], forbidden: [] },
};

export interface CouponErrorMessage {
  key: string;
  /** What the message interpolates: the error's details (a limit, an instant) and the caller's own. */
  args: Record<string, string | number>;
  /** The server's own words. */
  detail: string;
  /** Whether sending the same request again may work (the network, the server, counters being rebuilt). */
  retryable: boolean;
}

/**
 * The message for a failed coupon operation: `mop.coupon_errors.<operation>.<REASON>` for a known
 * refusal, `.field_<field>` / `.forbidden_<field>` for a known input, `.NOT_FOUND` and `.FORBIDDEN`
 * (which say more than the generic text), else the generic message of the error code.
 */
export function couponErrorMessage(error: unknown, operation: CouponOperation, extraArgs: Record<string, string | number> = {}): CouponErrorMessage {
  const apiError = toApiError(error);
  const base = `mop.coupon_errors.${operation}`;
  const args: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(apiError.details)) if (typeof value === 'string' || typeof value === 'number') args[name] = value;
  Object.assign(args, extraArgs);
  const retryable = apiError.code === 'NETWORK_ERROR' || apiError.code === 'INTERNAL_SERVER_ERROR' || apiError.code === 'TOO_MANY_REQUESTS' || apiError.reason === 'RETRY';
  const result = (key: string): CouponErrorMessage => ({ key, args, detail: apiError.message, retryable });
  const field = apiError.field?.replace(/^input\./, '');
  if (apiError.code === 'CONFLICT' && apiError.reason && KNOWN_REASONS[operation].includes(apiError.reason)) return result(`${base}.${apiError.reason}`);
  if (apiError.code === 'BAD_USER_INPUT' && field && KNOWN_FIELDS[operation].input.includes(field)) return result(`${base}.field_${field}`);
  if (apiError.code === 'FORBIDDEN' && field && KNOWN_FIELDS[operation].forbidden.includes(field)) return result(`${base}.forbidden_${field}`);
  if (apiError.code === 'NOT_FOUND' || apiError.code === 'FORBIDDEN') return result(`${base}.${apiError.code}`);
  return result(errorMessageKey(apiError.code));
}

/** Every key `couponErrorMessage` may answer with under `mop.coupon_errors`, for the catalogue test. */
export function couponErrorKeys(): string[] {
  return (Object.keys(KNOWN_REASONS) as CouponOperation[]).flatMap((op) => [
    ...KNOWN_REASONS[op].map((reason) => `mop.coupon_errors.${op}.${reason}`),
    ...KNOWN_FIELDS[op].input.map((field) => `mop.coupon_errors.${op}.field_${field}`),
    ...KNOWN_FIELDS[op].forbidden.map((field) => `mop.coupon_errors.${op}.forbidden_${field}`),
    `mop.coupon_errors.${op}.NOT_FOUND`,
    `mop.coupon_errors.${op}.FORBIDDEN`,
  ]);
}

/**
 * The message key of a refusal checkCoupon lists: the same words the counter uses when redeeming is
 * refused for that reason (a missing store and a too small order are input errors there).
 */
export function refusalKey(reason: CouponRefusal): string {
  if (reason === 'STORE_REQUIRED') return 'mop.coupon_errors.counter.field_storeId';
  if (reason === 'BELOW_MIN_SPEND') return 'mop.coupon_errors.counter.field_orderAmount';
  return `mop.coupon_errors.counter.${reason}`;
}
