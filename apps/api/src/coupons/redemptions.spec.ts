import { randomUUID } from 'node:crypto';
import { CouponExpiryService } from '@mop/coupons';
import type { Prisma } from '@mop/data-access';
import { DEMO_IDS, makeAuthorization, makeMembership, makeMerchant, makeProvider, makeStore, makeUser } from '@mop/data-access/testing';
import { makeApiKey } from '../api-keys/api-key-fixtures';
import { type ApiHarness, errorCode, type GqlResult, startApi } from '../testing/api-harness';
import { enrolInCoupons, makeClaimableStock, makeCoupon, restrictToStores } from './coupon-fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const HARBOR = DEMO_IDS.merchants.harbor;
const LUMEN = DEMO_IDS.merchants.lumen;
const HQ = DEMO_IDS.stores.harborHq;
const PIER = DEMO_IDS.stores.harborPier;

const COUPON_FIELDS = 'id code status stockId stockName customerRef type faceValue minSpend redeemedAt revokedAt expiredAt version';
const RESULT_FIELDS = 'id couponId code stockId merchantId type exchangeItem storeId orderRef orderAmount discountAmount currency requestId redeemedAt';
const REDEMPTION_FIELDS = `id couponId code merchantId storeId orderRef orderAmount discountAmount currency requestId redeemedAt redeemedByUserId redeemedByApiKeyId
  redeemedByProviderId reversedAt reverseRequestId reversedByUserId reversedByApiKeyId reverseReason`;
const CHECK = `query($code: String!, $storeId: ID, $orderAmount: Int) {
  checkCoupon(code: $code, storeId: $storeId, orderAmount: $orderAmount) { usable reasons discount coupon { ${COUPON_FIELDS} } lastRedemption { ${REDEMPTION_FIELDS} } } }`;
const REDEEM = `mutation($input: RedeemCouponInput!) { redeemCoupon(input: $input) { ${RESULT_FIELDS} } }`;
const REVERSE = `mutation($input: ReverseRedemptionInput!) { reverseRedemption(input: $input) { ${REDEMPTION_FIELDS} } }`;
const REVOKE = `mutation($id: ID!, $reason: String) { revokeCoupon(id: $id, reason: $reason) { ${COUPON_FIELDS} } }`;
const LIST = `query($f: CouponFilter, $sortField: String) { allCoupons(filter: $f, perPage: 100, sortField: $sortField) { ${COUPON_FIELDS} } _allCouponsMeta(filter: $f) { count } }`;
const GET = `query($id: ID!) { Coupon(id: $id) { ${COUPON_FIELDS} } }`;
const ACTIVITY = 'query($stockId: ID!, $days: Int!) { couponStockActivity(stockId: $stockId, days: $days) { day claimed redeemed reversed } }';

interface Result {
  id: string;
  couponId: string;
  code: string;
  storeId: string | null;
  orderAmount: number;
  discountAmount: number;
  requestId: string;
  [k: string]: unknown;
}
interface RedemptionView extends Result {
  reversedAt: string | null;
  reverseRequestId: string | null;
  reverseReason: string | null;
}
interface Check {
  usable: boolean;
  reasons: string[];
  discount: number | null;
  coupon: { id: string; code: string; status: string; [k: string]: unknown };
  lastRedemption: RedemptionView | null;
}

function data<T>(res: GqlResult, key: string): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return (res.data as Record<string, T>)[key];
}

const requestId = () => `req-${randomUUID()}`;
const extensions = (res: GqlResult) => res.errors?.[0]?.extensions;

/** The ISO weekday and minute after midnight now in Shanghai (the demo merchants' time zone). */
function shanghaiNow(): { weekday: number; minute: number; day: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts['weekday']) + 1;
  return { weekday, minute: Number(parts['hour']) * 60 + Number(parts['minute']), day: `${parts['year']}-${parts['month']}-${parts['day']}` };
}

/** Local days (YYYY-MM-DD) `n` days before `day`, in a time zone without daylight saving time. */
const daysBefore = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * DAY).toISOString().slice(0, 10);

describe('coupon redemptions: the counter, reversals, revocation, expiry', () => {
  let api: ApiHarness;
  let owner: string;
  let manager: string;
  let marketer: string;
  let clerk: string;
  let nimbus: string;
  let lumenOwner: string;
  let admin: string;

  beforeAll(async () => {
    api = await startApi();
    // Before any event is emitted: the emitter remembers a merchant's endpoints for a few seconds.
    await api.db.webhookEndpoint.create({ data: { merchantId: HARBOR, url: 'https://hooks.harbor.example/mop', secret: 'whsec_test_harbor_0123456789abcdef' } });
    await enrolInCoupons(api.db, LUMEN);
    [owner, manager, marketer, clerk, nimbus, lumenOwner, admin] = await Promise.all(
      ['owner@harbor.example', 'manager@harbor.example', 'marketer@harbor.example', 'clerk@harbor.example', 'operator@nimbus.example', 'owner@lumen.example', 'admin@mop.local'].map((e) =>
        api.login(e),
      ),
    );
  });
  afterAll(() => api.close());

  /** An ACTIVE Harbor stock: 5.00 off an order of at least 20.00 unless `data` says otherwise. */
  const harborStock = (data: Partial<Prisma.CouponStockUncheckedCreateInput> = {}) => makeClaimableStock(api.db, HARBOR, { minSpend: 2000, ...data });
  async function harborCoupon(data: Partial<Prisma.CouponStockUncheckedCreateInput> = {}, overrides: Partial<Prisma.CouponUncheckedCreateInput> = {}) {
    return makeCoupon(api.db, await harborStock(data), overrides);
  }
  const redeem = (input: Record<string, unknown>, token: string | null = manager, headers?: Record<string, string>) =>
    api.gql(REDEEM, { input: { orderAmount: 3000, requestId: requestId(), ...input } }, { token, headers });
  const reverse = (input: Record<string, unknown>, token: string | null = manager) => api.gql(REVERSE, { input: { requestId: requestId(), ...input } }, { token });
  const check = (variables: Record<string, unknown>, token: string | null = manager) => api.gql(CHECK, variables, { token });
  const couponRow = (id: string) => api.db.coupon.findUniqueOrThrow({ where: { id } });
  const redemptionsOf = (couponId: string) => api.db.redemption.findMany({ where: { couponId }, orderBy: { redeemedAt: 'asc' } });
  const deliveriesOf = (eventId: string) => api.db.webhookDelivery.findMany({ where: { eventId } });
  /** A redeemed coupon of Harbor: the coupon and its redemption (redeemed by the manager unless told). */
  async function redeemed(input: Record<string, unknown> = {}, token = manager) {
    const coupon = await harborCoupon();
    const result = data<Result>(await redeem({ code: coupon.code, ...input }, token), 'redeemCoupon');
    return { coupon, result };
  }

  describe('checkCoupon', () => {
    it('finds a coupon by its code and says it is usable, with the discount for the order', async () => {
      const coupon = await harborCoupon();
      const res = data<Check>(await check({ code: coupon.code, orderAmount: 3000 }), 'checkCoupon');
      expect(res).toMatchObject({ usable: true, reasons: [], discount: 500, lastRedemption: null });
      expect(res.coupon).toMatchObject({ id: coupon.id, code: coupon.code, status: 'AVAILABLE', type: 'FIXED_AMOUNT', faceValue: 500, minSpend: 2000, stockName: 'Claimable 5 off' });
      // Without an amount, it cannot say the discount (nor check the minimum spend).
      expect(data<Check>(await check({ code: coupon.code }), 'checkCoupon')).toMatchObject({ usable: true, reasons: [], discount: null });
      // Surrounding spaces (a scanned or typed code) do not matter.
      expect(data<Check>(await check({ code: ` ${coupon.code} ` }), 'checkCoupon').coupon.id).toBe(coupon.id);
    });

    it('lists every reason it cannot be redeemed here and now, and changes nothing', async () => {
      const now = shanghaiNow();
      // Neither today nor tomorrow (should the test cross midnight), hours far from now.
      const weekdays = [1, 2, 3, 4, 5, 6, 7].filter((d) => d !== now.weekday && d !== (now.weekday % 7) + 1);
      const hours = now.minute < 720 ? { usableFromMinute: 1000, usableToMinute: 1300 } : { usableFromMinute: 100, usableToMinute: 400 };
      const stock = await harborStock({ usableWeekdays: weekdays, ...hours });
      await restrictToStores(api.db, stock, [PIER]);
      const coupon = await makeCoupon(api.db, stock);
      const anywhere = data<Check>(await check({ code: coupon.code, orderAmount: 1999 }), 'checkCoupon');
      expect(anywhere).toMatchObject({ usable: false, reasons: ['WRONG_WEEKDAY', 'OUTSIDE_HOURS', 'STORE_REQUIRED', 'BELOW_MIN_SPEND'], discount: null });
      const atHq = data<Check>(await check({ code: coupon.code, storeId: HQ, orderAmount: 5000 }), 'checkCoupon');
      expect(atHq.reasons).toEqual(['WRONG_WEEKDAY', 'OUTSIDE_HOURS', 'WRONG_STORE']);

      const early = await harborCoupon({}, { validFrom: new Date(Date.now() + DAY), validUntil: new Date(Date.now() + 2 * DAY) });
      expect(data<Check>(await check({ code: early.code }), 'checkCoupon').reasons).toEqual(['NOT_YET_VALID']);
      const late = await harborCoupon({}, { validFrom: new Date(Date.now() - 2 * DAY), validUntil: new Date(Date.now() - DAY) });
      expect(data<Check>(await check({ code: late.code }), 'checkCoupon').reasons).toEqual(['EXPIRED']);
      const revoked = await harborCoupon({}, { status: 'REVOKED', revokedAt: new Date() });
      expect(data<Check>(await check({ code: revoked.code }), 'checkCoupon').reasons).toEqual(['REVOKED']);
      expect(await couponRow(coupon.id)).toMatchObject({ status: 'AVAILABLE', version: 1 });
    });

    it('works out the discount of each type of coupon', async () => {
      const percent = await harborCoupon({ type: 'PERCENT_OFF', faceValue: null, percentOff: 15, maxDiscount: 400, minSpend: 0 });
      expect(data<Check>(await check({ code: percent.code, orderAmount: 1999 }), 'checkCoupon').discount).toBe(299);
      expect(data<Check>(await check({ code: percent.code, orderAmount: 9999 }), 'checkCoupon').discount).toBe(400);
      const exchange = await harborCoupon({ type: 'EXCHANGE', faceValue: null, exchangeItem: 'One croissant', minSpend: 0 });
      expect(data<Check>(await check({ code: exchange.code, orderAmount: 0 }), 'checkCoupon').discount).toBe(0);
    });

    it('shows the redemption of a redeemed coupon, to a clerk only if made at its stores', async () => {
      const atPier = await redeemed({ storeId: PIER });
      const seen = data<Check>(await check({ code: atPier.coupon.code }), 'checkCoupon');
      expect(seen).toMatchObject({ usable: false, reasons: ['ALREADY_REDEEMED'], coupon: { status: 'REDEEMED' } });
      expect(seen.lastRedemption).toMatchObject({ id: atPier.result.id, storeId: PIER, redeemedByUserId: DEMO_IDS.users.harborManager });
      const byClerk = data<Check>(await check({ code: atPier.coupon.code, storeId: HQ }, clerk), 'checkCoupon');
      expect(byClerk).toMatchObject({ reasons: ['ALREADY_REDEEMED'], lastRedemption: null });

      const atHq = await redeemed({ storeId: HQ });
      expect(data<Check>(await check({ code: atHq.coupon.code, storeId: HQ }, clerk), 'checkCoupon').lastRedemption?.id).toBe(atHq.result.id);
    });

    it('holds a clerk to its own stores', async () => {
      const coupon = await harborCoupon();
      expect(data<Check>(await check({ code: coupon.code, storeId: HQ, orderAmount: 2500 }, clerk), 'checkCoupon')).toMatchObject({ usable: true, discount: 500 });
      expect(extensions(await check({ code: coupon.code }, clerk))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'storeId' });
      expect(extensions(await check({ code: coupon.code, storeId: PIER }, clerk))).toMatchObject({ code: 'FORBIDDEN', field: 'storeId' });
      expect(extensions(await check({ code: coupon.code, storeId: DEMO_IDS.stores.lumenCentral }, clerk))).toMatchObject({ code: 'FORBIDDEN', field: 'storeId' });
    });

    it('refuses bad input with the field', async () => {
      const coupon = await harborCoupon();
      const cases: [Record<string, unknown>, string][] = [
        [{ code: '' }, 'code'],
        [{ code: 'x'.repeat(129) }, 'code'],
        [{ code: coupon.code, storeId: 'HQ' }, 'storeId'],
        [{ code: coupon.code, orderAmount: -1 }, 'orderAmount'],
        [{ code: coupon.code, storeId: DEMO_IDS.stores.lumenCentral }, 'storeId'],
      ];
      for (const [variables, field] of cases) {
        const res = await check(variables);
        expect({ variables, ...extensions(res) }).toMatchObject({ variables, code: 'BAD_USER_INPUT', field });
      }
    });

    it("answers another tenant's code exactly like a code that does not exist", async () => {
      const lumen = await makeCoupon(api.db, await makeClaimableStock(api.db, LUMEN));
      const foreign = await check({ code: lumen.code });
      const unknown = await check({ code: 'NOSUCHCODE0000000' });
      expect(errorCode(foreign)).toBe('NOT_FOUND');
      expect(foreign.errors?.[0]).toEqual(unknown.errors?.[0]);
      expect(JSON.stringify(foreign)).not.toContain('Lumen');
      expect(errorCode(await check({ code: lumen.code }, nimbus))).toBe('NOT_FOUND');
      expect(errorCode(await check({ code: lumen.code, storeId: HQ }, clerk))).toBe('NOT_FOUND');
      expect(data<Check>(await check({ code: lumen.code }, lumenOwner), 'checkCoupon').coupon.id).toBe(lumen.id);
      expect(data<Check>(await check({ code: lumen.code }, admin), 'checkCoupon').coupon.id).toBe(lumen.id);
    });
  });

  describe('coupon lists', () => {
    it('lists, counts and gets coupons of the merchant, filtered, for staff and an authorized provider', async () => {
      const stock = await harborStock();
      const [a, b] = [await makeCoupon(api.db, stock, { customerRef: 'alice-001' }), await makeCoupon(api.db, stock, { customerRef: 'bob-002', status: 'REVOKED', revokedAt: new Date() })];
      for (const token of [owner, manager, marketer, nimbus, admin]) {
        const res = await api.gql<{ allCoupons: { id: string }[]; _allCouponsMeta: { count: number } }>(LIST, { f: { stockId: stock.id } }, { token });
        expect(res.errors).toBeUndefined();
        expect(res.data?.allCoupons.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
        expect(res.data?._allCouponsMeta.count).toBe(2);
      }
      const filtered = async (f: Record<string, unknown>) => (await api.gql<{ allCoupons: { id: string }[] }>(LIST, { f }, { token: manager })).data?.allCoupons.map((c) => c.id);
      expect(await filtered({ stockId: stock.id, status: 'REVOKED' })).toEqual([b.id]);
      expect(await filtered({ q: 'ALICE-0' })).toEqual([a.id]);
      expect(await filtered({ q: b.code })).toEqual([b.id]);
      expect(await filtered({ customerRef: 'bob-002' })).toEqual([b.id]);
      expect(data<{ id: string }>(await api.gql(GET, { id: a.id }, { token: marketer }), 'Coupon').id).toBe(a.id);
      expect(extensions(await api.gql(LIST, { sortField: 'code' }, { token: manager }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sortField' });
    });

    it('refuses clerks, who look coupons up by code instead', async () => {
      const coupon = await harborCoupon();
      expect(errorCode(await api.gql(LIST, {}, { token: clerk }))).toBe('FORBIDDEN');
      expect(errorCode(await api.gql('{ _allCouponsMeta { count } }', {}, { token: clerk }))).toBe('FORBIDDEN');
      expect(errorCode(await api.gql(GET, { id: coupon.id }, { token: clerk }))).toBe('FORBIDDEN');
    });

    it("keeps another tenant's coupons out of lists, and NOT_FOUND by id", async () => {
      const lumen = await makeCoupon(api.db, await makeClaimableStock(api.db, LUMEN));
      const res = await api.gql<{ allCoupons: { id: string }[]; _allCouponsMeta: { count: number } }>(LIST, { f: { ids: [lumen.id] } }, { token: owner });
      expect(res.data).toEqual({ allCoupons: [], _allCouponsMeta: { count: 0 } });
      expect(errorCode(await api.gql(GET, { id: lumen.id }, { token: owner }))).toBe('NOT_FOUND');
      expect(errorCode(await api.gql(GET, { id: lumen.id }, { token: nimbus }))).toBe('NOT_FOUND');
    });
  });

  describe('redeemCoupon', () => {
    it('redeems once, records who, where and what for, emits coupon.redeemed, and writes no audit event', async () => {
      const coupon = await harborCoupon();
      const rid = requestId();
      const audit = `audit-${randomUUID()}`;
      const result = data<Result>(await redeem({ code: coupon.code, storeId: HQ, orderRef: 'order-1001', orderAmount: 4200, requestId: rid }, manager, { 'x-request-id': audit }), 'redeemCoupon');
      expect(result).toMatchObject({
        couponId: coupon.id, code: coupon.code, stockId: coupon.stockId, merchantId: HARBOR, type: 'FIXED_AMOUNT', exchangeItem: null, storeId: HQ, orderRef: 'order-1001',
        orderAmount: 4200, discountAmount: 500, currency: 'CNY', requestId: rid,
      });
      const [row] = await redemptionsOf(coupon.id);
      expect(row).toMatchObject({
        id: result.id, merchantId: HARBOR, redeemRequestId: rid, storeId: HQ, orderAmount: 4200, discountAmount: 500,
        redeemedByUserId: DEMO_IDS.users.harborManager, redeemedByApiKeyId: null, redeemedByProviderId: null, reversedAt: null,
      });
      expect(await couponRow(coupon.id)).toMatchObject({ status: 'REDEEMED', redeemedAt: row.redeemedAt, version: 2 });
      expect(await api.db.auditEvent.count({ where: { requestId: audit } })).toBe(0);
      const [delivery] = await deliveriesOf(`coupon.redeemed:${result.id}`);
      expect(delivery).toMatchObject({ merchantId: HARBOR, eventType: 'coupon.redeemed', status: 'PENDING' });
      expect((delivery.payload as { data: Record<string, unknown> }).data).toMatchObject({ couponId: coupon.id, redemptionId: result.id, discountAmount: 500, orderRef: 'order-1001' });
    });

    it('takes off what each type of coupon says', async () => {
      const cases: [Partial<Prisma.CouponStockUncheckedCreateInput>, number, number][] = [
        [{}, 3000, 500],
        [{ minSpend: 0 }, 300, 300],
        [{ type: 'PERCENT_OFF', faceValue: null, percentOff: 15, maxDiscount: null, minSpend: 0 }, 1999, 299],
        [{ type: 'PERCENT_OFF', faceValue: null, percentOff: 15, maxDiscount: 400, minSpend: 0 }, 9999, 400],
        [{ type: 'EXCHANGE', faceValue: null, exchangeItem: 'One croissant', minSpend: 0 }, 0, 0],
      ];
      for (const [stock, orderAmount, discount] of cases) {
        const coupon = await harborCoupon(stock);
        const result = data<Result>(await redeem({ code: coupon.code, orderAmount }), 'redeemCoupon');
        expect({ stock, orderAmount, discount: result.discountAmount }).toEqual({ stock, orderAmount, discount });
      }
      const exchange = await harborCoupon({ type: 'EXCHANGE', faceValue: null, exchangeItem: 'One croissant', minSpend: 0 });
      expect(data<Result>(await redeem({ code: exchange.code, orderAmount: 0 }), 'redeemCoupon')).toMatchObject({ type: 'EXCHANGE', exchangeItem: 'One croissant' });
    });

    it('answers every refusal with a typed error, and changes nothing', async () => {
      const now = shanghaiNow();
      const weekdays = [1, 2, 3, 4, 5, 6, 7].filter((d) => d !== now.weekday && d !== (now.weekday % 7) + 1);
      const hours = now.minute < 720 ? { usableFromMinute: 1000, usableToMinute: 1300 } : { usableFromMinute: 100, usableToMinute: 400 };
      const pierOnly = await harborStock();
      await restrictToStores(api.db, pierOnly, [PIER]);
      const closed = await makeStore(api.db, { merchantId: HARBOR, status: 'CLOSED' });
      const taken = await redeemed();
      const cases: [string, Promise<{ code: string; id: string }>, Record<string, unknown>, Record<string, unknown>][] = [
        ['redeemed', Promise.resolve(taken.coupon), {}, { code: 'CONFLICT', reason: 'ALREADY_REDEEMED' }],
        ['revoked', harborCoupon({}, { status: 'REVOKED', revokedAt: new Date() }), {}, { code: 'CONFLICT', reason: 'REVOKED' }],
        ['marked expired', harborCoupon({}, { status: 'EXPIRED', validFrom: new Date(Date.now() - 2 * DAY), validUntil: new Date(Date.now() - DAY) }), {}, { code: 'CONFLICT', reason: 'EXPIRED' }],
        ['past its validity', harborCoupon({}, { validFrom: new Date(Date.now() - 2 * DAY), validUntil: new Date(Date.now() - 1) }), {}, { code: 'CONFLICT', reason: 'EXPIRED' }],
        ['not yet valid', harborCoupon({}, { validFrom: new Date(Date.now() + HOUR), validUntil: new Date(Date.now() + DAY) }), {}, { code: 'CONFLICT', reason: 'NOT_YET_VALID' }],
        ['on another weekday', harborCoupon({ usableWeekdays: weekdays }), {}, { code: 'CONFLICT', reason: 'WRONG_WEEKDAY' }],
        ['outside its hours', harborCoupon(hours), {}, { code: 'CONFLICT', reason: 'OUTSIDE_HOURS' }],
        ['at a store it is not for', makeCoupon(api.db, pierOnly), { storeId: HQ }, { code: 'CONFLICT', reason: 'WRONG_STORE', field: 'storeId' }],
        ['without the store it needs', makeCoupon(api.db, pierOnly), {}, { code: 'BAD_USER_INPUT', field: 'storeId' }],
        ['below the minimum spend', harborCoupon(), { orderAmount: 1999 }, { code: 'BAD_USER_INPUT', field: 'orderAmount' }],
        ["at another merchant's store", harborCoupon(), { storeId: DEMO_IDS.stores.lumenCentral }, { code: 'BAD_USER_INPUT', field: 'storeId' }],
        ['at a closed store', harborCoupon(), { storeId: closed.id }, { code: 'BAD_USER_INPUT', field: 'storeId' }],
        ['with a code nobody issued', Promise.resolve({ code: 'NOSUCHCODE0000000', id: randomUUID() }), {}, { code: 'NOT_FOUND' }],
      ];
      for (const [name, made, input, expected] of cases) {
        const coupon = await made;
        const before = await api.db.redemption.count();
        const status = (await api.db.coupon.findUnique({ where: { id: coupon.id } }))?.status;
        const res = await redeem({ code: coupon.code, ...input });
        expect({ name, ...extensions(res) }).toMatchObject({ name, ...expected });
        expect(res.data).toBeNull();
        expect(JSON.stringify(res.errors)).not.toMatch(/prisma|SELECT|UPDATE|constraint/i);
        expect(await api.db.redemption.count()).toBe(before);
        expect((await api.db.coupon.findUnique({ where: { id: coupon.id } }))?.status).toBe(status);
      }
    });

    it('refuses bad input with the field', async () => {
      const coupon = await harborCoupon();
      const cases: [Record<string, unknown>, string][] = [
        [{ code: '' }, 'code'],
        [{ requestId: 'short' }, 'requestId'],
        [{ requestId: 'has spaces in it' }, 'requestId'],
        [{ requestId: 'x'.repeat(129) }, 'requestId'],
        [{ orderAmount: -1 }, 'orderAmount'],
        [{ orderAmount: 12.5 }, 'orderAmount'],
        [{ storeId: 'HQ' }, 'storeId'],
        [{ orderRef: 'order 1' }, 'orderRef'],
        [{ orderRef: '' }, 'orderRef'],
      ];
      for (const [input, field] of cases) {
        const res = await redeem({ code: coupon.code, ...input });
        expect({ input, code: errorCode(res), field: extensions(res)?.field }).toEqual({ input, code: 'BAD_USER_INPUT', field });
      }
      expect((await couponRow(coupon.id)).status).toBe('AVAILABLE');
    });

    it('returns the first result to a replay, even after the coupon was reversed, and refuses the key for anything else', async () => {
      const coupon = await harborCoupon();
      const rid = requestId();
      const input = { code: coupon.code, storeId: HQ, orderRef: 'order-2002', orderAmount: 2600, requestId: rid };
      const first = data<Result>(await redeem(input), 'redeemCoupon');
      expect(data<Result>(await redeem(input), 'redeemCoupon')).toEqual(first);
      // A replay is the same request whoever sends it again (another device of the merchant).
      expect(data<Result>(await redeem(input, owner), 'redeemCoupon')).toEqual(first);

      data(await reverse({ redemptionId: first.id }), 'reverseRedemption');
      expect((await couponRow(coupon.id)).status).toBe('AVAILABLE');
      expect(data<Result>(await redeem(input), 'redeemCoupon')).toEqual(first);
      expect((await couponRow(coupon.id)).status).toBe('AVAILABLE');
      expect(await redemptionsOf(coupon.id)).toHaveLength(1);

      for (const other of [{ orderAmount: 2700 }, { orderRef: 'order-2003' }, { storeId: PIER }, { storeId: null }]) {
        expect({ other, ...extensions(await redeem({ ...input, ...other })) }).toMatchObject({ other, code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED', field: 'requestId' });
      }
      const another = await harborCoupon();
      expect(extensions(await redeem({ ...input, code: another.code }))).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
      expect((await couponRow(another.id)).status).toBe('AVAILABLE');
      expect(await redemptionsOf(coupon.id)).toHaveLength(1);
    });

    it('lets the coupon be redeemed again once its redemption is reversed', async () => {
      const { coupon, result } = await redeemed();
      data(await reverse({ redemptionId: result.id }), 'reverseRedemption');
      const again = data<Result>(await redeem({ code: coupon.code, orderAmount: 5000 }), 'redeemCoupon');
      expect(again.id).not.toBe(result.id);
      expect((await redemptionsOf(coupon.id)).map((r) => [r.id, r.reversedAt === null])).toEqual([[result.id, false], [again.id, true]]);
      expect(extensions(await redeem({ code: coupon.code }))).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REDEEMED' });
    });

    it('lets exactly one of two different requests racing on one coupon through, every time', async () => {
      for (let round = 0; round < 5; round += 1) {
        const coupon = await harborCoupon();
        const results = await Promise.all([redeem({ code: coupon.code }, manager), redeem({ code: coupon.code }, owner)]);
        expect(results.map(errorCode).sort()).toEqual(['CONFLICT', undefined].sort());
        expect(results.find((r) => r.errors)?.errors?.[0].extensions).toMatchObject({ reason: 'ALREADY_REDEEMED' });
        const rows = await redemptionsOf(coupon.id);
        expect(rows).toHaveLength(1);
        expect(rows[0].id).toBe(data<Result>(results.find((r) => !r.errors) as GqlResult, 'redeemCoupon').id);
      }
    });

    it('gives three copies of one request racing one redemption and the same answer, every time', async () => {
      for (let round = 0; round < 5; round += 1) {
        const coupon = await harborCoupon();
        const input = { code: coupon.code, storeId: HQ, orderAmount: 3100, requestId: requestId() };
        const results = await Promise.all([redeem(input, manager), redeem(input, owner), redeem(input, clerk)]);
        const answers = results.map((r) => data<Result>(r, 'redeemCoupon'));
        expect(answers[1]).toEqual(answers[0]);
        expect(answers[2]).toEqual(answers[0]);
        expect(await redemptionsOf(coupon.id)).toHaveLength(1);
        expect(await deliveriesOf(`coupon.redeemed:${answers[0].id}`)).toHaveLength(1);
      }
    });

    it('gives one request id used for two coupons at once to one of them only', async () => {
      for (let round = 0; round < 3; round += 1) {
        const [a, b] = [await harborCoupon(), await harborCoupon()];
        const rid = requestId();
        const results = await Promise.all([redeem({ code: a.code, requestId: rid }), redeem({ code: b.code, requestId: rid })]);
        expect(results.map(errorCode).sort()).toEqual(['CONFLICT', undefined].sort());
        expect(results.find((r) => r.errors)?.errors?.[0].extensions).toMatchObject({ reason: 'IDEMPOTENCY_KEY_REUSED' });
        const statuses = [(await couponRow(a.id)).status, (await couponRow(b.id)).status].sort();
        expect(statuses).toEqual(['AVAILABLE', 'REDEEMED']);
      }
    });

    it('lets a clerk redeem at its own stores only', async () => {
      const coupon = await harborCoupon();
      expect(extensions(await redeem({ code: coupon.code }, clerk))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'storeId' });
      expect(extensions(await redeem({ code: coupon.code, storeId: PIER }, clerk))).toMatchObject({ code: 'FORBIDDEN', field: 'storeId' });
      expect((await couponRow(coupon.id)).status).toBe('AVAILABLE');
      const result = data<Result>(await redeem({ code: coupon.code, storeId: HQ }, clerk), 'redeemCoupon');
      expect((await redemptionsOf(coupon.id))[0]).toMatchObject({ id: result.id, storeId: HQ, redeemedByUserId: DEMO_IDS.users.harborClerk });
    });

    it('refuses marketers and the platform reviewer, who may only look coupons up', async () => {
      const coupon = await harborCoupon();
      expect(errorCode(await redeem({ code: coupon.code }, marketer))).toBe('FORBIDDEN');
      expect(errorCode(await redeem({ code: coupon.code }, await api.login('reviewer@mop.local')))).toBe('FORBIDDEN');
      expect((await couponRow(coupon.id)).status).toBe('AVAILABLE');
    });

    it("answers another tenant's code with NOT_FOUND", async () => {
      const lumen = await makeCoupon(api.db, await makeClaimableStock(api.db, LUMEN));
      expect(errorCode(await redeem({ code: lumen.code }, manager))).toBe('NOT_FOUND');
      expect(errorCode(await redeem({ code: lumen.code, storeId: HQ }, clerk))).toBe('NOT_FOUND');
      expect((await couponRow(lumen.id)).status).toBe('AVAILABLE');
      // Its own merchant's staff redeem it.
      data(await redeem({ code: lumen.code }, lumenOwner), 'redeemCoupon');
    });

    describe('providers', () => {
      /** A provider operator acting for `merchantId` under an authorization with `scopes`. */
      async function providerWith(merchantId: string, scopes: ('COUPONS_MANAGE' | 'COUPONS_REDEEM' | 'REPORTS_VIEW')[]) {
        const provider = await makeProvider(api.db);
        const user = await makeUser(api.db);
        await makeMembership(api.db, { userId: user.id, providerId: provider.id, role: 'PROVIDER_OPERATOR' });
        await makeAuthorization(api.db, { merchantId, providerId: provider.id, scopes });
        return { provider, user, token: await api.login(user.email) };
      }

      it('redeems with COUPONS_REDEEM, recorded as the provider for the merchant', async () => {
        const { provider, user, token } = await providerWith(HARBOR, ['COUPONS_REDEEM']);
        const coupon = await harborCoupon();
        expect(data<Check>(await check({ code: coupon.code }, token), 'checkCoupon').usable).toBe(true);
        const result = data<Result>(await redeem({ code: coupon.code, storeId: PIER }, token), 'redeemCoupon');
        expect((await redemptionsOf(coupon.id))[0]).toMatchObject({ id: result.id, redeemedByUserId: user.id, redeemedByProviderId: provider.id, redeemedByApiKeyId: null });
      });

      it('refuses a provider without COUPONS_REDEEM, and one authorized by another merchant', async () => {
        const coupon = await harborCoupon();
        // Nimbus manages Harbor's coupons (it may look them up) but does not work its counter.
        expect(data<Check>(await check({ code: coupon.code }, nimbus), 'checkCoupon').coupon.id).toBe(coupon.id);
        expect(errorCode(await redeem({ code: coupon.code }, nimbus))).toBe('FORBIDDEN');
        const reporter = await providerWith(HARBOR, ['REPORTS_VIEW']);
        expect(errorCode(await redeem({ code: coupon.code }, reporter.token))).toBe('FORBIDDEN');
        expect(errorCode(await check({ code: coupon.code }, reporter.token))).toBe('FORBIDDEN');
        const lumenOnly = await providerWith(LUMEN, ['COUPONS_REDEEM']);
        expect(errorCode(await redeem({ code: coupon.code }, lumenOnly.token))).toBe('NOT_FOUND');
        // Managing Harbor's coupons and redeeming Lumen's does not add up to redeeming Harbor's.
        const both = await providerWith(LUMEN, ['COUPONS_REDEEM']);
        await makeAuthorization(api.db, { merchantId: HARBOR, providerId: both.provider.id, scopes: ['COUPONS_MANAGE'] });
        expect(extensions(await redeem({ code: coupon.code }, both.token))).toMatchObject({ code: 'FORBIDDEN' });
        expect((await couponRow(coupon.id)).status).toBe('AVAILABLE');
      });

      it("refuses to act for a suspended merchant, whose staff can no longer either", async () => {
        const merchant = await makeMerchant(api.db);
        await enrolInCoupons(api.db, merchant.id);
        const { token } = await providerWith(merchant.id, ['COUPONS_REDEEM']);
        const coupon = await makeCoupon(api.db, await makeClaimableStock(api.db, merchant.id));
        await api.db.merchant.update({ where: { id: merchant.id }, data: { status: 'SUSPENDED' } });
        expect(extensions(await redeem({ code: coupon.code }, token))).toMatchObject({ code: 'FORBIDDEN' });
        expect((await couponRow(coupon.id)).status).toBe('AVAILABLE');
      });
    });

    describe('API keys', () => {
      it('redeems with a merchant key holding COUPONS_REDEEM, recorded as the key', async () => {
        const { key, secret } = await makeApiKey(api.db, { merchantId: HARBOR }, { scopes: ['COUPONS_REDEEM'] });
        const coupon = await harborCoupon();
        expect(data<Check>(await check({ code: coupon.code, orderAmount: 3000 }, secret), 'checkCoupon')).toMatchObject({ usable: true, discount: 500 });
        const input = { code: coupon.code, orderRef: 'pos-77', requestId: requestId() };
        const result = data<Result>(await redeem(input, secret), 'redeemCoupon');
        expect((await redemptionsOf(coupon.id))[0]).toMatchObject({ id: result.id, redeemedByApiKeyId: key.id, redeemedByUserId: null, redeemedByProviderId: null, storeId: null });
        expect(data<Result>(await redeem(input, secret), 'redeemCoupon')).toEqual(result);
        const reversed = data<RedemptionView>(await reverse({ redemptionId: result.id, reason: 'refund pos-77' }, secret), 'reverseRedemption');
        expect(reversed).toMatchObject({ reversedByApiKeyId: key.id, reversedByUserId: null, reverseReason: 'refund pos-77' });
      });

      it('redeems with a provider key holding COUPONS_REDEEM for a merchant that granted it', async () => {
        const provider = await makeProvider(api.db);
        await makeAuthorization(api.db, { merchantId: HARBOR, providerId: provider.id, scopes: ['COUPONS_REDEEM'] });
        const { key, secret } = await makeApiKey(api.db, { providerId: provider.id }, { scopes: ['COUPONS_REDEEM'] });
        const coupon = await harborCoupon();
        const result = data<Result>(await redeem({ code: coupon.code }, secret), 'redeemCoupon');
        expect((await redemptionsOf(coupon.id))[0]).toMatchObject({ id: result.id, redeemedByApiKeyId: key.id, redeemedByProviderId: provider.id, redeemedByUserId: null });
      });

      it('refuses a key without the scope, and never reaches another tenant', async () => {
        const reader = await makeApiKey(api.db, { merchantId: HARBOR }, { scopes: ['COUPONS_READ'] });
        const coupon = await harborCoupon();
        expect(errorCode(await redeem({ code: coupon.code }, reader.secret))).toBe('FORBIDDEN');
        expect(data<Check>(await check({ code: coupon.code }, reader.secret), 'checkCoupon').usable).toBe(true);
        const lumenKey = await makeApiKey(api.db, { merchantId: LUMEN }, { scopes: ['COUPONS_REDEEM'] });
        expect(errorCode(await redeem({ code: coupon.code }, lumenKey.secret))).toBe('NOT_FOUND');
        expect((await couponRow(coupon.id)).status).toBe('AVAILABLE');
      });
    });
  });

  describe('reverseRedemption', () => {
    it('gives the coupon back, records who and why, emits coupon.reversed, and writes no audit event', async () => {
      const { coupon, result } = await redeemed({ storeId: HQ });
      const rid = requestId();
      const audit = `audit-${randomUUID()}`;
      const res = await api.gql(REVERSE, { input: { redemptionId: result.id, requestId: rid, reason: '  refund of order 88 ' } }, { token: owner, headers: { 'x-request-id': audit } });
      const reversed = data<RedemptionView>(res, 'reverseRedemption');
      expect(reversed).toMatchObject({ id: result.id, couponId: coupon.id, reverseRequestId: rid, reverseReason: 'refund of order 88', reversedByUserId: DEMO_IDS.users.harborOwner, reversedByApiKeyId: null });
      expect(reversed.reversedAt).toEqual(expect.any(String));
      expect(await couponRow(coupon.id)).toMatchObject({ status: 'AVAILABLE', redeemedAt: null, version: 3 });
      expect(await api.db.auditEvent.count({ where: { requestId: audit } })).toBe(0);
      expect(await deliveriesOf(`coupon.reversed:${result.id}`)).toEqual([expect.objectContaining({ eventType: 'coupon.reversed', merchantId: HARBOR })]);
    });

    it('returns the first result to a replay, and refuses the key for anything else and a second reversal', async () => {
      const { result } = await redeemed();
      const input = { redemptionId: result.id, requestId: requestId(), reason: 'refund' };
      const first = data<RedemptionView>(await reverse(input), 'reverseRedemption');
      expect(data<RedemptionView>(await reverse(input), 'reverseRedemption')).toEqual(first);
      expect(extensions(await reverse({ ...input, reason: 'another reason' }))).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED', field: 'requestId' });
      expect(extensions(await reverse({ redemptionId: result.id }))).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REVERSED' });
      const other = await redeemed();
      expect(extensions(await reverse({ ...input, redemptionId: other.result.id }))).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
      expect((await couponRow(other.coupon.id)).status).toBe('REDEEMED');
    });

    it('refuses once the coupon is no longer valid, and changes nothing', async () => {
      const { coupon, result } = await redeemed();
      await api.db.coupon.update({ where: { id: coupon.id }, data: { validFrom: new Date(Date.now() - 2 * DAY), validUntil: new Date(Date.now() - 1) } });
      expect(extensions(await reverse({ redemptionId: result.id }))).toMatchObject({ code: 'CONFLICT', reason: 'EXPIRED' });
      expect((await couponRow(coupon.id)).status).toBe('REDEEMED');
      expect((await redemptionsOf(coupon.id))[0].reversedAt).toBeNull();
    });

    it('lets exactly one of two different reversals racing through, and gives three copies of one the same answer', async () => {
      for (let round = 0; round < 3; round += 1) {
        const a = await redeemed();
        const results = await Promise.all([reverse({ redemptionId: a.result.id }, manager), reverse({ redemptionId: a.result.id }, owner)]);
        expect(results.map(errorCode).sort()).toEqual(['CONFLICT', undefined].sort());
        expect(results.find((r) => r.errors)?.errors?.[0].extensions).toMatchObject({ reason: 'ALREADY_REVERSED' });

        const b = await redeemed();
        const input = { redemptionId: b.result.id, requestId: requestId() };
        const answers = (await Promise.all([reverse(input, manager), reverse(input, owner), reverse(input, manager)])).map((r) => data<RedemptionView>(r, 'reverseRedemption'));
        expect(answers[1]).toEqual(answers[0]);
        expect(answers[2]).toEqual(answers[0]);
        expect((await couponRow(b.coupon.id)).version).toBe(3);
      }
    });

    it('lets a clerk reverse redemptions made at its own stores only', async () => {
      const atHq = await redeemed({ storeId: HQ });
      const atPier = await redeemed({ storeId: PIER });
      const nowhere = await redeemed();
      expect(errorCode(await reverse({ redemptionId: atPier.result.id }, clerk))).toBe('FORBIDDEN');
      expect(errorCode(await reverse({ redemptionId: nowhere.result.id }, clerk))).toBe('FORBIDDEN');
      expect((await couponRow(atPier.coupon.id)).status).toBe('REDEEMED');
      expect(data<RedemptionView>(await reverse({ redemptionId: atHq.result.id }, clerk), 'reverseRedemption').reversedByUserId).toBe(DEMO_IDS.users.harborClerk);
    });

    it("answers an unknown or another tenant's redemption with NOT_FOUND, and bad input with the field", async () => {
      const lumen = await makeCoupon(api.db, await makeClaimableStock(api.db, LUMEN));
      const theirs = data<Result>(await redeem({ code: lumen.code }, lumenOwner), 'redeemCoupon');
      expect(errorCode(await reverse({ redemptionId: theirs.id }, manager))).toBe('NOT_FOUND');
      expect(errorCode(await reverse({ redemptionId: randomUUID() }, manager))).toBe('NOT_FOUND');
      expect((await couponRow(lumen.id)).status).toBe('REDEEMED');
      const { result } = await redeemed();
      const cases: [Record<string, unknown>, string][] = [
        [{ redemptionId: 'redemption-1' }, 'redemptionId'],
        [{ redemptionId: result.id, requestId: 'short' }, 'requestId'],
        [{ redemptionId: result.id, reason: 'x'.repeat(201) }, 'reason'],
      ];
      for (const [input, field] of cases) expect({ input, ...extensions(await reverse(input)) }).toMatchObject({ input, code: 'BAD_USER_INPUT', field });
      expect(errorCode(await reverse({ redemptionId: result.id }, marketer))).toBe('FORBIDDEN');
    });
  });

  describe('revokeCoupon', () => {
    const revoke = (id: string, token = marketer, reason?: string) => api.gql(REVOKE, { id, reason }, { token });

    it('revokes an available coupon once, audited with one event, and emits coupon.revoked', async () => {
      const coupon = await harborCoupon();
      const revoked = data<{ status: string; revokedAt: string }>(await revoke(coupon.id, marketer, ' issued by mistake '), 'revokeCoupon');
      expect(revoked).toMatchObject({ status: 'REVOKED', revokedAt: expect.any(String) });
      const events = await api.db.auditEvent.findMany({ where: { subjectId: coupon.id } });
      expect(events).toEqual([expect.objectContaining({ action: 'coupon.revoke', subjectType: 'Coupon', merchantId: HARBOR, actorUserId: DEMO_IDS.users.harborMarketer })]);
      expect(events[0].changes).toEqual({ status: { from: 'AVAILABLE', to: 'REVOKED' }, reason: 'issued by mistake' });
      expect(await deliveriesOf(`coupon.revoked:${coupon.id}`)).toHaveLength(1);
      expect(extensions(await revoke(coupon.id))).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REVOKED' });
      expect(await api.db.auditEvent.count({ where: { subjectId: coupon.id } })).toBe(1);
    });

    it('refuses a redeemed or expired coupon with CONFLICT', async () => {
      const { coupon } = await redeemed();
      expect(extensions(await revoke(coupon.id))).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REDEEMED' });
      const marked = await harborCoupon({}, { status: 'EXPIRED', validFrom: new Date(Date.now() - 2 * DAY), validUntil: new Date(Date.now() - DAY) });
      expect(extensions(await revoke(marked.id))).toMatchObject({ code: 'CONFLICT', reason: 'EXPIRED' });
      const past = await harborCoupon({}, { validFrom: new Date(Date.now() - 2 * DAY), validUntil: new Date(Date.now() - 1) });
      expect(extensions(await revoke(past.id))).toMatchObject({ code: 'CONFLICT', reason: 'EXPIRED' });
      expect((await couponRow(past.id)).status).toBe('AVAILABLE');
      expect(await api.db.auditEvent.count({ where: { subjectId: { in: [coupon.id, marked.id, past.id] } } })).toBe(0);
    });

    it('lets owners, managers, marketers and a provider managing coupons revoke; not clerks or another tenant', async () => {
      for (const token of [owner, manager]) expect(data<{ status: string }>(await revoke((await harborCoupon()).id, token), 'revokeCoupon').status).toBe('REVOKED');
      const forNimbus = await harborCoupon();
      data(await revoke(forNimbus.id, nimbus), 'revokeCoupon');
      const [event] = await api.db.auditEvent.findMany({ where: { subjectId: forNimbus.id } });
      expect(event).toMatchObject({ onBehalfOfMerchantId: HARBOR, merchantId: HARBOR, providerId: DEMO_IDS.providers.nimbus, workspaceKind: 'PROVIDER' });
      const kept = await harborCoupon();
      expect(errorCode(await revoke(kept.id, clerk))).toBe('FORBIDDEN');
      const lumen = await makeCoupon(api.db, await makeClaimableStock(api.db, LUMEN));
      expect(errorCode(await revoke(lumen.id, marketer))).toBe('NOT_FOUND');
      expect([(await couponRow(kept.id)).status, (await couponRow(lumen.id)).status]).toEqual(['AVAILABLE', 'AVAILABLE']);
    });

    it('refuses bad input with the field', async () => {
      expect(extensions(await revoke('coupon-1'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      expect(extensions(await revoke((await harborCoupon()).id, marketer, 'x'.repeat(201)))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    });

    it('lets a revocation racing a redemption either win or lose whole', async () => {
      for (let round = 0; round < 3; round += 1) {
        const coupon = await harborCoupon();
        const [redemption, revocation] = await Promise.all([redeem({ code: coupon.code }), revoke(coupon.id)]);
        expect([errorCode(redemption), errorCode(revocation)].filter(Boolean)).toEqual(['CONFLICT']);
        const row = await couponRow(coupon.id);
        expect(await redemptionsOf(coupon.id)).toHaveLength(row.status === 'REDEEMED' ? 1 : 0);
        expect(await api.db.auditEvent.count({ where: { subjectId: coupon.id } })).toBe(row.status === 'REVOKED' ? 1 : 0);
      }
    });
  });

  describe('expiry', () => {
    /** Coupons of a stock valid in 2020: nothing else in this database is due at a 2020 instant. */
    const IN_2020 = new Date('2020-06-01T12:00:00Z');

    it('expires AVAILABLE coupons whose validity has ended, in batches, once each, with coupon.expired', async () => {
      const stock = await harborStock();
      const at = (ms: number) => makeCoupon(api.db, stock, { validFrom: new Date(Date.UTC(2020, 0, 1)), validUntil: new Date(IN_2020.getTime() + ms) });
      const due = [await at(-DAY), await at(-1), await at(0)];
      const notYet = await at(1);
      const redeemedOne = await at(-DAY);
      await api.db.coupon.update({ where: { id: redeemedOne.id }, data: { status: 'REDEEMED', redeemedAt: new Date(Date.UTC(2020, 2, 1)) } });
      const expiry = api.app.get(CouponExpiryService);

      expect(await expiry.expireDue(IN_2020, 2)).toBe(3);
      for (const c of due) expect(await couponRow(c.id)).toMatchObject({ status: 'EXPIRED', expiredAt: IN_2020, version: 2 });
      expect(await couponRow(notYet.id)).toMatchObject({ status: 'AVAILABLE', expiredAt: null });
      expect((await couponRow(redeemedOne.id)).status).toBe('REDEEMED');
      for (const c of due) expect(await deliveriesOf(`coupon.expired:${c.id}`)).toHaveLength(1);
      expect(await expiry.expireDue(IN_2020)).toBe(0);

      // An expired coupon is refused at the counter and cannot be revoked.
      expect(extensions(await redeem({ code: due[0].code }))).toMatchObject({ code: 'CONFLICT', reason: 'EXPIRED' });
      expect(extensions(await api.gql(REVOKE, { id: due[1].id }, { token: marketer }))).toMatchObject({ code: 'CONFLICT', reason: 'EXPIRED' });
    });

    it('shares the work between two workers without expiring a coupon twice', async () => {
      const stock = await harborStock();
      // Before IN_2020: the other test's coupons are not due then, whichever runs first.
      const when = new Date(IN_2020.getTime() - 30 * DAY);
      const coupons = await Promise.all(Array.from({ length: 12 }, () => makeCoupon(api.db, stock, { validFrom: new Date(Date.UTC(2020, 0, 1)), validUntil: new Date(when.getTime() - HOUR) })));
      const expiry = api.app.get(CouponExpiryService);
      const counts = await Promise.all([expiry.expireDue(when, 2), expiry.expireDue(when, 3)]);
      // A worker stops at a short batch (what is left may be locked by the other): a later run picks up the rest.
      const total = counts[0] + counts[1] + (await expiry.expireDue(when));
      expect(total).toBe(12);
      const rows = await api.db.coupon.findMany({ where: { id: { in: coupons.map((c) => c.id) } } });
      expect(rows.every((r) => r.status === 'EXPIRED' && r.version === 2)).toBe(true);
      expect(await api.db.webhookDelivery.count({ where: { eventId: { in: coupons.map((c) => `coupon.expired:${c.id}`) } } })).toBe(12);
    });
  });

  describe('couponStockActivity', () => {
    it("counts claims, redemptions and reversals per day of the merchant's time zone, zeros included", async () => {
      const today = shanghaiNow().day;
      const yesterday = daysBefore(today, 1);
      const stock = await harborStock({ minSpend: 0 });
      const local = (day: string, time: string) => new Date(`${day}T${time}+08:00`);
      // Claimed late yesterday evening (local), which is still "today" in UTC for part of the day.
      const lateYesterday = await makeCoupon(api.db, stock, { claimedAt: local(yesterday, '23:59:00') });
      await makeCoupon(api.db, stock, { claimedAt: local(daysBefore(today, 3), '08:00:00') });
      await makeCoupon(api.db, stock, { claimedAt: local(daysBefore(today, 3), '21:00:00') });
      await makeCoupon(api.db, stock, { claimedAt: local(daysBefore(today, 40), '12:00:00') });
      const todays = await makeCoupon(api.db, stock, { claimedAt: local(today, '00:00:30') });
      const first = data<Result>(await redeem({ code: todays.code }), 'redeemCoupon');
      data(await reverse({ redemptionId: first.id }), 'reverseRedemption');
      data(await redeem({ code: todays.code }), 'redeemCoupon');
      data(await redeem({ code: lateYesterday.code }), 'redeemCoupon');

      const week = data<{ day: string; claimed: number; redeemed: number; reversed: number }[]>(await api.gql(ACTIVITY, { stockId: stock.id, days: 7 }, { token: marketer }), 'couponStockActivity');
      expect(week).toEqual([
        { day: daysBefore(today, 6), claimed: 0, redeemed: 0, reversed: 0 },
        { day: daysBefore(today, 5), claimed: 0, redeemed: 0, reversed: 0 },
        { day: daysBefore(today, 4), claimed: 0, redeemed: 0, reversed: 0 },
        { day: daysBefore(today, 3), claimed: 2, redeemed: 0, reversed: 0 },
        { day: daysBefore(today, 2), claimed: 0, redeemed: 0, reversed: 0 },
        { day: yesterday, claimed: 1, redeemed: 0, reversed: 0 },
        { day: today, claimed: 1, redeemed: 3, reversed: 1 },
      ]);
      const month = data<unknown[]>(await api.gql(`query($id: ID!) { couponStockActivity(stockId: $id) { day } }`, { id: stock.id }, { token: nimbus }), 'couponStockActivity');
      expect(month).toHaveLength(30);
      const quarter = data<{ claimed: number }[]>(await api.gql(ACTIVITY, { stockId: stock.id, days: 90 }, { token: owner }), 'couponStockActivity');
      expect(quarter).toHaveLength(90);
      expect(quarter.reduce((n, d) => n + d.claimed, 0)).toBe(5);
    });

    it('is for whoever may read the stock, within 1 to 90 days', async () => {
      const stock = await harborStock();
      for (const days of [0, 91, -3]) expect(extensions(await api.gql(ACTIVITY, { stockId: stock.id, days }, { token: owner }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
      expect(extensions(await api.gql(ACTIVITY, { stockId: 'stock-1', days: 7 }, { token: owner }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stockId' });
      expect(errorCode(await api.gql(ACTIVITY, { stockId: stock.id, days: 7 }, { token: clerk }))).toBe('FORBIDDEN');
      const lumenStock = await makeClaimableStock(api.db, LUMEN);
      expect(errorCode(await api.gql(ACTIVITY, { stockId: lumenStock.id, days: 7 }, { token: owner }))).toBe('NOT_FOUND');
      expect(data<unknown[]>(await api.gql(ACTIVITY, { stockId: lumenStock.id, days: 7 }, { token: lumenOwner }), 'couponStockActivity')).toHaveLength(7);
    });
  });
});
