import { randomUUID } from 'node:crypto';
import { CouponCounterSync, CouponCounters } from '@mop/coupons';
import type { Redis } from 'ioredis';
import { REDIS } from '@mop/api-kit';
import { DEMO_IDS } from '@mop/data-access/testing';
import { type ApiHarness, errorCode, startApi } from '../testing/api-harness';
import { enrolInApiAccess, makeApiKey } from '../api-keys/api-key-fixtures';
import { WebhookEventService } from '@mop/webhooks';
import { makeWebhookEndpoint } from '../webhooks/webhook-fixtures';
import { makeClaimableStock } from './coupon-fixtures';

const HARBOR = DEMO_IDS.merchants.harbor;
const CLAIM = `mutation($i: ClaimCouponInput!) { claimCoupon(input: $i) { id code customerRef claimRequestId status stockId claimedVia claimedInSandbox validFrom validUntil } }`;

interface Claimed {
  id: string;
  code: string;
  customerRef: string;
  claimRequestId: string;
  status: string;
  stockId: string;
  claimedVia: string;
  claimedInSandbox: boolean;
  validFrom: string;
  validUntil: string;
}

function claimed<T>(value: T | undefined): T {
  if (!value) throw new Error('the claim was refused');
  return value;
}

describe('claims', () => {
  let api: ApiHarness;
  let marketer: string;
  const claim = (token: string, i: Record<string, unknown>) => api.gql<{ claimCoupon: Claimed }>(CLAIM, { i }, { token });
  const rid = () => `req-${randomUUID()}`;

  beforeAll(async () => {
    api = await startApi();
    marketer = await api.login('marketer@harbor.example');
  });
  afterAll(() => api.close());

  const settle = () => api.app.get(CouponCounterSync).flush();

  it('hands out a coupon with an unguessable code, valid from the claim, and records who claimed it', async () => {
    const stock = await makeClaimableStock(api.db, HARBOR, { validDays: 10 });
    const res = await claim(marketer, { stockId: stock.id, customerRef: 'cust-1', requestId: rid() });
    expect(res.errors).toBeUndefined();
    const c = claimed(res.data?.claimCoupon);
    expect(c.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(c).toMatchObject({ customerRef: 'cust-1', status: 'AVAILABLE', stockId: stock.id, claimedVia: 'MINI_PROGRAM', claimedInSandbox: true });
    expect(new Date(c.validUntil).getTime() - new Date(c.validFrom).getTime()).toBe(10 * 86_400_000);
    const row = await api.db.coupon.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.claimedByUserId).toBe(DEMO_IDS.users.harborMarketer);
    await settle();
    expect(await api.db.couponStock.findUniqueOrThrow({ where: { id: stock.id } })).toMatchObject({ claimedCount: 1, remaining: 99, claimedAmount: 500, version: stock.version });
  });

  it('replays: the same request id returns the same coupon; with another customer or stock it is CONFLICT', async () => {
    const stock = await makeClaimableStock(api.db, HARBOR, { perCustomerLimit: 5 });
    const other = await makeClaimableStock(api.db, HARBOR);
    const requestId = rid();
    const first = await claim(marketer, { stockId: stock.id, customerRef: 'cust-r', requestId });
    const again = await Promise.all([1, 2, 3].map(() => claim(marketer, { stockId: stock.id, customerRef: 'cust-r', requestId })));
    for (const r of again) expect(r.data?.claimCoupon).toEqual(first.data?.claimCoupon);
    expect(await api.db.coupon.count({ where: { stockId: stock.id } })).toBe(1);

    const otherCustomer = await claim(marketer, { stockId: stock.id, customerRef: 'cust-s', requestId });
    expect(errorCode(otherCustomer)).toBe('CONFLICT');
    expect(otherCustomer.errors?.[0].extensions?.['reason']).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(errorCode(await claim(marketer, { stockId: other.id, customerRef: 'cust-r', requestId }))).toBe('CONFLICT');
    expect(await api.db.coupon.count({ where: { stockId: { in: [stock.id, other.id] } } })).toBe(1);
  });

  it('holds the limit per customer and per day, and a replay still returns its coupon at the limit', async () => {
    const stock = await makeClaimableStock(api.db, HARBOR, { perCustomerLimit: 3, perCustomerDailyLimit: 2 });
    const ids = [rid(), rid(), rid()];
    const results = await Promise.all(ids.map((requestId) => claim(marketer, { stockId: stock.id, customerRef: 'cust-d', requestId })));
    expect(results.filter((r) => r.data?.claimCoupon).length).toBe(2);
    const refused = results.find((r) => r.errors);
    expect(refused?.errors?.[0].extensions?.['reason']).toBe('DAILY_LIMIT');
    const replay = await claim(marketer, { stockId: stock.id, customerRef: 'cust-d', requestId: claimed(results.find((r) => r.data?.claimCoupon)?.data?.claimCoupon).claimRequestId });
    expect(replay.errors).toBeUndefined();

    const single = await makeClaimableStock(api.db, HARBOR, { perCustomerLimit: 1 });
    expect((await claim(marketer, { stockId: single.id, customerRef: 'cust-e', requestId: rid() })).errors).toBeUndefined();
    const second = await claim(marketer, { stockId: single.id, customerRef: 'cust-e', requestId: rid() });
    expect(second.errors?.[0].extensions?.['reason']).toBe('CUSTOMER_LIMIT');
  });

  it('never oversells: 30 customers race for 7 coupons; the stock ends EXHAUSTED with its counters equal to the rows', async () => {
    const stock = await makeClaimableStock(api.db, HARBOR, { totalQuantity: 7 });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => claim(marketer, { stockId: stock.id, customerRef: `race-${i}`, requestId: rid() })));
    expect(results.filter((r) => r.data?.claimCoupon).length).toBe(7);
    expect(new Set(results.filter((r) => r.errors).map((r) => r.errors?.[0].extensions?.['reason']))).toEqual(new Set(['SOLD_OUT']));
    await settle();
    expect(await api.db.coupon.count({ where: { stockId: stock.id } })).toBe(7);
    expect(await api.db.couponStock.findUniqueOrThrow({ where: { id: stock.id } })).toMatchObject({ claimedCount: 7, remaining: 0, status: 'EXHAUSTED' });
  });

  it('spends a money budget: 5.00 coupons on a 12.00 budget hand out two', async () => {
    const stock = await makeClaimableStock(api.db, HARBOR, { budgetAmount: 1200 });
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => claim(marketer, { stockId: stock.id, customerRef: `budget-${i}`, requestId: rid() })));
    expect(results.filter((r) => r.data?.claimCoupon).length).toBe(2);
  });

  it('refuses claims while paused, before the window and for a channel the stock does not use', async () => {
    const stock = await makeClaimableStock(api.db, HARBOR);
    const owner = await api.login('owner@harbor.example');
    await claim(marketer, { stockId: stock.id, customerRef: 'p-1', requestId: rid() }); // counters exist now
    expect((await api.gql('mutation($id: ID!) { pauseCouponStock(id: $id) { status } }', { id: stock.id }, { token: owner })).errors).toBeUndefined();
    const paused = await claim(marketer, { stockId: stock.id, customerRef: 'p-2', requestId: rid() });
    expect(paused.errors?.[0].extensions?.['reason']).toBe('NOT_ACTIVE');
    await api.gql('mutation($id: ID!) { activateCouponStock(id: $id) { status } }', { id: stock.id }, { token: owner });
    expect((await claim(marketer, { stockId: stock.id, customerRef: 'p-2', requestId: rid() })).errors).toBeUndefined();

    const later = await makeClaimableStock(api.db, HARBOR, { claimStartsAt: new Date(Date.now() + 3_600_000) });
    expect((await claim(marketer, { stockId: later.id, customerRef: 'p-3', requestId: rid() })).errors?.[0].extensions?.['reason']).toBe('NOT_STARTED');

    const wallet = await claim(marketer, { stockId: stock.id, customerRef: 'p-4', requestId: rid(), channel: 'CARD_WALLET' });
    expect(errorCode(wallet)).toBe('BAD_USER_INPUT');
    expect(wallet.errors?.[0].extensions?.['field']).toBe('channel');
  });

  it('does not lower the budget below what is claimed, counting claims the stock row has not caught up with', async () => {
    const stock = await makeClaimableStock(api.db, HARBOR, { totalQuantity: 10 });
    for (let i = 0; i < 4; i += 1) await claim(marketer, { stockId: stock.id, customerRef: `b-${i}`, requestId: rid() });
    const owner = await api.login('owner@harbor.example');
    const adjust = (totalQuantity: number, expected: number) =>
      api.gql('mutation($id: ID!, $i: CouponStockBudgetInput!) { adjustCouponStockBudget(id: $id, input: $i) { totalQuantity status } }', { id: stock.id, i: { expectedTotalQuantity: expected, totalQuantity } }, { token: owner });
    const tooLow = await adjust(3, 10);
    expect(errorCode(tooLow)).toBe('BAD_USER_INPUT');
    expect(tooLow.errors?.[0].extensions?.['field']).toBe('totalQuantity');
    expect((await adjust(4, 10)).errors).toBeUndefined();
    expect((await claim(marketer, { stockId: stock.id, customerRef: 'b-9', requestId: rid() })).errors?.[0].extensions?.['reason']).toBe('SOLD_OUT');
    await settle();
    expect(await api.db.couponStock.findUniqueOrThrow({ where: { id: stock.id } })).toMatchObject({ claimedCount: 4, remaining: 0, status: 'EXHAUSTED' });
    expect((await adjust(6, 4)).errors).toBeUndefined();
    expect((await claim(marketer, { stockId: stock.id, customerRef: 'b-9', requestId: rid() })).errors).toBeUndefined();
  });

  it('rebuilds the counters from PostgreSQL when Redis lost them, and the limits still hold', async () => {
    const stock = await makeClaimableStock(api.db, HARBOR, { totalQuantity: 5, perCustomerLimit: 2 });
    await claim(marketer, { stockId: stock.id, customerRef: 'lost-1', requestId: rid() });
    await claim(marketer, { stockId: stock.id, customerRef: 'lost-1', requestId: rid() });
    const counters = api.app.get(CouponCounters);
    await counters.drop(stock.id);
    await api.app.get<Redis>(REDIS).del(counters.customerKey(stock.id, 'lost-1'));
    const again = await claim(marketer, { stockId: stock.id, customerRef: 'lost-1', requestId: rid() });
    expect(again.errors?.[0].extensions?.['reason']).toBe('CUSTOMER_LIMIT');
    const rest = await Promise.all(Array.from({ length: 6 }, (_, i) => claim(marketer, { stockId: stock.id, customerRef: `lost-x${i}`, requestId: rid() })));
    expect(rest.filter((r) => r.data?.claimCoupon).length).toBe(3);
    expect(await api.db.coupon.count({ where: { stockId: stock.id } })).toBe(5);
  });

  it("lets a merchant's server claim with a COUPONS_CLAIM key, and records the key; other keys and tenants are refused", async () => {
    await enrolInApiAccess(api.db, HARBOR);
    const stock = await makeClaimableStock(api.db, HARBOR);
    const { secret, key } = await makeApiKey(api.db, { merchantId: HARBOR }, { scopes: ['COUPONS_CLAIM'] });
    const res = await claim(secret, { stockId: stock.id, customerRef: 'srv-1', requestId: rid(), channel: 'MINI_PROGRAM' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.claimCoupon.claimedInSandbox).toBe(false);
    const row = await api.db.coupon.findUniqueOrThrow({ where: { id: claimed(res.data?.claimCoupon).id } });
    expect(row).toMatchObject({ claimedByApiKeyId: key.id, claimedByUserId: null });

    const readOnly = await makeApiKey(api.db, { merchantId: HARBOR }, { scopes: ['COUPONS_READ'] });
    expect(errorCode(await claim(readOnly.secret, { stockId: stock.id, customerRef: 'srv-2', requestId: rid() }))).toBe('FORBIDDEN');

    const lumenStock = await makeClaimableStock(api.db, DEMO_IDS.merchants.lumen);
    expect(errorCode(await claim(secret, { stockId: lumenStock.id, customerRef: 'srv-3', requestId: rid() }))).toBe('NOT_FOUND');
    expect(errorCode(await claim(marketer, { stockId: lumenStock.id, customerRef: 'srv-3', requestId: rid() }))).toBe('NOT_FOUND');
    expect(errorCode(await claim('mop_000000000000_' + 'x'.repeat(43), { stockId: stock.id, customerRef: 'srv-4', requestId: rid() }))).toBe('UNAUTHENTICATED');
  });

  it('refuses bad input with the field and creates nothing', async () => {
    const stock = await makeClaimableStock(api.db, HARBOR);
    for (const [i, field] of [
      [{ stockId: stock.id, customerRef: '', requestId: rid() }, 'customerRef'],
      [{ stockId: stock.id, customerRef: 'has space', requestId: rid() }, 'customerRef'],
      [{ stockId: stock.id, customerRef: 'ok', requestId: 'short' }, 'requestId'],
      [{ stockId: 'not-a-uuid', customerRef: 'ok', requestId: rid() }, 'stockId'],
      [{ stockId: stock.id, customerRef: 'ok', requestId: rid(), channel: 'BULK_ISSUE' }, 'channel'],
    ] as const) {
      const res = await claim(marketer, i);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.['field']).toBe(field);
    }
    expect(await api.db.coupon.count({ where: { stockId: stock.id } })).toBe(0);
  });

  it("shows the sandbox what a customer holds and whether it can claim", async () => {
    const stock = await makeClaimableStock(api.db, HARBOR, { perCustomerLimit: 1, name: 'Sandbox stock' });
    await claim(marketer, { stockId: stock.id, customerRef: 'sand-1', requestId: rid() });
    const res = await api.gql<{ claimableCouponStocks: { stock: { id: string }; held: number; refusal: string | null }[] }>(
      'query($c: String!) { claimableCouponStocks(customerRef: $c) { stock { id name } held heldToday refusal } }', { c: 'sand-1' }, { token: marketer },
    );
    expect(res.data?.claimableCouponStocks.find((s) => s.stock.id === stock.id)).toMatchObject({ held: 1, refusal: 'CUSTOMER_LIMIT' });
    const clerk = await api.login('clerk@harbor.example');
    expect(errorCode(await api.gql('query { claimableCouponStocks(customerRef: "x") { held } }', {}, { token: clerk }))).toBe('FORBIDDEN');
  });

  it('records the coupon.claimed event for the merchant\'s endpoint in the claim\'s own commit, once per claim', async () => {
    const endpoint = await makeWebhookEndpoint(api.db, HARBOR, { eventTypes: ['coupon.claimed'] });
    const ignoring = await makeWebhookEndpoint(api.db, HARBOR, { eventTypes: ['coupon.redeemed'] });
    api.app.get(WebhookEventService).forget(HARBOR);
    try {
      const stock = await makeClaimableStock(api.db, HARBOR, { perCustomerLimit: 5 });
      const requestId = rid();
      const first = claimed((await claim(marketer, { stockId: stock.id, customerRef: 'hook-1', requestId })).data?.claimCoupon);
      expect((await claim(marketer, { stockId: stock.id, customerRef: 'hook-1', requestId })).data?.claimCoupon.id).toBe(first.id);
      const deliveries = await api.db.webhookDelivery.findMany({ where: { eventId: `coupon.claimed:${first.id}` } });
      expect(deliveries.map((d) => d.endpointId)).toEqual([endpoint.id]);
      expect(deliveries[0]).toMatchObject({ eventType: 'coupon.claimed', status: 'PENDING', merchantId: HARBOR });
      expect(deliveries[0].payload).toMatchObject({
        id: `coupon.claimed:${first.id}`,
        type: 'coupon.claimed',
        merchantId: HARBOR,
        data: { couponId: first.id, stockId: stock.id, code: first.code, customerRef: 'hook-1', requestId, channel: 'MINI_PROGRAM' },
      });
      expect(await api.db.webhookDelivery.count({ where: { endpointId: ignoring.id } })).toBe(0);
    } finally {
      await api.db.webhookEndpoint.deleteMany({ where: { id: { in: [endpoint.id, ignoring.id] } } });
      api.app.get(WebhookEventService).forget(HARBOR);
    }
  });
});
