/**
 * Coupon stocks as the console handles them: the record the API returns (amounts in minor units,
 * usable hours in minutes after midnight), the form's values (amounts in the currency's major unit,
 * hours as "HH:MM") and the rules the form checks before the server does.
 */

export const COUPON_TYPES = ['FIXED_AMOUNT', 'PERCENT_OFF', 'EXCHANGE'] as const;
export const VALIDITY_KINDS = ['FIXED', 'RELATIVE'] as const;
export const COUPON_CHANNELS = ['MINI_PROGRAM', 'PAYMENT_RESULT_PAGE', 'CARD_WALLET', 'PUBLIC_CHANNEL', 'BULK_ISSUE'] as const;
/** Publishing to the public channel needs a platform review, which a later release adds. */
export const REVIEWED_CHANNELS: readonly string[] = ['PUBLIC_CHANNEL'];
export const CODE_MODES = ['GENERATED', 'UPLOADED'] as const;
export const STOCK_STATUSES = ['DRAFT', 'ACTIVE', 'PAUSED', 'ENDED', 'EXHAUSTED'] as const;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export type CouponType = (typeof COUPON_TYPES)[number];
export type ValidityKind = (typeof VALIDITY_KINDS)[number];
export type StockStatus = (typeof STOCK_STATUSES)[number];

export interface CouponStockRecord {
  id: string;
  merchantId: string;
  merchantName?: string | null;
  name: string;
  description?: string | null;
  type: CouponType;
  faceValue?: number | null;
  percentOff?: number | null;
  maxDiscount?: number | null;
  exchangeItem?: string | null;
  minSpend: number;
  currency: string;
  claimStartsAt: string;
  claimEndsAt: string;
  validityKind: ValidityKind;
  validFrom?: string | null;
  validUntil?: string | null;
  validDays?: number | null;
  usableWeekdays: number[];
  usableFromMinute?: number | null;
  usableToMinute?: number | null;
  storeIds: string[];
  totalQuantity: number;
  claimedCount: number;
  remaining: number;
  redeemedCount: number;
  claimedAmount: number;
  perCustomerLimit: number;
  perCustomerDailyLimit?: number | null;
  budgetCount?: number | null;
  budgetAmount?: number | null;
  channels: string[];
  codeMode: string;
  status: StockStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What the form edits: money in major units, hours as "HH:MM", dates as the inputs give them. */
export interface CouponStockFormValues {
  merchantId?: string | null;
  name?: string | null;
  description?: string | null;
  type?: CouponType | null;
  faceValue?: number | null;
  percentOff?: number | null;
  maxDiscount?: number | null;
  exchangeItem?: string | null;
  minSpend?: number | null;
  claimStartsAt?: string | Date | null;
  claimEndsAt?: string | Date | null;
  validityKind?: ValidityKind | null;
  validFrom?: string | Date | null;
  validUntil?: string | Date | null;
  validDays?: number | null;
  usableWeekdays?: number[] | null;
  usableFromMinute?: string | null;
  usableToMinute?: string | null;
  storeIds?: string[] | null;
  totalQuantity?: number | null;
  perCustomerLimit?: number | null;
  perCustomerDailyLimit?: number | null;
  budgetCount?: number | null;
  budgetAmount?: number | null;
  channels?: string[] | null;
  codeMode?: string | null;
}

/** The mutation's CouponStockInput. */
export interface CouponStockInput {
  merchantId?: string;
  name: string;
  description: string | null;
  type: CouponType;
  faceValue: number | null;
  percentOff: number | null;
  maxDiscount: number | null;
  exchangeItem: string | null;
  minSpend: number;
  claimStartsAt: string;
  claimEndsAt: string;
  validityKind: ValidityKind;
  validFrom: string | null;
  validUntil: string | null;
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
  channels: string[];
  codeMode: string;
}

/** The fields a running (ACTIVE or PAUSED) stock still lets its editors change. */
export const LIVE_EDITABLE: readonly string[] = ['name', 'description', 'claimEndsAt'];

export const isLive = (status: string | undefined) => status === 'ACTIVE' || status === 'PAUSED';
export const isEditable = (status: string | undefined) => status === 'DRAFT' || isLive(status);

export type LifecycleAction = 'activate' | 'pause' | 'end';

/** Which moves each status allows: DRAFT|PAUSED → ACTIVE, ACTIVE → PAUSED, anything but ENDED → ENDED. */
export function lifecycleActions(status: StockStatus): LifecycleAction[] {
  const actions: LifecycleAction[] = [];
  if (status === 'DRAFT' || status === 'PAUSED') actions.push('activate');
  if (status === 'ACTIVE') actions.push('pause');
  if (status !== 'ENDED') actions.push('end');
  return actions;
}

// ─── money ───────────────────────────────────────────────────────────────────

/** How many minor units digits a currency has (CNY 2, JPY 0). */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function toMinor(major: number | null | undefined, currency: string): number | null {
  if (major === null || major === undefined || Number.isNaN(major)) return null;
  return Math.round(major * 10 ** currencyDigits(currency));
}

export function toMajor(minor: number | null | undefined, currency: string): number | null {
  if (minor === null || minor === undefined) return null;
  return minor / 10 ** currencyDigits(currency);
}

/** "¥5.00": the narrow symbol reads best in both languages. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: digits }).format(
      minor / 10 ** digits,
    );
  } catch {
    return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
  }
}

/** "¥" for CNY, "$" for USD: what the amount inputs show before the number. */
export function currencySymbol(currency: string, locale: string): string {
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

/** The i18n key and arguments that describe what a coupon is worth. */
export function couponValue(
  record: Pick<CouponStockRecord, 'type' | 'faceValue' | 'percentOff' | 'maxDiscount' | 'exchangeItem' | 'currency'>,
  locale: string,
): { key: string; args: Record<string, string | number> } {
  const money = (minor: number) => formatMoney(minor, record.currency, locale);
  if (record.type === 'PERCENT_OFF') {
    const percent = record.percentOff ?? 0;
    return record.maxDiscount
      ? { key: 'mop.coupons.value.PERCENT_OFF_capped', args: { percent, max: money(record.maxDiscount) } }
      : { key: 'mop.coupons.value.PERCENT_OFF', args: { percent } };
  }
  if (record.type === 'EXCHANGE') return { key: 'mop.coupons.value.EXCHANGE', args: { item: record.exchangeItem ?? '' } };
  return { key: 'mop.coupons.value.FIXED_AMOUNT', args: { amount: money(record.faceValue ?? 0) } };
}

// ─── hours ───────────────────────────────────────────────────────────────────

const HHMM = /^(\d{2}):(\d{2})$/;

/** "09:30" → 570; "24:00" is the end of the day. Undefined when it is not a time. */
export function toMinute(value: string | null | undefined): number | undefined {
  const match = HHMM.exec(String(value ?? '').trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return undefined;
  return hours * 60 + minutes;
}

export function toHhmm(minute: number | null | undefined): string {
  if (minute === null || minute === undefined) return '';
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

// ─── form values ↔ API ───────────────────────────────────────────────────────

const iso = (value: string | Date | null | undefined): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};
const intOrNull = (value: number | null | undefined) => (value === null || value === undefined || Number.isNaN(value) ? null : Math.trunc(value));
const textOrNull = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);

/** The form's values for a record read from the API. */
export function toFormValues(record: CouponStockRecord): CouponStockFormValues & { id: string } {
  const major = (minor: number | null | undefined) => toMajor(minor, record.currency);
  return {
    ...record,
    faceValue: major(record.faceValue),
    maxDiscount: major(record.maxDiscount),
    minSpend: major(record.minSpend),
    budgetAmount: major(record.budgetAmount),
    usableFromMinute: toHhmm(record.usableFromMinute),
    usableToMinute: toHhmm(record.usableToMinute),
    usableWeekdays: record.usableWeekdays ?? [],
    storeIds: record.storeIds ?? [],
    channels: record.channels ?? [],
  };
}

/** The mutation input for the form's values; fields that do not apply to the type or validity are sent empty. */
export function toCouponStockInput(values: CouponStockFormValues, currency: string): CouponStockInput {
  const type = values.type ?? 'FIXED_AMOUNT';
  const validityKind = values.validityKind ?? 'RELATIVE';
  const from = toMinute(values.usableFromMinute);
  const to = toMinute(values.usableToMinute);
  const hours = from !== undefined && to !== undefined;
  return {
    ...(values.merchantId ? { merchantId: values.merchantId } : {}),
    name: String(values.name ?? '').trim(),
    description: textOrNull(values.description),
    type,
    faceValue: type === 'FIXED_AMOUNT' ? toMinor(values.faceValue, currency) : null,
    percentOff: type === 'PERCENT_OFF' ? intOrNull(values.percentOff) : null,
    maxDiscount: type === 'PERCENT_OFF' ? toMinor(values.maxDiscount, currency) : null,
    exchangeItem: type === 'EXCHANGE' ? textOrNull(values.exchangeItem) : null,
    minSpend: toMinor(values.minSpend, currency) ?? 0,
    claimStartsAt: iso(values.claimStartsAt) ?? '',
    claimEndsAt: iso(values.claimEndsAt) ?? '',
    validityKind,
    validFrom: validityKind === 'FIXED' ? iso(values.validFrom) : null,
    validUntil: validityKind === 'FIXED' ? iso(values.validUntil) : null,
    validDays: validityKind === 'RELATIVE' ? intOrNull(values.validDays) : null,
    usableWeekdays: [...(values.usableWeekdays ?? [])].map(Number).sort((a, b) => a - b),
    usableFromMinute: hours ? from : null,
    usableToMinute: hours ? to : null,
    storeIds: values.storeIds ?? [],
    totalQuantity: intOrNull(values.totalQuantity) ?? 0,
    perCustomerLimit: intOrNull(values.perCustomerLimit) ?? 1,
    perCustomerDailyLimit: intOrNull(values.perCustomerDailyLimit),
    budgetCount: intOrNull(values.budgetCount),
    budgetAmount: type === 'EXCHANGE' ? null : toMinor(values.budgetAmount, currency),
    channels: values.channels ?? [],
    codeMode: values.codeMode ?? 'GENERATED',
  };
}

/** A new stock's starting point: claimable from now for a week, valid 30 days after the claim. */
export function newStockDefaults(now = new Date()): CouponStockFormValues {
  const start = new Date(now);
  start.setSeconds(0, 0);
  const end = new Date(start.getTime() + 7 * 24 * 3600_000);
  return {
    type: 'FIXED_AMOUNT',
    minSpend: 0,
    claimStartsAt: start.toISOString(),
    claimEndsAt: end.toISOString(),
    validityKind: 'RELATIVE',
    validDays: 30,
    usableWeekdays: [],
    usableFromMinute: '',
    usableToMinute: '',
    storeIds: [],
    perCustomerLimit: 1,
    channels: ['MINI_PROGRAM'],
    codeMode: 'GENERATED',
  };
}

// ─── rules ───────────────────────────────────────────────────────────────────

export type FieldError = string | { message: string; args: Record<string, unknown> };
export type FormErrors = Partial<Record<keyof CouponStockFormValues, FieldError>>;

const MAX_QUANTITY = 10_000_000;
const E = (name: string) => `mop.coupons.errors.${name}`;
const blank = (value: unknown) => value === null || value === undefined || value === '' || (typeof value === 'number' && Number.isNaN(value));
const time = (value: string | Date | null | undefined) => (blank(value) ? undefined : new Date(value as string).getTime());
const isInt = (value: unknown) => typeof value === 'number' && Number.isInteger(value);

/** A money amount: not negative, and no finer than the currency's minor unit. */
function moneyError(value: number | null | undefined, currency: string, { required = false, positive = false } = {}): FieldError | undefined {
  if (blank(value)) return required ? 'ra.validation.required' : undefined;
  const amount = Number(value);
  if (positive ? amount <= 0 : amount < 0) return E(positive ? 'amount_positive' : 'amount_negative');
  const digits = currencyDigits(currency);
  if (Math.abs(amount * 10 ** digits - Math.round(amount * 10 ** digits)) > 1e-6) return { message: E('amount_precision'), args: { digits } };
  return undefined;
}

function countError(value: number | null | undefined, { required = false, min = 1, max = MAX_QUANTITY } = {}): FieldError | undefined {
  if (blank(value)) return required ? 'ra.validation.required' : undefined;
  if (!isInt(value)) return E('whole_number');
  if (Number(value) < min || Number(value) > max) return { message: E('between'), args: { min, max } };
  return undefined;
}

/**
 * The form's own checks, mirroring the server's rules so that most mistakes are explained before
 * saving. `live` (ACTIVE or PAUSED) checks only what can still change: name, description and a later
 * claim end. Whether the per-customer limit fits the total is left to the server (whose message
 * the form then shows under the field).
 */
export function validateCouponStock(
  values: CouponStockFormValues,
  { currency, live = false, original, needsMerchant = false, now = new Date() }: {
    currency: string;
    live?: boolean;
    original?: Pick<CouponStockRecord, 'claimEndsAt'> & Partial<Pick<CouponStockRecord, 'channels'>>;
    needsMerchant?: boolean;
    now?: Date;
  },
): FormErrors {
  const errors: FormErrors = {};
  const set = (field: keyof CouponStockFormValues, error: FieldError | undefined) => {
    if (error && !errors[field]) errors[field] = error;
  };

  if (blank(values.name) || !String(values.name).trim()) set('name', 'ra.validation.required');
  else if (String(values.name).trim().length > 80) set('name', { message: E('too_long'), args: { max: 80 } });
  if (values.description && values.description.length > 500) set('description', { message: E('too_long'), args: { max: 500 } });

  const claimStart = time(values.claimStartsAt);
  const claimEnd = time(values.claimEndsAt);
  if (claimEnd === undefined) set('claimEndsAt', 'ra.validation.required');
  if (live) {
    const before = time(original?.claimEndsAt);
    if (claimEnd !== undefined && before !== undefined && claimEnd < before) set('claimEndsAt', E('claim_end_only_later'));
    return errors;
  }

  if (needsMerchant && blank(values.merchantId)) set('merchantId', 'ra.validation.required');
  if (blank(values.type)) set('type', 'ra.validation.required');
  if (values.type === 'FIXED_AMOUNT') set('faceValue', moneyError(values.faceValue, currency, { required: true, positive: true }));
  if (values.type === 'PERCENT_OFF') {
    if (blank(values.percentOff)) set('percentOff', 'ra.validation.required');
    else if (!isInt(values.percentOff) || Number(values.percentOff) < 1 || Number(values.percentOff) > 100) set('percentOff', E('percent_range'));
    set('maxDiscount', moneyError(values.maxDiscount, currency, { positive: true }));
  }
  if (values.type === 'EXCHANGE') {
    if (!String(values.exchangeItem ?? '').trim()) set('exchangeItem', 'ra.validation.required');
    else if (String(values.exchangeItem).trim().length > 120) set('exchangeItem', { message: E('too_long'), args: { max: 120 } });
  }
  set('minSpend', moneyError(values.minSpend, currency));
  if (values.type === 'FIXED_AMOUNT' && !blank(values.faceValue) && Number(values.minSpend) > 0 && Number(values.minSpend) < Number(values.faceValue)) {
    set('minSpend', E('min_spend_below_face_value'));
  }

  if (claimStart === undefined) set('claimStartsAt', 'ra.validation.required');
  if (claimStart !== undefined && claimEnd !== undefined && claimEnd <= claimStart) set('claimEndsAt', E('claim_end_after_start'));
  if (claimEnd !== undefined && claimEnd <= now.getTime()) set('claimEndsAt', E('claim_end_future'));

  if (values.validityKind === 'FIXED') {
    const from = time(values.validFrom);
    const until = time(values.validUntil);
    if (from === undefined) set('validFrom', 'ra.validation.required');
    if (until === undefined) set('validUntil', 'ra.validation.required');
    if (from !== undefined && until !== undefined && until <= from) set('validUntil', E('valid_until_after_from'));
    if (until !== undefined && claimEnd !== undefined && until < claimEnd) set('validUntil', E('valid_until_after_claim_end'));
  } else if (values.validityKind === 'RELATIVE') {
    set('validDays', countError(values.validDays, { required: true, max: 3650 }));
  } else {
    set('validityKind', 'ra.validation.required');
  }

  const fromText = String(values.usableFromMinute ?? '').trim();
  const toText = String(values.usableToMinute ?? '').trim();
  if (fromText || toText) {
    const from = toMinute(fromText);
    const to = toMinute(toText);
    if (!fromText) set('usableFromMinute', E('hours_both'));
    else if (from === undefined || from >= 1440) set('usableFromMinute', E('hours_format'));
    if (!toText) set('usableToMinute', E('hours_both'));
    else if (to === undefined || to === 0) set('usableToMinute', E('hours_format'));
    if (from !== undefined && to !== undefined && to <= from) set('usableToMinute', E('hours_order'));
  }

  set('totalQuantity', countError(values.totalQuantity, { required: true }));
  set('perCustomerLimit', countError(values.perCustomerLimit, { required: true }));
  set('perCustomerDailyLimit', countError(values.perCustomerDailyLimit));
  if (isInt(values.perCustomerDailyLimit) && isInt(values.perCustomerLimit) && Number(values.perCustomerDailyLimit) > Number(values.perCustomerLimit)) {
    set('perCustomerDailyLimit', E('daily_above_total_limit'));
  }
  set('budgetCount', countError(values.budgetCount));
  if (isInt(values.budgetCount) && isInt(values.totalQuantity) && Number(values.budgetCount) > Number(values.totalQuantity)) {
    set('budgetCount', E('budget_count_above_total'));
  }
  if (values.type !== 'EXCHANGE') {
    set('budgetAmount', moneyError(values.budgetAmount, currency, { positive: true }));
    if (values.type === 'PERCENT_OFF' && !blank(values.budgetAmount) && blank(values.maxDiscount)) set('budgetAmount', E('budget_amount_needs_cap'));
  }

  const channels = values.channels ?? [];
  if (!channels.length) set('channels', E('channels_required'));
  // A reviewed channel the stock already has (its approval added it) stays; the form cannot add one.
  else if (channels.some((c) => REVIEWED_CHANNELS.includes(c) && !original?.channels?.includes(c))) set('channels', E('public_channel_review'));
  if (blank(values.codeMode)) set('codeMode', 'ra.validation.required');
  return errors;
}

/**
 * The budget dialog's checks: a whole total and an amount no finer than the currency allows, neither
 * below what has been claimed already. An empty amount means no budget in money.
 */
export function budgetErrors(
  { total, amount }: { total: string; amount: string },
  basis: Pick<CouponStockRecord, 'claimedCount' | 'claimedAmount' | 'budgetAmount' | 'currency'>,
  locale = 'en',
): Partial<Record<'totalQuantity' | 'budgetAmount', FieldError>> {
  const errors: Partial<Record<'totalQuantity' | 'budgetAmount', FieldError>> = {};
  const totalValue = total.trim() === '' ? null : Number(total);
  const totalError = countError(totalValue, { required: true });
  if (totalError) errors.totalQuantity = totalError;
  else if (Number(totalValue) < basis.claimedCount) errors.totalQuantity = { message: E('total_below_claimed'), args: { claimed: basis.claimedCount } };

  const amountValue = amount.trim() === '' ? null : Number(amount);
  const amountError = moneyError(amountValue, basis.currency, { positive: true });
  if (amountError) errors.budgetAmount = amountError;
  else if (amountValue !== null && (toMinor(amountValue, basis.currency) ?? 0) < basis.claimedAmount) {
    errors.budgetAmount = { message: E('amount_below_claimed'), args: { amount: formatMoney(basis.claimedAmount, basis.currency, locale) } };
  }
  return errors;
}
