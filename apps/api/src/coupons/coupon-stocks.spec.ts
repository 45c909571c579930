import { DEMO_IDS, makeAuthorization, makeMembership, makeProvider, makeStore, makeUser } from '@mop/data-access/testing';
import { type ApiHarness, errorCode, type GqlResult, startApi } from '../testing/api-harness';
import { couponStockInput as stockInput, makeCouponStock } from './coupon-fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

const FIELDS = `id merchantId merchantName name description type faceValue percentOff maxDiscount exchangeItem minSpend currency
  claimStartsAt claimEndsAt validityKind validFrom validUntil validDays usableWeekdays usableFromMinute usableToMinute storeIds
  totalQuantity claimedCount remaining redeemedCount claimedAmount perCustomerLimit perCustomerDailyLimit budgetCount budgetAmount
  channels codeMode status version createdAt updatedAt`;
const CREATE = `mutation($input: CouponStockInput!) { createCouponStock(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: CouponStockInput!) { updateCouponStock(id: $id, version: $version, input: $input) { ${FIELDS} } }`;
const ADJUST = `mutation($id: ID!, $input: CouponStockBudgetInput!) { adjustCouponStockBudget(id: $id, input: $input) { ${FIELDS} } }`;
const move = (name: 'activate' | 'pause' | 'end') => `mutation($id: ID!) { ${name}CouponStock(id: $id) { ${FIELDS} } }`;

interface Stock {
  id: string;
  merchantId: string;
  merchantName: string;
  status: string;
  version: number;
  totalQuantity: number;
  claimedCount: number;
  remaining: number;
  budgetCount: number | null;
  budgetAmount: number | null;
  storeIds: string[];
  [k: string]: unknown;
}

function data<T>(res: GqlResult, key: string): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return (res.data as Record<string, T>)[key];
}

/** The input that reproduces a stock as it is (what an edit form sends back). */
function inputOf(s: Stock): Record<string, unknown> {
  const keys = ['name', 'description', 'type', 'faceValue', 'percentOff', 'maxDiscount', 'exchangeItem', 'minSpend', 'claimStartsAt', 'claimEndsAt', 'validityKind', 'validFrom', 'validUntil', 'validDays',
    'usableWeekdays', 'usableFromMinute', 'usableToMinute', 'storeIds', 'totalQuantity', 'perCustomerLimit', 'perCustomerDailyLimit', 'budgetCount', 'budgetAmount', 'channels', 'codeMode'];
  return Object.fromEntries(keys.map((k) => [k, s[k]]));
}

describe('coupon stocks: create, edit, lifecycle, budget', () => {
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
    [owner, manager, marketer, clerk, nimbus, lumenOwner, admin] = await Promise.all(
      ['owner@harbor.example', 'manager@harbor.example', 'marketer@harbor.example', 'clerk@harbor.example', 'operator@nimbus.example', 'owner@lumen.example', 'admin@mop.local'].map((e) => api.login(e)),
    );
  });
  afterAll(() => api.close());

  async function create(overrides: Record<string, unknown> = {}, token = marketer): Promise<Stock> {
    return data<Stock>(await api.gql(CREATE, { input: stockInput(overrides) }, { token }), 'createCouponStock');
  }
  async function run(name: 'activate' | 'pause' | 'end', id: string, token = marketer) {
    return api.gql<Record<string, Stock>>(move(name), { id }, { token });
  }
  async function active(overrides: Record<string, unknown> = {}): Promise<Stock> {
    const s = await create(overrides);
    return data<Stock>(await run('activate', s.id), 'activateCouponStock');
  }
  const adjust = (id: string, input: Record<string, unknown>, token = manager) => api.gql(ADJUST, { id, input }, { token });
  const eventsOf = (subjectId: string) => api.db.auditEvent.findMany({ where: { subjectId }, orderBy: { at: 'asc' } });
  const row = (id: string) => api.db.couponStock.findUniqueOrThrow({ where: { id } });
  /** Stands in for claims (a later slice): customers hold `n` coupons worth `amount`. */
  const simulateClaims = (id: string, n: number, amount = 0) =>
    api.db.$executeRaw`UPDATE coupon_stocks SET "claimedCount" = "claimedCount" + ${n}, remaining = remaining - ${n}, "claimedAmount" = "claimedAmount" + ${amount} WHERE id = ${id}::uuid`;

  /** A stock of Lumen Books (which has no merchant coupons): nobody at Harbor or Nimbus may reach it. */
  const lumenStockRow = () => makeCouponStock(api.db, DEMO_IDS.merchants.lumen);

  describe('create', () => {
    it('creates a DRAFT in the merchant\'s currency, records who created it, and audits the settings', async () => {
      const input = stockInput({ storeIds: [DEMO_IDS.stores.harborHq], usableWeekdays: [5, 1, 3], usableFromMinute: 480, usableToMinute: 660, perCustomerDailyLimit: 1, budgetCount: 80, budgetAmount: 40_000, description: ' Morning lattes ' });
      const stock = data<Stock>(await api.gql(CREATE, { input }, { token: marketer }), 'createCouponStock');
      expect(stock).toMatchObject({
        merchantId: DEMO_IDS.merchants.harbor, merchantName: 'Harbor Coffee', status: 'DRAFT', currency: 'CNY', version: 1, description: 'Morning lattes',
        totalQuantity: 100, claimedCount: 0, remaining: 100, redeemedCount: 0, claimedAmount: 0, usableWeekdays: [1, 3, 5], storeIds: [DEMO_IDS.stores.harborHq],
        budgetCount: 80, budgetAmount: 40_000, channels: ['MINI_PROGRAM'], codeMode: 'GENERATED',
      });
      expect(await row(stock.id)).toMatchObject({ createdById: DEMO_IDS.users.harborMarketer, createdByProviderId: null });
      const [event] = await eventsOf(stock.id);
      expect(event).toMatchObject({ action: 'coupon-stock.create', merchantId: DEMO_IDS.merchants.harbor, onBehalfOfMerchantId: null, actorUserId: DEMO_IDS.users.harborMarketer });
      expect(event.changes).toMatchObject({ name: { from: null, to: 'Latte 5 off' }, faceValue: { from: null, to: 500 }, totalQuantity: { from: null, to: 100 } });
    });

    it('creates each type of coupon and each kind of validity', async () => {
      const now = Date.now();
      const percent = await create({ type: 'PERCENT_OFF', faceValue: null, percentOff: 20, maxDiscount: 1500, minSpend: 0, budgetAmount: 30_000 });
      expect(percent).toMatchObject({ type: 'PERCENT_OFF', percentOff: 20, maxDiscount: 1500, faceValue: null, minSpend: 0 });
      const exchange = await create({ type: 'EXCHANGE', faceValue: null, minSpend: null, exchangeItem: 'One croissant' });
      expect(exchange).toMatchObject({ type: 'EXCHANGE', exchangeItem: 'One croissant', minSpend: 0 });
      const fixed = await create({ validityKind: 'FIXED', validDays: null, validFrom: iso(now), validUntil: iso(now + 30 * DAY) });
      expect(fixed).toMatchObject({ validityKind: 'FIXED', validDays: null, validUntil: iso(now + 30 * DAY) });
    });

    it('refuses each invalid setting with BAD_USER_INPUT naming the field, and writes nothing', async () => {
      const now = Date.now();
      const closed = await makeStore(api.db, { merchantId: DEMO_IDS.merchants.harbor, status: 'CLOSED' });
      const cases: [Record<string, unknown>, string][] = [
        [{ name: '' }, 'name'],
        [{ name: '   ' }, 'name'],
        [{ name: 'x'.repeat(81) }, 'name'],
        [{ faceValue: null }, 'faceValue'],
        [{ faceValue: 0 }, 'faceValue'],
        [{ percentOff: 10 }, 'percentOff'],
        [{ exchangeItem: 'Cake' }, 'exchangeItem'],
        [{ maxDiscount: 100 }, 'maxDiscount'],
        [{ type: 'PERCENT_OFF', faceValue: null }, 'percentOff'],
        [{ type: 'PERCENT_OFF', faceValue: null, percentOff: 0 }, 'percentOff'],
        [{ type: 'PERCENT_OFF', faceValue: null, percentOff: 101 }, 'percentOff'],
        [{ type: 'PERCENT_OFF', percentOff: 10 }, 'faceValue'],
        [{ type: 'PERCENT_OFF', faceValue: null, percentOff: 10, maxDiscount: 0 }, 'maxDiscount'],
        [{ type: 'PERCENT_OFF', faceValue: null, percentOff: 10, budgetAmount: 5000 }, 'budgetAmount'],
        [{ type: 'EXCHANGE', faceValue: null }, 'exchangeItem'],
        [{ type: 'EXCHANGE', faceValue: null, exchangeItem: 'x'.repeat(121) }, 'exchangeItem'],
        [{ type: 'EXCHANGE', exchangeItem: 'Cake' }, 'faceValue'],
        [{ type: 'EXCHANGE', faceValue: null, percentOff: 5, exchangeItem: 'Cake' }, 'percentOff'],
        [{ type: 'EXCHANGE', faceValue: null, exchangeItem: 'Cake', budgetAmount: 100 }, 'budgetAmount'],
        [{ minSpend: -1 }, 'minSpend'],
        [{ minSpend: 300 }, 'minSpend'],
        [{ claimStartsAt: iso(now + 2 * DAY), claimEndsAt: iso(now + DAY) }, 'claimEndsAt'],
        [{ claimStartsAt: iso(now - 2 * DAY), claimEndsAt: iso(now - DAY) }, 'claimEndsAt'],
        [{ validityKind: 'FIXED', validDays: null, validUntil: iso(now + 30 * DAY) }, 'validFrom'],
        [{ validityKind: 'FIXED', validDays: null, validFrom: iso(now) }, 'validUntil'],
        [{ validityKind: 'FIXED', validFrom: iso(now), validUntil: iso(now + 30 * DAY) }, 'validDays'],
        [{ validityKind: 'FIXED', validDays: null, validFrom: iso(now + 30 * DAY), validUntil: iso(now + 10 * DAY) }, 'validUntil'],
        [{ validityKind: 'FIXED', validDays: null, validFrom: iso(now), validUntil: iso(now + 3 * DAY) }, 'validUntil'],
        [{ validDays: null }, 'validDays'],
        [{ validDays: 0 }, 'validDays'],
        [{ validDays: 3651 }, 'validDays'],
        [{ validFrom: iso(now) }, 'validFrom'],
        [{ validUntil: iso(now + 30 * DAY) }, 'validUntil'],
        [{ usableWeekdays: [0] }, 'usableWeekdays'],
        [{ usableWeekdays: [8] }, 'usableWeekdays'],
        [{ usableWeekdays: [1, 1] }, 'usableWeekdays'],
        [{ usableFromMinute: 480 }, 'usableToMinute'],
        [{ usableToMinute: 600 }, 'usableFromMinute'],
        [{ usableFromMinute: 600, usableToMinute: 600 }, 'usableToMinute'],
        [{ usableFromMinute: -1, usableToMinute: 600 }, 'usableFromMinute'],
        [{ usableFromMinute: 0, usableToMinute: 1441 }, 'usableToMinute'],
        [{ storeIds: [DEMO_IDS.stores.lumenCentral] }, 'storeIds'],
        [{ storeIds: [closed.id] }, 'storeIds'],
        [{ storeIds: ['HQ'] }, 'storeIds'],
        [{ storeIds: [DEMO_IDS.stores.harborHq, DEMO_IDS.stores.harborHq] }, 'storeIds'],
        [{ totalQuantity: 0 }, 'totalQuantity'],
        [{ totalQuantity: 10_000_001 }, 'totalQuantity'],
        [{ perCustomerLimit: 0 }, 'perCustomerLimit'],
        [{ totalQuantity: 5, perCustomerLimit: 6 }, 'perCustomerLimit'],
        [{ perCustomerDailyLimit: 0 }, 'perCustomerDailyLimit'],
        [{ perCustomerLimit: 2, perCustomerDailyLimit: 3 }, 'perCustomerDailyLimit'],
        [{ budgetCount: 0 }, 'budgetCount'],
        [{ budgetCount: 101 }, 'budgetCount'],
        [{ budgetAmount: 0 }, 'budgetAmount'],
        [{ channels: [] }, 'channels'],
        [{ channels: ['MINI_PROGRAM', 'MINI_PROGRAM'] }, 'channels'],
        [{ channels: ['MINI_PROGRAM', 'PUBLIC_CHANNEL'] }, 'channels'],
        [{ codeMode: 'TYPED' }, 'codeMode'],
        [{ type: 'BOGO' }, 'type'],
        [{ merchantId: 'harbor' }, 'merchantId'],
      ];
      const before = { stocks: await api.db.couponStock.count(), events: await api.db.auditEvent.count() };
      for (const [overrides, field] of cases) {
        const res = await api.gql(CREATE, { input: stockInput(overrides) }, { token: marketer });
        expect({ overrides, code: errorCode(res), field: res.errors?.[0]?.extensions?.field }).toEqual({ overrides, code: 'BAD_USER_INPUT', field });
        expect(res.errors?.[0].message).not.toMatch(/prisma|constraint|SELECT/i);
      }
      expect({ stocks: await api.db.couponStock.count(), events: await api.db.auditEvent.count() }).toEqual(before);
    });

    it('says why the public channel is refused', async () => {
      const res = await api.gql(CREATE, { input: stockInput({ channels: ['PUBLIC_CHANNEL'] }) }, { token: marketer });
      expect(res.errors?.[0].message).toMatch(/approval/);
    });

    it('keeps a merchant workspace to its own merchant, and clerks and merchants without the product out', async () => {
      const foreign = await api.gql(CREATE, { input: stockInput({ merchantId: DEMO_IDS.merchants.lumen }) }, { token: owner });
      expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'merchantId' });
      const own = await api.gql(CREATE, { input: stockInput({ merchantId: DEMO_IDS.merchants.harbor }) }, { token: owner });
      expect(own.errors).toBeUndefined();
      expect(errorCode(await api.gql(CREATE, { input: stockInput() }, { token: clerk }))).toBe('FORBIDDEN');
      const lumen = await api.gql(CREATE, { input: stockInput() }, { token: lumenOwner });
      expect(lumen.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PRODUCT_NOT_ENABLED', product: 'MERCHANT_COUPONS' });
      expect(await api.db.couponStock.count({ where: { merchantId: DEMO_IDS.merchants.lumen } })).toBe(0);
    });
  });

  describe('lifecycle', () => {
    it('goes DRAFT → ACTIVE → PAUSED → ACTIVE → ENDED, each move audited', async () => {
      const s = await create();
      const path: ['activate' | 'pause' | 'end', string][] = [['activate', 'ACTIVE'], ['pause', 'PAUSED'], ['activate', 'ACTIVE'], ['end', 'ENDED']];
      let version = s.version;
      for (const [name, status] of path) {
        const moved = data<Stock>(await run(name, s.id), `${name}CouponStock`);
        expect(moved.status).toBe(status);
        expect(moved.version).toBe(++version);
      }
      const events = await eventsOf(s.id);
      expect(events.map((e) => [e.action, e.changes])).toEqual([
        ['coupon-stock.create', expect.anything()],
        ['coupon-stock.activate', { status: { from: 'DRAFT', to: 'ACTIVE' } }],
        ['coupon-stock.pause', { status: { from: 'ACTIVE', to: 'PAUSED' } }],
        ['coupon-stock.activate', { status: { from: 'PAUSED', to: 'ACTIVE' } }],
        ['coupon-stock.end', { status: { from: 'ACTIVE', to: 'ENDED' } }],
      ]);
    });

    it('ends a draft, a paused and an exhausted stock', async () => {
      const draft = await create();
      expect(data<Stock>(await run('end', draft.id), 'endCouponStock').status).toBe('ENDED');
      const paused = await active();
      await run('pause', paused.id);
      expect(data<Stock>(await run('end', paused.id), 'endCouponStock').status).toBe('ENDED');
      const exhausted = await active();
      await api.db.couponStock.update({ where: { id: exhausted.id }, data: { status: 'EXHAUSTED' } });
      expect(data<Stock>(await run('end', exhausted.id), 'endCouponStock').status).toBe('ENDED');
    });

    it('refuses every invalid move with CONFLICT and changes nothing', async () => {
      const draft = await create();
      const act = await active();
      const paused = await active();
      await run('pause', paused.id);
      const ended = await create();
      await run('end', ended.id);
      const exhausted = await active();
      await api.db.couponStock.update({ where: { id: exhausted.id }, data: { status: 'EXHAUSTED' } });
      const invalid: ['activate' | 'pause' | 'end', Stock, RegExp][] = [
        ['pause', draft, /draft/],
        ['activate', act, /already active/],
        ['pause', paused, /already paused/],
        ['activate', ended, /ended/],
        ['pause', ended, /ended/],
        ['end', ended, /already ended/],
        ['activate', exhausted, /Nothing remains/],
        ['pause', exhausted, /nothing to pause/],
      ];
      for (const [name, stock, message] of invalid) {
        const before = await row(stock.id);
        const events = (await eventsOf(stock.id)).length;
        const res = await run(name, stock.id);
        expect({ name, status: before.status, code: errorCode(res), reason: res.errors?.[0].extensions?.['reason'] }).toEqual({ name, status: before.status, code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
        expect(res.errors?.[0].message).toMatch(message);
        expect(await row(stock.id)).toEqual(before);
        expect(await eventsOf(stock.id)).toHaveLength(events);
      }
    });

    it('does not activate when the claim window is over, nothing remains, or uploaded codes are missing', async () => {
      const late = await create();
      await api.db.couponStock.update({ where: { id: late.id }, data: { claimStartsAt: new Date(Date.now() - 2 * DAY), claimEndsAt: new Date(Date.now() - DAY) } });
      expect((await run('activate', late.id)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CLAIM_WINDOW_OVER', field: 'claimEndsAt' });

      const empty = await active({ totalQuantity: 3, perCustomerLimit: 1 });
      await run('pause', empty.id);
      await simulateClaims(empty.id, 3, 1500);
      expect((await run('activate', empty.id)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOTHING_REMAINS' });

      const spent = await active({ budgetCount: 2 });
      await run('pause', spent.id);
      await simulateClaims(spent.id, 2, 1000);
      expect((await run('activate', spent.id)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'BUDGET_SPENT', field: 'budgetCount' });

      const uploaded = await create({ codeMode: 'UPLOADED' });
      expect(uploaded).toMatchObject({ codeMode: 'UPLOADED', status: 'DRAFT' });
      const res = await run('activate', uploaded.id);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CODES_NOT_UPLOADED' });
      expect(res.errors?.[0].message).toMatch(/uploaded/);
      expect((await row(uploaded.id)).status).toBe('DRAFT');
    });

    it('lets exactly one of two concurrent pauses through', async () => {
      const s = await active();
      const results = await Promise.all([run('pause', s.id), run('pause', s.id, owner)]);
      expect(results.map(errorCode).sort()).toEqual(['CONFLICT', undefined].sort());
      expect(await api.db.auditEvent.count({ where: { subjectId: s.id, action: 'coupon-stock.pause' } })).toBe(1);
    });
  });

  describe('update', () => {
    it('changes anything of a draft, version by version, and audits the differences', async () => {
      const s = await create();
      const input = { ...inputOf(s), type: 'PERCENT_OFF', faceValue: null, percentOff: 15, maxDiscount: 800, minSpend: 0, totalQuantity: 50, storeIds: [DEMO_IDS.stores.harborPier], channels: ['CARD_WALLET', 'MINI_PROGRAM'] };
      const updated = data<Stock>(await api.gql(UPDATE, { id: s.id, version: 1, input }, { token: marketer }), 'updateCouponStock');
      expect(updated).toMatchObject({ type: 'PERCENT_OFF', percentOff: 15, totalQuantity: 50, remaining: 50, storeIds: [DEMO_IDS.stores.harborPier], version: 2 });
      const event = (await eventsOf(s.id)).find((e) => e.action === 'coupon-stock.update');
      expect(event?.changes).toEqual({
        type: { from: 'FIXED_AMOUNT', to: 'PERCENT_OFF' },
        faceValue: { from: 500, to: null },
        percentOff: { from: null, to: 15 },
        maxDiscount: { from: null, to: 800 },
        minSpend: { from: 2000, to: 0 },
        storeIds: { from: [], to: [DEMO_IDS.stores.harborPier] },
        totalQuantity: { from: 100, to: 50 },
        channels: { from: ['MINI_PROGRAM'], to: ['CARD_WALLET', 'MINI_PROGRAM'] },
      });
    });

    it('refuses a stale version with CONFLICT STALE_VERSION on the field version', async () => {
      const s = await create();
      await api.gql(UPDATE, { id: s.id, version: 1, input: { ...inputOf(s), name: 'First' } }, { token: marketer });
      const stale = await api.gql(UPDATE, { id: s.id, version: 1, input: { ...inputOf(s), name: 'Second' } }, { token: owner });
      expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION', field: 'version' });
      expect((await row(s.id)).name).toBe('First');
    });

    it('lets exactly one of two concurrent edits from the same version through', async () => {
      const s = await create();
      const results = await Promise.all(['A', 'B', 'C'].map((n) => api.gql(UPDATE, { id: s.id, version: 1, input: { ...inputOf(s), name: n } }, { token: marketer })));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0].extensions?.['reason'] === 'STALE_VERSION')).toHaveLength(2);
      expect((await row(s.id)).version).toBe(2);
    });

    it('once active, changes only the name, the description and a later claim end', async () => {
      const s = await active();
      const later = iso(Date.parse(s.claimEndsAt as string) + DAY);
      const renamed = data<Stock>(await api.gql(UPDATE, { id: s.id, version: s.version, input: { ...inputOf(s), name: 'Latte 5 off · extended', description: 'Now longer', claimEndsAt: later } }, { token: marketer }), 'updateCouponStock');
      expect(renamed).toMatchObject({ name: 'Latte 5 off · extended', description: 'Now longer', claimEndsAt: later, status: 'ACTIVE' });

      const locked: [Record<string, unknown>, string][] = [
        [{ faceValue: 600 }, 'faceValue'],
        [{ totalQuantity: 200 }, 'totalQuantity'],
        [{ budgetAmount: 10_000 }, 'budgetAmount'],
        [{ storeIds: [DEMO_IDS.stores.harborHq] }, 'storeIds'],
        [{ channels: ['MINI_PROGRAM', 'CARD_WALLET'] }, 'channels'],
        [{ claimStartsAt: iso(Date.now() - 2 * HOUR) }, 'claimStartsAt'],
        [{ claimEndsAt: iso(Date.parse(later) - HOUR) }, 'claimEndsAt'],
      ];
      for (const [change, field] of locked) {
        const res = await api.gql(UPDATE, { id: s.id, version: renamed.version, input: { ...inputOf(renamed), ...change } }, { token: marketer });
        expect({ change, ext: res.errors?.[0].extensions }).toMatchObject({ change, ext: { code: 'CONFLICT', reason: 'LOCKED_FIELD', field } });
      }
      expect((await row(s.id)).version).toBe(renamed.version);

      await run('pause', s.id);
      const paused = data<Stock>(await api.gql('query($id: ID!) { CouponStock(id: $id) { ' + FIELDS + ' } }', { id: s.id }, { token: marketer }), 'CouponStock');
      const res = await api.gql(UPDATE, { id: s.id, version: paused.version, input: { ...inputOf(paused), name: 'Paused rename' } }, { token: marketer });
      expect(data<Stock>(res, 'updateCouponStock').name).toBe('Paused rename');
      const typeChange = await api.gql(UPDATE, { id: s.id, version: paused.version + 1, input: { ...inputOf(paused), type: 'EXCHANGE', faceValue: null, minSpend: 0, exchangeItem: 'Cake' } }, { token: marketer });
      expect(typeChange.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'type' });
    });

    it('refuses to edit an ended stock, and another merchant\'s stock is NOT_FOUND', async () => {
      const s = await create();
      const ended = data<Stock>(await run('end', s.id), 'endCouponStock');
      const res = await api.gql(UPDATE, { id: s.id, version: ended.version, input: { ...inputOf(ended), name: 'Too late' } }, { token: marketer });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ENDED' });

      const lumenStock = await lumenStockRow();
      for (const res2 of [
        await api.gql(UPDATE, { id: lumenStock.id, version: 1, input: stockInput() }, { token: owner }),
        await run('activate', lumenStock.id, owner),
        await adjust(lumenStock.id, { expectedTotalQuantity: 10, totalQuantity: 20 }, owner),
      ]) {
        expect(errorCode(res2)).toBe('NOT_FOUND');
      }
    });
  });

  describe('budget', () => {
    it('raises and lowers the quantity and the money budget as a compare-and-set, and audits from → to', async () => {
      const s = await active({ budgetAmount: 50_000 });
      const raised = data<Stock>(await adjust(s.id, { expectedTotalQuantity: 100, totalQuantity: 150, expectedBudgetAmount: 50_000, budgetAmount: 75_000 }), 'adjustCouponStockBudget');
      expect(raised).toMatchObject({ totalQuantity: 150, remaining: 150, budgetAmount: 75_000, status: 'ACTIVE', version: s.version + 1 });
      const lowered = data<Stock>(await adjust(s.id, { expectedTotalQuantity: 150, totalQuantity: 40, expectedBudgetAmount: 75_000, budgetAmount: null }), 'adjustCouponStockBudget');
      expect(lowered).toMatchObject({ totalQuantity: 40, remaining: 40, budgetAmount: null });
      const event = (await eventsOf(s.id)).filter((e) => e.action === 'coupon-stock.adjust-budget')[1];
      expect(event.changes).toEqual({ totalQuantity: { from: 150, to: 40 }, remaining: { from: 150, to: 40 }, budgetAmount: { from: 75_000, to: null } });
    });

    it('answers stale expected values with CONFLICT and the current figures', async () => {
      const s = await active({ budgetAmount: 50_000 });
      const res = await adjust(s.id, { expectedTotalQuantity: 99, totalQuantity: 120, expectedBudgetAmount: 50_000, budgetAmount: 50_000 });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', current: { totalQuantity: 100, budgetAmount: 50_000 } });
      const res2 = await adjust(s.id, { expectedTotalQuantity: 100, totalQuantity: 120 });
      expect(res2.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', current: { totalQuantity: 100, budgetAmount: 50_000 } });
      expect(await row(s.id)).toMatchObject({ totalQuantity: 100, budgetAmount: 50_000, version: s.version });
    });

    it('lets exactly one of ten concurrent adjustments from the same figures win', async () => {
      const s = await active();
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => adjust(s.id, { expectedTotalQuantity: 100, totalQuantity: 110 + i }, i % 2 ? owner : manager)));
      const winners = results.filter((r) => !r.errors);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(9);
      const won = data<Stock>(winners[0], 'adjustCouponStockBudget');
      expect(await row(s.id)).toMatchObject({ totalQuantity: won.totalQuantity, remaining: won.totalQuantity, version: s.version + 1 });
      expect(await api.db.auditEvent.count({ where: { subjectId: s.id, action: 'coupon-stock.adjust-budget' } })).toBe(1);
    });

    it('never goes below what is claimed: BAD_USER_INPUT naming the field, nothing changed', async () => {
      const s = await active({ budgetAmount: 50_000 });
      await simulateClaims(s.id, 30, 15_000);
      const before = await row(s.id);
      const below = await adjust(s.id, { expectedTotalQuantity: 100, totalQuantity: 29, expectedBudgetAmount: 50_000, budgetAmount: 50_000 });
      expect(below.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'totalQuantity' });
      expect(below.errors?.[0].message).toMatch(/30 coupons have already been claimed/);
      const poorer = await adjust(s.id, { expectedTotalQuantity: 100, totalQuantity: 100, expectedBudgetAmount: 50_000, budgetAmount: 14_999 });
      expect(poorer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'budgetAmount' });
      expect(await row(s.id)).toEqual(before);

      const exact = data<Stock>(await adjust(s.id, { expectedTotalQuantity: 100, totalQuantity: 30, expectedBudgetAmount: 50_000, budgetAmount: 15_000 }), 'adjustCouponStockBudget');
      expect(exact).toMatchObject({ totalQuantity: 30, claimedCount: 30, remaining: 0, status: 'EXHAUSTED' });
      const back = data<Stock>(await adjust(s.id, { expectedTotalQuantity: 30, totalQuantity: 60, expectedBudgetAmount: 15_000, budgetAmount: 30_000 }), 'adjustCouponStockBudget');
      expect(back).toMatchObject({ totalQuantity: 60, remaining: 30, status: 'ACTIVE' });
      const statuses = (await eventsOf(s.id)).filter((e) => e.action === 'coupon-stock.adjust-budget').map((e) => (e.changes as Record<string, unknown>)['status']);
      expect(statuses).toEqual([{ from: 'ACTIVE', to: 'EXHAUSTED' }, { from: 'EXHAUSTED', to: 'ACTIVE' }]);
    });

    it('keeps a paused stock paused, lowers the count budget with the quantity, and refuses an ended stock', async () => {
      const s = await active({ budgetCount: 90 });
      await run('pause', s.id);
      const res = data<Stock>(await adjust(s.id, { expectedTotalQuantity: 100, totalQuantity: 50 }), 'adjustCouponStockBudget');
      expect(res).toMatchObject({ status: 'PAUSED', totalQuantity: 50, budgetCount: 50 });
      await run('end', s.id);
      expect((await adjust(s.id, { expectedTotalQuantity: 50, totalQuantity: 60 })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ENDED' });
    });

    it('is for owners and managers: a marketer is FORBIDDEN', async () => {
      const s = await active();
      const res = await adjust(s.id, { expectedTotalQuantity: 100, totalQuantity: 200 }, marketer);
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect((await row(s.id)).totalQuantity).toBe(100);
      expect(errorCode(await adjust(s.id, { expectedTotalQuantity: 100, totalQuantity: 200 }, owner))).toBeUndefined();
    });
  });

  describe('providers on behalf of merchants', () => {
    it('Nimbus runs Harbor\'s stocks, audited on behalf of Harbor', async () => {
      const noMerchant = await api.gql(CREATE, { input: stockInput() }, { token: nimbus });
      expect(noMerchant.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'merchantId' });

      const s = data<Stock>(await api.gql(CREATE, { input: stockInput({ merchantId: DEMO_IDS.merchants.harbor }) }, { token: nimbus }), 'createCouponStock');
      expect(s).toMatchObject({ merchantId: DEMO_IDS.merchants.harbor, status: 'DRAFT' });
      expect(await row(s.id)).toMatchObject({ createdById: DEMO_IDS.users.nimbusOperator, createdByProviderId: DEMO_IDS.providers.nimbus });
      await run('activate', s.id, nimbus);
      await adjust(s.id, { expectedTotalQuantity: 100, totalQuantity: 120 }, nimbus);
      const events = await eventsOf(s.id);
      expect(events.map((e) => e.action)).toEqual(['coupon-stock.create', 'coupon-stock.activate', 'coupon-stock.adjust-budget']);
      for (const e of events) expect(e).toMatchObject({ onBehalfOfMerchantId: DEMO_IDS.merchants.harbor, merchantId: DEMO_IDS.merchants.harbor, providerId: DEMO_IDS.providers.nimbus, workspaceKind: 'PROVIDER' });
    });

    it('Nimbus cannot touch Lumen (no authorization): FORBIDDEN to create, NOT_FOUND to change', async () => {
      const res = await api.gql(CREATE, { input: stockInput({ merchantId: DEMO_IDS.merchants.lumen }) }, { token: nimbus });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'merchantId' });
      const lumenStock = await lumenStockRow();
      expect(errorCode(await run('end', lumenStock.id, nimbus))).toBe('NOT_FOUND');
      expect((await row(lumenStock.id)).status).toBe('DRAFT');
    });

    it('a provider authorized by a merchant without merchant coupons gets PRODUCT_NOT_ENABLED', async () => {
      const provider = await makeProvider(api.db);
      const user = await makeUser(api.db);
      await makeMembership(api.db, { userId: user.id, providerId: provider.id, role: 'PROVIDER_OPERATOR' });
      await makeAuthorization(api.db, { merchantId: DEMO_IDS.merchants.lumen, providerId: provider.id, scopes: ['COUPONS_MANAGE'] });
      const token = await api.login(user.email);
      const res = await api.gql(CREATE, { input: stockInput({ merchantId: DEMO_IDS.merchants.lumen }) }, { token });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PRODUCT_NOT_ENABLED', product: 'MERCHANT_COUPONS' });
    });

    it('a provider without COUPONS_MANAGE is FORBIDDEN', async () => {
      const provider = await makeProvider(api.db);
      const user = await makeUser(api.db);
      await makeMembership(api.db, { userId: user.id, providerId: provider.id, role: 'PROVIDER_ADMIN' });
      await makeAuthorization(api.db, { merchantId: DEMO_IDS.merchants.harbor, providerId: provider.id, scopes: ['MESSAGES_SEND'] });
      const res = await api.gql(CREATE, { input: stockInput({ merchantId: DEMO_IDS.merchants.harbor }) }, { token: await api.login(user.email) });
      expect(errorCode(res)).toBe('FORBIDDEN');
    });
  });

  describe('platform', () => {
    it('an admin creates for a merchant it names; a reviewer only reads', async () => {
      const s = data<Stock>(await api.gql(CREATE, { input: stockInput({ merchantId: DEMO_IDS.merchants.harbor }) }, { token: admin }), 'createCouponStock');
      const [event] = await eventsOf(s.id);
      expect(event).toMatchObject({ merchantId: DEMO_IDS.merchants.harbor, onBehalfOfMerchantId: null, workspaceKind: 'PLATFORM' });
      const reviewer = await api.login('reviewer@mop.local');
      expect(errorCode(await run('end', s.id, reviewer))).toBe('FORBIDDEN');
      expect(errorCode(await api.gql(CREATE, { input: stockInput({ merchantId: DEMO_IDS.merchants.harbor }) }, { token: reviewer }))).toBe('FORBIDDEN');
    });
  });

  describe('reads', () => {
    it('lists by status with the new fields', async () => {
      const s = await create({ name: 'Listed draft' });
      const res = await api.gql<{ allCouponStocks: Stock[] }>(`query($f: CouponStockFilter) { allCouponStocks(filter: $f, perPage: 100) { ${FIELDS} } }`, { f: { status: 'DRAFT', q: 'Listed draft' } }, { token: nimbus });
      expect(res.data?.allCouponStocks.map((x) => x.id)).toEqual([s.id]);
      const bad = await api.gql('query($f: CouponStockFilter) { allCouponStocks(filter: $f) { id } }', { f: { status: 'OPEN' } }, { token: marketer });
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    });
  });
});
