import { AppError, BadUserInputError, ConflictError } from '@mop/api-kit';
import type { CouponStatus, CouponType } from '@mop/data-access';

/**
 * Why a coupon cannot be redeemed here and now. `checkCoupon` lists them all; `redeemCoupon` refuses
 * with the first, as a typed error (`refusalError`).
 */
export const CouponRefusal = {
  ALREADY_REDEEMED: 'ALREADY_REDEEMED',
  REVOKED: 'REVOKED',
  EXPIRED: 'EXPIRED',
  NOT_YET_VALID: 'NOT_YET_VALID',
  WRONG_WEEKDAY: 'WRONG_WEEKDAY',
  OUTSIDE_HOURS: 'OUTSIDE_HOURS',
  STORE_REQUIRED: 'STORE_REQUIRED',
  WRONG_STORE: 'WRONG_STORE',
  BELOW_MIN_SPEND: 'BELOW_MIN_SPEND',
} as const;
export type CouponRefusal = (typeof CouponRefusal)[keyof typeof CouponRefusal];

/** What decides whether a coupon may be redeemed: its own state and validity, its stock's terms. */
export interface RedemptionTerms {
  status: CouponStatus;
  validFrom: Date;
  validUntil: Date;
  type: CouponType;
  faceValue: number | null;
  percentOff: number | null;
  maxDiscount: number | null;
  minSpend: number;
  currency: string;
  /** ISO weekdays 1 (Monday) … 7 (Sunday); empty: every day. */
  usableWeekdays: number[];
  /** Minutes after local midnight, half-open [from, to); null: all day. */
  usableFromMinute: number | null;
  usableToMinute: number | null;
  /** The stores it may be redeemed at; empty: every store. */
  storeIds: string[];
}

/** Where, when and for how much: the clock is passed in, so the rules are pure. */
export interface RedemptionAttempt {
  now: Date;
  /** The merchant's IANA time zone: weekdays and usable hours are the merchant's local ones. */
  timeZone: string;
  storeId: string | null;
  /** Unknown while only looking a coupon up: the minimum spend is then not checked. */
  orderAmount: number | null;
}

/** Every reason the attempt is refused, in the order a clerk would deal with them; empty: usable. */
export function refusalsOf(terms: RedemptionTerms, attempt: RedemptionAttempt): CouponRefusal[] {
  const refusals: CouponRefusal[] = [];
  const now = attempt.now.getTime();
  if (terms.status === 'REDEEMED') refusals.push(CouponRefusal.ALREADY_REDEEMED);
  if (terms.status === 'REVOKED') refusals.push(CouponRefusal.REVOKED);
  // Validity is half-open: a coupon valid until 18:00 is no longer valid at 18:00.
  if (terms.status === 'EXPIRED' || now >= terms.validUntil.getTime()) refusals.push(CouponRefusal.EXPIRED);
  else if (now < terms.validFrom.getTime()) refusals.push(CouponRefusal.NOT_YET_VALID);
  const local = localClock(attempt.now, attempt.timeZone);
  if (terms.usableWeekdays.length > 0 && !terms.usableWeekdays.includes(local.weekday)) refusals.push(CouponRefusal.WRONG_WEEKDAY);
  if (!withinHours(terms, local.minute)) refusals.push(CouponRefusal.OUTSIDE_HOURS);
  if (terms.storeIds.length > 0) {
    if (!attempt.storeId) refusals.push(CouponRefusal.STORE_REQUIRED);
    else if (!terms.storeIds.includes(attempt.storeId.toLowerCase())) refusals.push(CouponRefusal.WRONG_STORE);
  }
  if (attempt.orderAmount != null && attempt.orderAmount < terms.minSpend) refusals.push(CouponRefusal.BELOW_MIN_SPEND);
  return refusals;
}

function withinHours(terms: Pick<RedemptionTerms, 'usableFromMinute' | 'usableToMinute'>, minute: number): boolean {
  if (terms.usableFromMinute == null || terms.usableToMinute == null) return true;
  return minute >= terms.usableFromMinute && minute < terms.usableToMinute;
}

/**
 * What the coupon takes off an order of `orderAmount` (minor units): a fixed amount never more than
 * the order, a percentage rounded down and capped by the maximum discount, an exchange its item's value.
 */
export function discountFor(terms: Pick<RedemptionTerms, 'type' | 'faceValue' | 'percentOff' | 'maxDiscount'>, orderAmount: number): number {
  switch (terms.type) {
    case 'FIXED_AMOUNT':
      return Math.min(terms.faceValue ?? 0, orderAmount);
    case 'PERCENT_OFF': {
      const off = Math.floor((orderAmount * (terms.percentOff ?? 0)) / 100);
      return terms.maxDiscount == null ? off : Math.min(off, terms.maxDiscount);
    }
    case 'EXCHANGE':
      return terms.faceValue ?? 0;
  }
}

/** The local calendar day, ISO weekday and minute after midnight of an instant in a time zone. */
export interface LocalClock {
  day: string;
  weekday: number;
  minute: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

export function localClock(at: Date, timeZone: string): LocalClock {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    day: `${parts['year']}-${parts['month']}-${parts['day']}`,
    weekday: WEEKDAYS[parts['weekday']],
    minute: Number(parts['hour']) * 60 + Number(parts['minute']),
  };
}

const DAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const clockTime = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const instant = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

/**
 * The typed error `redeemCoupon` answers a refusal with: what is wrong with the input (no store, too
 * small an order) is BAD_USER_INPUT naming the field; what is wrong with the coupon, the time or the
 * place is CONFLICT with the refusal as `reason`.
 */
export function refusalError(refusal: CouponRefusal, terms: RedemptionTerms, attempt: RedemptionAttempt): AppError {
  const conflict = (message: string, extra: Record<string, unknown> = {}) => new ConflictError(message, { reason: refusal, ...extra });
  switch (refusal) {
    case 'ALREADY_REDEEMED':
      return conflict('This coupon has already been redeemed: a coupon is used once (reverse that redemption first if its order was refunded).', { status: terms.status });
    case 'REVOKED':
      return conflict('The merchant has revoked this coupon: it can no longer be used.', { status: terms.status });
    case 'EXPIRED':
      return conflict(`This coupon was valid until ${instant(terms.validUntil)}: it can no longer be used.`, { validUntil: terms.validUntil.toISOString() });
    case 'NOT_YET_VALID':
      return conflict(`This coupon becomes valid at ${instant(terms.validFrom)}: it cannot be used before then.`, { validFrom: terms.validFrom.toISOString() });
    case 'WRONG_WEEKDAY': {
      const today = DAY_NAMES[localClock(attempt.now, attempt.timeZone).weekday];
      const days = [...terms.usableWeekdays].sort((a, b) => a - b).map((d) => DAY_NAMES[d]).join(', ');
      return conflict(`This coupon can be used on ${days} only (${attempt.timeZone} time): today is ${today}.`, { usableWeekdays: terms.usableWeekdays });
    }
    case 'OUTSIDE_HOURS':
      return conflict(`This coupon can be used from ${clockTime(terms.usableFromMinute ?? 0)} to ${clockTime(terms.usableToMinute ?? 1440)} only (${attempt.timeZone} time).`, {
        usableFromMinute: terms.usableFromMinute,
        usableToMinute: terms.usableToMinute,
      });
    case 'STORE_REQUIRED':
      return new BadUserInputError('storeId', 'This coupon can be redeemed at some of the merchant\'s stores only: say which store it is redeemed at.');
    case 'WRONG_STORE':
      return conflict('This coupon cannot be redeemed at this store: the merchant restricted it to other stores.', { field: 'storeId' });
    case 'BELOW_MIN_SPEND':
      return new BadUserInputError('orderAmount', `This coupon needs an order of at least ${terms.minSpend} (minor units of ${terms.currency}).`);
  }
}
