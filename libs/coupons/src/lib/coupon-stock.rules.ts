import { BadUserInputError } from '@mop/api-kit';
import type { CodeMode, CouponChannel, CouponStock, CouponType, ValidityKind } from '@mop/data-access';
import type { CouponStockInput } from './coupon-stock.input';

/** The settings of a stock as stored: what create writes, update compares and the audit names. */
export interface StockFields {
  name: string;
  description: string | null;
  type: CouponType;
  faceValue: number | null;
  percentOff: number | null;
  maxDiscount: number | null;
  exchangeItem: string | null;
  minSpend: number;
  claimStartsAt: Date;
  claimEndsAt: Date;
  validityKind: ValidityKind;
  validFrom: Date | null;
  validUntil: Date | null;
  validDays: number | null;
  usableWeekdays: number[];
  usableFromMinute: number | null;
  usableToMinute: number | null;
  storeIds: string[];
  totalQuantity: number;
  perCustomerLimit: number;
  perCustomerDailyLimit: number | null;
  budgetCount: number | null;
  budgetAmount: number | null;
  channels: CouponChannel[];
  codeMode: CodeMode;
}

export const STOCK_FIELDS: readonly (keyof StockFields)[] = [
  'name', 'description', 'type', 'faceValue', 'percentOff', 'maxDiscount', 'exchangeItem', 'minSpend',
  'claimStartsAt', 'claimEndsAt', 'validityKind', 'validFrom', 'validUntil', 'validDays',
  'usableWeekdays', 'usableFromMinute', 'usableToMinute', 'storeIds',
  'totalQuantity', 'perCustomerLimit', 'perCustomerDailyLimit', 'budgetCount', 'budgetAmount', 'channels', 'codeMode',
];

/** What may still change once a stock has been activated: customers may hold its coupons. */
export const EDITABLE_AFTER_ACTIVATION: readonly (keyof StockFields)[] = ['name', 'description', 'claimEndsAt'];

const orNull = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);
const blankToNull = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());

/** The input as it would be stored: trimmed, defaults filled, sets sorted (so equal settings compare equal). */
export function normalizeStock(input: CouponStockInput): StockFields {
  return {
    name: input.name.trim(),
    description: blankToNull(input.description),
    type: input.type,
    faceValue: orNull(input.faceValue),
    percentOff: orNull(input.percentOff),
    maxDiscount: orNull(input.maxDiscount),
    exchangeItem: input.exchangeItem == null ? null : input.exchangeItem.trim(),
    minSpend: input.minSpend ?? 0,
    claimStartsAt: input.claimStartsAt,
    claimEndsAt: input.claimEndsAt,
    validityKind: input.validityKind,
    validFrom: orNull(input.validFrom),
    validUntil: orNull(input.validUntil),
    validDays: orNull(input.validDays),
    usableWeekdays: [...(input.usableWeekdays ?? [])].sort((a, b) => a - b),
    usableFromMinute: orNull(input.usableFromMinute),
    usableToMinute: orNull(input.usableToMinute),
    storeIds: [...(input.storeIds ?? [])].map((s) => s.toLowerCase()).sort(),
    totalQuantity: input.totalQuantity,
    perCustomerLimit: input.perCustomerLimit,
    perCustomerDailyLimit: orNull(input.perCustomerDailyLimit),
    budgetCount: orNull(input.budgetCount),
    budgetAmount: orNull(input.budgetAmount),
    channels: [...input.channels].sort(),
    codeMode: input.codeMode,
  };
}

/** A stored stock's settings, in the shape `normalizeStock` gives. */
export function fieldsOf(stock: CouponStock & { storeIds: string[] }): StockFields {
  const picked = Object.fromEntries(STOCK_FIELDS.map((k) => [k, stock[k]])) as unknown as StockFields;
  return {
    ...picked,
    usableWeekdays: [...stock.usableWeekdays].sort((a, b) => a - b),
    storeIds: [...stock.storeIds].sort(),
    channels: [...stock.channels].sort(),
  };
}

/** The most one coupon can cost the merchant, what an amount budget is spent in (null: it has no price). */
export function amountPerCoupon(s: Pick<StockFields, 'type' | 'faceValue' | 'maxDiscount'>): number | null {
  if (s.type === 'FIXED_AMOUNT') return s.faceValue;
  if (s.type === 'PERCENT_OFF') return s.maxDiscount;
  return null;
}

const formatDate = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

/**
 * The rules between fields, in the order a form is filled in. Throws BAD_USER_INPUT naming the first
 * field at fault. `claimEndsInFuture`: on create, and whenever the end of the claim window moves.
 */
export function validateStock(s: StockFields, options: { now: Date; claimEndsInFuture: boolean; publicChannelApproved?: boolean }): void {
  const bad = (field: string, message: string) => {
    throw new BadUserInputError(field, message);
  };
  if (s.name.length === 0) bad('name', 'Enter a name for the stock.');
  switch (s.type) {
    case 'FIXED_AMOUNT':
      if (s.faceValue == null) bad('faceValue', 'A fixed-amount coupon needs its face value (the discount, in minor units).');
      if (s.percentOff != null) bad('percentOff', 'A fixed-amount coupon has no percentage off: leave it empty.');
      if (s.maxDiscount != null) bad('maxDiscount', 'Only a percent-off coupon has a maximum discount: leave it empty.');
      if (s.exchangeItem != null) bad('exchangeItem', 'A fixed-amount coupon has no exchanged item: leave it empty.');
      break;
    case 'PERCENT_OFF':
      if (s.percentOff == null) bad('percentOff', 'A percent-off coupon needs its percentage off (1 to 100).');
      if (s.faceValue != null) bad('faceValue', 'A percent-off coupon has no face value: leave it empty (cap the discount with a maximum discount).');
      if (s.exchangeItem != null) bad('exchangeItem', 'A percent-off coupon has no exchanged item: leave it empty.');
      break;
    case 'EXCHANGE':
      if (s.exchangeItem == null) bad('exchangeItem', 'An exchange coupon needs the item it is exchanged for.');
      if (s.faceValue != null) bad('faceValue', 'An exchange coupon has no face value: leave it empty.');
      if (s.percentOff != null) bad('percentOff', 'An exchange coupon has no percentage off: leave it empty.');
      if (s.maxDiscount != null) bad('maxDiscount', 'Only a percent-off coupon has a maximum discount: leave it empty.');
      break;
  }
  if (s.type === 'FIXED_AMOUNT' && s.minSpend > 0 && s.faceValue != null && s.minSpend < s.faceValue) {
    bad('minSpend', `The minimum spend must be at least the face value (${s.faceValue}), or 0 for no minimum.`);
  }

  if (s.claimStartsAt.getTime() >= s.claimEndsAt.getTime()) bad('claimEndsAt', 'The claim window must end after it starts.');
  if (options.claimEndsInFuture && s.claimEndsAt.getTime() <= options.now.getTime()) bad('claimEndsAt', 'The claim window must end in the future.');
  if (s.validityKind === 'FIXED') {
    if (s.validFrom == null) bad('validFrom', 'A fixed validity needs the date coupons become valid.');
    if (s.validUntil == null) bad('validUntil', 'A fixed validity needs the date coupons stop being valid.');
    if (s.validDays != null) bad('validDays', 'A fixed validity has no number of days: leave it empty (or choose a validity relative to the claim).');
    if ((s.validFrom as Date).getTime() >= (s.validUntil as Date).getTime()) bad('validUntil', 'Coupons must stop being valid after they become valid.');
    if ((s.validUntil as Date).getTime() < s.claimEndsAt.getTime()) {
      bad('validUntil', `Coupons must stay valid at least until the claim window ends (${formatDate(s.claimEndsAt)}): a coupon claimed last must still be usable.`);
    }
  } else {
    if (s.validDays == null) bad('validDays', 'A validity relative to the claim needs the number of days (1 to 3650).');
    if (s.validFrom != null) bad('validFrom', 'A validity relative to the claim has no start date: leave it empty.');
    if (s.validUntil != null) bad('validUntil', 'A validity relative to the claim has no end date: leave it empty.');
  }

  if ((s.usableFromMinute == null) !== (s.usableToMinute == null)) {
    bad(s.usableFromMinute == null ? 'usableFromMinute' : 'usableToMinute', 'Usable hours need both a start and an end (or neither, for all day).');
  }
  if (s.usableFromMinute != null && s.usableToMinute != null && s.usableFromMinute >= s.usableToMinute) {
    bad('usableToMinute', 'Usable hours must end after they start (on the same day).');
  }

  if (s.perCustomerLimit > s.totalQuantity) bad('perCustomerLimit', `A customer cannot claim more than the total quantity (${s.totalQuantity}).`);
  if (s.perCustomerDailyLimit != null && s.perCustomerDailyLimit > s.perCustomerLimit) {
    bad('perCustomerDailyLimit', `The daily limit cannot be more than the limit per customer (${s.perCustomerLimit}).`);
  }
  if (s.budgetCount != null && s.budgetCount > s.totalQuantity) bad('budgetCount', `A budget in coupons cannot be more than the total quantity (${s.totalQuantity}).`);
  if (s.budgetAmount != null && amountPerCoupon(s) == null) {
    bad('budgetAmount', s.type === 'EXCHANGE'
      ? 'An exchange coupon has no value to spend a budget in money on: leave it empty (limit it by quantity).'
      : 'A budget in money needs a maximum discount, so each coupon has a known cost: set one, or leave the budget empty.');
  }

  if (s.channels.length === 0) bad('channels', 'Choose at least one channel.');
  if (s.channels.includes('PUBLIC_CHANNEL') && !options.publicChannelApproved) {
    bad('channels', "The public channel needs the platform's approval: save the stock without it, then submit it to the public channel from its page.");
  }
}

/**
 * The public channel is the review's to give: approval adds it to the stock's channels, and an edit
 * form can neither drop it (a form loaded before the approval does not know of it) nor add it unapproved.
 */
export function withReviewedChannels(fields: StockFields, publicChannelApproved: boolean): StockFields {
  if (!publicChannelApproved) return fields;
  const channels = [...new Set<CouponChannel>([...fields.channels, 'PUBLIC_CHANNEL'])].sort();
  return { ...fields, channels };
}

/** Whether two stored values are the same setting. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/** The fields that differ, as the audit records them: `{ field: { from, to } }`. */
export function changesBetween(before: Partial<StockFields>, after: Partial<StockFields>): Record<string, { from: unknown; to: unknown }> {
  const keys = STOCK_FIELDS.filter((k) => k in after && !sameValue(before[k] ?? null, after[k] ?? null));
  return Object.fromEntries(keys.map((k) => [k, { from: before[k] ?? null, to: after[k] ?? null }]));
}
