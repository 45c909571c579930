import { discountFor, localClock, type RedemptionAttempt, type RedemptionTerms, refusalError, refusalsOf } from './redemption.rules';

const HQ = '30000000-0000-4000-8000-000000000001';
const PIER = '30000000-0000-4000-8000-000000000002';

/** A FIXED_AMOUNT coupon, 5.00 off from 20.00, valid through 2026 everywhere and at any hour. */
function terms(overrides: Partial<RedemptionTerms> = {}): RedemptionTerms {
  return {
    status: 'AVAILABLE',
    validFrom: new Date('2026-01-01T00:00:00Z'),
    validUntil: new Date('2027-01-01T00:00:00Z'),
    type: 'FIXED_AMOUNT',
    faceValue: 500,
    percentOff: null,
    maxDiscount: null,
    minSpend: 2000,
    currency: 'CNY',
    usableWeekdays: [],
    usableFromMinute: null,
    usableToMinute: null,
    storeIds: [],
    ...overrides,
  };
}

/** Wednesday 2026-06-10, 10:30 in Shanghai (02:30 UTC). */
const WEDNESDAY_MORNING = new Date('2026-06-10T02:30:00Z');

function attempt(overrides: Partial<RedemptionAttempt> = {}): RedemptionAttempt {
  return { now: WEDNESDAY_MORNING, timeZone: 'Asia/Shanghai', storeId: HQ, orderAmount: 3000, ...overrides };
}

describe('localClock', () => {
  it('reads the day, ISO weekday and minute in the given time zone', () => {
    expect(localClock(WEDNESDAY_MORNING, 'Asia/Shanghai')).toEqual({ day: '2026-06-10', weekday: 3, minute: 10 * 60 + 30 });
    expect(localClock(WEDNESDAY_MORNING, 'UTC')).toEqual({ day: '2026-06-10', weekday: 3, minute: 2 * 60 + 30 });
    // Still Tuesday evening in New York (UTC−4 in June).
    expect(localClock(WEDNESDAY_MORNING, 'America/New_York')).toEqual({ day: '2026-06-09', weekday: 2, minute: 22 * 60 + 30 });
  });

  it('turns at local midnight, not at UTC midnight, and calls Sunday 7', () => {
    expect(localClock(new Date('2026-06-13T15:59:00Z'), 'Asia/Shanghai')).toEqual({ day: '2026-06-13', weekday: 6, minute: 23 * 60 + 59 });
    expect(localClock(new Date('2026-06-13T16:00:00Z'), 'Asia/Shanghai')).toEqual({ day: '2026-06-14', weekday: 7, minute: 0 });
  });

  it('follows daylight saving time', () => {
    // Europe/Berlin: 2026-03-29 02:00 CET → 03:00 CEST.
    expect(localClock(new Date('2026-03-29T00:59:00Z'), 'Europe/Berlin').minute).toBe(1 * 60 + 59);
    expect(localClock(new Date('2026-03-29T01:00:00Z'), 'Europe/Berlin').minute).toBe(3 * 60);
  });
});

describe('refusalsOf', () => {
  it('finds nothing wrong with a valid coupon, at any store, for a large enough order', () => {
    expect(refusalsOf(terms(), attempt())).toEqual([]);
    expect(refusalsOf(terms(), attempt({ storeId: null }))).toEqual([]);
    expect(refusalsOf(terms(), attempt({ orderAmount: 2000 }))).toEqual([]);
  });

  it('refuses a coupon that is not AVAILABLE', () => {
    expect(refusalsOf(terms({ status: 'REDEEMED' }), attempt())).toEqual(['ALREADY_REDEEMED']);
    expect(refusalsOf(terms({ status: 'REVOKED' }), attempt())).toEqual(['REVOKED']);
    expect(refusalsOf(terms({ status: 'EXPIRED' }), attempt())).toEqual(['EXPIRED']);
  });

  it('holds validity half-open: valid from validFrom, no longer at validUntil', () => {
    const validFrom = new Date('2026-06-10T02:00:00Z');
    const validUntil = new Date('2026-06-10T03:00:00Z');
    const at = (iso: string) => refusalsOf(terms({ validFrom, validUntil }), attempt({ now: new Date(iso) }));
    expect(at('2026-06-10T01:59:59.999Z')).toEqual(['NOT_YET_VALID']);
    expect(at('2026-06-10T02:00:00.000Z')).toEqual([]);
    expect(at('2026-06-10T02:59:59.999Z')).toEqual([]);
    expect(at('2026-06-10T03:00:00.000Z')).toEqual(['EXPIRED']);
  });

  it('counts an AVAILABLE coupon past its validity as expired before the expiry job marks it', () => {
    expect(refusalsOf(terms({ validUntil: new Date('2026-06-01T00:00:00Z') }), attempt())).toEqual(['EXPIRED']);
  });

  it("checks usable weekdays in the merchant's time zone", () => {
    expect(refusalsOf(terms({ usableWeekdays: [3] }), attempt())).toEqual([]);
    expect(refusalsOf(terms({ usableWeekdays: [1, 2, 4, 5, 6, 7] }), attempt())).toEqual(['WRONG_WEEKDAY']);
    // The same instant is Tuesday in New York.
    expect(refusalsOf(terms({ usableWeekdays: [2] }), attempt({ timeZone: 'America/New_York' }))).toEqual([]);
    expect(refusalsOf(terms({ usableWeekdays: [3] }), attempt({ timeZone: 'America/New_York' }))).toEqual(['WRONG_WEEKDAY']);
    // Sunday is 7.
    expect(refusalsOf(terms({ usableWeekdays: [7] }), attempt({ now: new Date('2026-06-14T04:00:00Z') }))).toEqual([]);
  });

  it("checks usable hours half-open in the merchant's time zone", () => {
    const hours = terms({ usableFromMinute: 8 * 60, usableToMinute: 10 * 60 + 30 });
    const at = (iso: string, timeZone = 'Asia/Shanghai') => refusalsOf(hours, attempt({ now: new Date(iso), timeZone }));
    expect(at('2026-06-09T23:59:59Z')).toEqual(['OUTSIDE_HOURS']); // 07:59 in Shanghai
    expect(at('2026-06-10T00:00:00Z')).toEqual([]); // 08:00
    expect(at('2026-06-10T02:29:59Z')).toEqual([]); // 10:29
    expect(at('2026-06-10T02:30:00Z')).toEqual(['OUTSIDE_HOURS']); // 10:30
    expect(at('2026-06-10T08:00:00Z', 'UTC')).toEqual([]);
    expect(at('2026-06-10T08:00:00Z')).toEqual(['OUTSIDE_HOURS']); // 16:00 in Shanghai
    expect(refusalsOf(terms({ usableFromMinute: 0, usableToMinute: 1440 }), attempt({ now: new Date('2026-06-10T15:59:00Z') }))).toEqual([]);
  });

  it('holds a store-restricted coupon to its stores, and needs the store to tell', () => {
    const restricted = terms({ storeIds: [HQ] });
    expect(refusalsOf(restricted, attempt({ storeId: HQ }))).toEqual([]);
    expect(refusalsOf(restricted, attempt({ storeId: HQ.toUpperCase() }))).toEqual([]);
    expect(refusalsOf(restricted, attempt({ storeId: PIER }))).toEqual(['WRONG_STORE']);
    expect(refusalsOf(restricted, attempt({ storeId: null }))).toEqual(['STORE_REQUIRED']);
  });

  it('checks the minimum spend only when the order amount is known', () => {
    expect(refusalsOf(terms(), attempt({ orderAmount: 1999 }))).toEqual(['BELOW_MIN_SPEND']);
    expect(refusalsOf(terms(), attempt({ orderAmount: null }))).toEqual([]);
    expect(refusalsOf(terms({ minSpend: 0 }), attempt({ orderAmount: 0 }))).toEqual([]);
  });

  it('lists every refusal, state first', () => {
    const everything = terms({ status: 'REVOKED', validUntil: new Date('2026-06-01T00:00:00Z'), usableWeekdays: [1], usableFromMinute: 0, usableToMinute: 60, storeIds: [PIER] });
    expect(refusalsOf(everything, attempt({ orderAmount: 100 }))).toEqual(['REVOKED', 'EXPIRED', 'WRONG_WEEKDAY', 'OUTSIDE_HOURS', 'WRONG_STORE', 'BELOW_MIN_SPEND']);
  });
});

describe('discountFor', () => {
  it('takes a fixed amount off, never more than the order', () => {
    expect(discountFor(terms(), 3000)).toBe(500);
    expect(discountFor(terms(), 300)).toBe(300);
    expect(discountFor(terms(), 0)).toBe(0);
  });

  it('takes a percentage off, rounded down and capped by the maximum discount', () => {
    const percent = terms({ type: 'PERCENT_OFF', faceValue: null, percentOff: 15 });
    expect(discountFor(percent, 1000)).toBe(150);
    expect(discountFor(percent, 999)).toBe(149); // 149.85
    expect(discountFor(percent, 2_000_000_000)).toBe(300_000_000);
    expect(discountFor({ ...percent, maxDiscount: 120 }, 1000)).toBe(120);
    expect(discountFor({ ...percent, maxDiscount: 120 }, 700)).toBe(105);
    expect(discountFor({ ...percent, percentOff: 100 }, 4321)).toBe(4321);
  });

  it("values an exchange at its item's value, or 0", () => {
    expect(discountFor(terms({ type: 'EXCHANGE', faceValue: null }), 5000)).toBe(0);
    expect(discountFor(terms({ type: 'EXCHANGE', faceValue: 1800 }), 0)).toBe(1800);
  });
});

describe('refusalError', () => {
  const err = (refusal: Parameters<typeof refusalError>[0], t = terms(), a = attempt()) => refusalError(refusal, t, a).extensions;

  it('answers problems of the coupon, the time and the place with CONFLICT and the reason', () => {
    for (const refusal of ['ALREADY_REDEEMED', 'REVOKED', 'EXPIRED', 'NOT_YET_VALID', 'WRONG_WEEKDAY', 'OUTSIDE_HOURS', 'WRONG_STORE'] as const) {
      expect(err(refusal, terms({ usableWeekdays: [1], usableFromMinute: 60, usableToMinute: 120 }))).toMatchObject({ code: 'CONFLICT', reason: refusal });
    }
  });

  it('answers problems of the input with BAD_USER_INPUT naming the field', () => {
    expect(err('STORE_REQUIRED')).toEqual({ code: 'BAD_USER_INPUT', field: 'storeId' });
    expect(err('BELOW_MIN_SPEND')).toEqual({ code: 'BAD_USER_INPUT', field: 'orderAmount' });
  });

  it('says what would work, in the merchant\'s terms', () => {
    const t = terms({ usableWeekdays: [6, 1], usableFromMinute: 8 * 60, usableToMinute: 10 * 60 + 30 });
    expect(refusalError('WRONG_WEEKDAY', t, attempt()).message).toBe('This coupon can be used on Monday, Saturday only (Asia/Shanghai time): today is Wednesday.');
    expect(refusalError('OUTSIDE_HOURS', t, attempt()).message).toBe('This coupon can be used from 08:00 to 10:30 only (Asia/Shanghai time).');
    expect(refusalError('BELOW_MIN_SPEND', t, attempt()).message).toBe('This coupon needs an order of at least 2000 (minor units of CNY).');
    expect(refusalError('EXPIRED', t, attempt()).message).toBe('This coupon was valid until 2027-01-01 00:00 UTC: it can no longer be used.');
  });
});
