import {
  budgetErrors,
  couponValue,
  formatMoney,
  lifecycleActions,
  newStockDefaults,
  toCouponStockInput,
  toFormValues,
  toHhmm,
  toMinor,
  toMinute,
  validateCouponStock,
  type CouponStockFormValues,
  type CouponStockRecord,
} from './couponStock';

const NOW = new Date('2026-11-22T02:00:00Z');
const valid = (overrides: Partial<CouponStockFormValues> = {}): CouponStockFormValues => ({
  ...newStockDefaults(NOW),
  name: '¥5 off',
  faceValue: 5,
  minSpend: 30,
  totalQuantity: 100,
  ...overrides,
});
const errorsOf = (values: CouponStockFormValues, options: Partial<Parameters<typeof validateCouponStock>[1]> = {}) =>
  validateCouponStock(values, { currency: 'CNY', now: NOW, ...options });

describe('money', () => {
  it('converts between the major unit the form shows and the minor units the API stores', () => {
    expect(toMinor(5, 'CNY')).toBe(500);
    expect(toMinor(0.1 + 0.2, 'CNY')).toBe(30);
    expect(toMinor(1200, 'JPY')).toBe(1200);
    expect(toMinor(null, 'CNY')).toBeNull();
  });

  it('describes the value of each type', () => {
    const base = { faceValue: null, percentOff: null, maxDiscount: null, exchangeItem: null, currency: 'CNY' };
    expect(couponValue({ ...base, type: 'FIXED_AMOUNT', faceValue: 500 }, 'en')).toEqual({ key: 'mop.coupons.value.FIXED_AMOUNT', args: { amount: '¥5.00' } });
    expect(couponValue({ ...base, type: 'PERCENT_OFF', percentOff: 20, maxDiscount: 1000 }, 'en')).toEqual({
      key: 'mop.coupons.value.PERCENT_OFF_capped',
      args: { percent: 20, max: '¥10.00' },
    });
    expect(couponValue({ ...base, type: 'EXCHANGE', exchangeItem: 'Latte' }, 'en').args).toEqual({ item: 'Latte' });
    expect(formatMoney(1234, 'CNY', 'zh-CN')).toBe('¥12.34');
  });
});

describe('hours', () => {
  it('reads HH:MM as minutes after midnight, 24:00 included', () => {
    expect(toMinute('09:30')).toBe(570);
    expect(toMinute('24:00')).toBe(1440);
    expect(toMinute('24:30')).toBeUndefined();
    expect(toMinute('9:30')).toBeUndefined();
    expect(toHhmm(570)).toBe('09:30');
    expect(toHhmm(null)).toBe('');
  });
});

describe('toCouponStockInput', () => {
  it('sends minor units and minutes, and empties what the type and validity do not use', () => {
    const input = toCouponStockInput(
      valid({ percentOff: 20, exchangeItem: 'ignored', usableFromMinute: '09:00', usableToMinute: '22:00', usableWeekdays: [5, 1] }),
      'CNY',
    );
    expect(input).toMatchObject({
      type: 'FIXED_AMOUNT',
      faceValue: 500,
      percentOff: null,
      exchangeItem: null,
      minSpend: 3000,
      validityKind: 'RELATIVE',
      validDays: 30,
      validFrom: null,
      usableWeekdays: [1, 5],
      usableFromMinute: 540,
      usableToMinute: 1320,
      totalQuantity: 100,
      perCustomerLimit: 1,
      channels: ['MINI_PROGRAM'],
      codeMode: 'GENERATED',
    });
    expect(input.claimStartsAt).toBe('2026-11-22T02:00:00.000Z');
    expect(input.claimEndsAt).toBe('2026-11-29T02:00:00.000Z');
  });

  it('round-trips a record through the form', () => {
    const record = {
      ...toCouponStockInput(valid({ budgetAmount: 800, usableFromMinute: '10:00', usableToMinute: '24:00' }), 'CNY'),
      id: 's1',
      merchantId: 'm1',
      currency: 'CNY',
      status: 'DRAFT',
      version: 3,
    } as unknown as CouponStockRecord;
    const form = toFormValues(record);
    expect(form).toMatchObject({ faceValue: 5, minSpend: 30, budgetAmount: 800, usableFromMinute: '10:00', usableToMinute: '24:00' });
    expect(toCouponStockInput(form, 'CNY')).toEqual(
      toCouponStockInput(valid({ merchantId: 'm1', budgetAmount: 800, usableFromMinute: '10:00', usableToMinute: '24:00' }), 'CNY'),
    );
  });
});

describe('validateCouponStock', () => {
  it('accepts the defaults once named, valued and sized', () => {
    expect(errorsOf(valid())).toEqual({});
  });

  it('asks for what each type needs', () => {
    expect(errorsOf(valid({ faceValue: null })).faceValue).toBe('ra.validation.required');
    expect(errorsOf(valid({ faceValue: 5.555 })).faceValue).toEqual({ message: 'mop.coupons.errors.amount_precision', args: { digits: 2 } });
    expect(errorsOf(valid({ type: 'PERCENT_OFF', percentOff: 120 })).percentOff).toBe('mop.coupons.errors.percent_range');
    expect(errorsOf(valid({ type: 'EXCHANGE', exchangeItem: ' ' })).exchangeItem).toBe('ra.validation.required');
    expect(errorsOf(valid({ faceValue: 50, minSpend: 30 })).minSpend).toBe('mop.coupons.errors.min_spend_below_face_value');
    expect(errorsOf(valid({ type: 'PERCENT_OFF', percentOff: 20, budgetAmount: 100 })).budgetAmount).toBe('mop.coupons.errors.budget_amount_needs_cap');
  });

  it('checks the windows and hours', () => {
    expect(errorsOf(valid({ claimEndsAt: '2026-11-22T01:00:00Z', claimStartsAt: '2026-11-22T00:00:00Z' })).claimEndsAt).toBe(
      'mop.coupons.errors.claim_end_future',
    );
    expect(errorsOf(valid({ claimEndsAt: '2026-11-21T00:00:00Z' })).claimEndsAt).toBe('mop.coupons.errors.claim_end_after_start');
    expect(errorsOf(valid({ validityKind: 'FIXED', validFrom: '2026-12-02T00:00', validUntil: '2026-12-01T00:00' })).validUntil).toBe(
      'mop.coupons.errors.valid_until_after_from',
    );
    expect(errorsOf(valid({ validityKind: 'FIXED', validFrom: '2026-11-22T00:00Z', validUntil: '2026-11-28T00:00Z' })).validUntil).toBe(
      'mop.coupons.errors.valid_until_after_claim_end',
    );
    expect(errorsOf(valid({ usableFromMinute: '10:00' })).usableToMinute).toBe('mop.coupons.errors.hours_both');
    expect(errorsOf(valid({ usableFromMinute: '22:00', usableToMinute: '09:00' })).usableToMinute).toBe('mop.coupons.errors.hours_order');
  });

  it('checks limits and channels, leaving per-customer against total to the server', () => {
    expect(errorsOf(valid({ budgetCount: 101 })).budgetCount).toBe('mop.coupons.errors.budget_count_above_total');
    expect(errorsOf(valid({ totalQuantity: 0 })).totalQuantity).toEqual({ message: 'mop.coupons.errors.between', args: { min: 1, max: 10_000_000 } });
    expect(errorsOf(valid({ perCustomerLimit: 2, perCustomerDailyLimit: 3 })).perCustomerDailyLimit).toBe('mop.coupons.errors.daily_above_total_limit');
    expect(errorsOf(valid({ perCustomerLimit: 500 }))).toEqual({});
    expect(errorsOf(valid({ channels: [] })).channels).toBe('mop.coupons.errors.channels_required');
    expect(errorsOf(valid({ channels: ['PUBLIC_CHANNEL'] })).channels).toBe('mop.coupons.errors.public_channel_review');
    // Once approved, the stock has the public channel: its edit form keeps it.
    const approved = { claimEndsAt: '2026-11-29T02:00:00.000Z', channels: ['MINI_PROGRAM', 'PUBLIC_CHANNEL'] };
    expect(errorsOf(valid({ channels: ['MINI_PROGRAM', 'PUBLIC_CHANNEL'] }), { original: approved }).channels).toBeUndefined();
    expect(errorsOf(valid(), { needsMerchant: true }).merchantId).toBe('ra.validation.required');
  });

  it('lets a running stock change only a later claim end', () => {
    const original = { claimEndsAt: '2026-11-29T02:00:00.000Z' };
    expect(errorsOf(valid({ faceValue: null, claimEndsAt: '2026-11-28T00:00:00Z' }), { live: true, original })).toEqual({
      claimEndsAt: 'mop.coupons.errors.claim_end_only_later',
    });
    expect(errorsOf(valid({ faceValue: null, claimEndsAt: '2026-12-05T00:00:00Z' }), { live: true, original })).toEqual({});
  });
});

describe('budgetErrors', () => {
  const basis = { claimedCount: 40, claimedAmount: 20_000, budgetAmount: 50_000, currency: 'CNY' };
  it('refuses to go below what is claimed', () => {
    expect(budgetErrors({ total: '30', amount: '500' }, basis).totalQuantity).toEqual({ message: 'mop.coupons.errors.total_below_claimed', args: { claimed: 40 } });
    expect(budgetErrors({ total: '150', amount: '100' }, basis).budgetAmount).toEqual({
      message: 'mop.coupons.errors.amount_below_claimed',
      args: { amount: '¥200.00' },
    });
    expect(budgetErrors({ total: '0', amount: '' }, { ...basis, claimedCount: 0 }).totalQuantity).toEqual({
      message: 'mop.coupons.errors.between',
      args: { min: 1, max: 10_000_000 },
    });
    expect(budgetErrors({ total: '150', amount: '' }, basis)).toEqual({});
  });
});

describe('lifecycleActions', () => {
  it('offers the moves each status allows', () => {
    expect(lifecycleActions('DRAFT')).toEqual(['activate', 'end']);
    expect(lifecycleActions('ACTIVE')).toEqual(['pause', 'end']);
    expect(lifecycleActions('PAUSED')).toEqual(['activate', 'end']);
    expect(lifecycleActions('EXHAUSTED')).toEqual(['end']);
    expect(lifecycleActions('ENDED')).toEqual([]);
  });
});
