import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Redis } from 'ioredis';
import { REDIS } from '@mop/api-kit';
import { CouponCounterSync, CouponCounters, claimLimitOf } from '@mop/coupons';
import { DEMO_IDS } from '@mop/data-access/testing';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { makeClaimableStock } from './coupon-fixtures';

const HARBOR = DEMO_IDS.merchants.harbor;
const CLAIM = 'mutation($i: ClaimCouponInput!) { claimCoupon(input: $i) { id customerRef claimRequestId } }';
const ADJUST = 'mutation($id: ID!, $i: CouponStockBudgetInput!) { adjustCouponStockBudget(id: $id, input: $i) { totalQuantity } }';

/** One client's step in a storm: claims (some replaying an earlier request id), budget changes, and losing Redis. */
type Step =
  | { kind: 'claim'; customer: number; replayOf: number | null; delayMs: number }
  | { kind: 'budget'; delta: number; delayMs: number }
  | { kind: 'loseRedis'; delayMs: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('claim' as const), customer: fc.nat(7), replayOf: fc.option(fc.nat(30), { freq: 4 }), delayMs: fc.nat(40) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('budget' as const), delta: fc.integer({ min: -4, max: 4 }), delayMs: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('loseRedis' as const), delayMs: fc.nat(40) }) },
);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function claimed<T>(value: T | undefined): T {
  if (!value) throw new Error('the claim was refused');
  return value;
}

/**
 * DESIGN.md §4 invariants 1 and 3 under concurrency: random storms of claims from several customers
 * (with replayed request ids), budget raises and cuts, and Redis losing the counters mid-storm. After
 * each storm: nothing oversold, no customer over its limits, one coupon per request id and every
 * answer to a request id the same coupon, and the stock's counters equal to its rows.
 */
describe('claims under concurrency (invariants 1 and 3)', () => {
  let api: ApiHarness;
  let marketer: string;
  let owner: string;
  let redis: Redis;

  beforeAll(async () => {
    api = await startApi();
    marketer = await api.login('marketer@harbor.example');
    owner = await api.login('owner@harbor.example');
    redis = api.app.get<Redis>(REDIS);
  });
  afterAll(() => api.close());

  /** Deletes every claim counter of this API's Redis prefix: what a Redis restart without persistence does to them. */
  async function loseCounters(): Promise<void> {
    const keys = await redis.keys(`${api.redisPrefix}:coupons:*`);
    if (keys.length) await redis.del(...keys);
  }

  async function runStorm(steps: Step[], limits: { totalQuantity: number; perCustomerLimit: number; perCustomerDailyLimit: number | null }) {
    const stock = await makeClaimableStock(api.db, HARBOR, limits);
    const requestIds: string[] = [];
    const customers = new Map<string, string>();
    const answers = new Map<string, Set<string>>();
    await Promise.all(
      steps.map(async (s, i) => {
        await sleep(s.delayMs);
        if (s.kind === 'loseRedis') return loseCounters();
        if (s.kind === 'budget') {
          const current = await api.db.couponStock.findUniqueOrThrow({ where: { id: stock.id } });
          const totalQuantity = Math.max(1, current.totalQuantity + s.delta);
          await api.gql(ADJUST, { id: stock.id, i: { expectedTotalQuantity: current.totalQuantity, totalQuantity } }, { token: owner });
          return;
        }
        // A replay sends an earlier claim again: its request id with its customer.
        const earlier = s.replayOf !== null && requestIds.length ? requestIds[s.replayOf % requestIds.length] : null;
        const requestId = earlier ?? `storm-${i}-${randomUUID()}`;
        if (!earlier) {
          requestIds.push(requestId);
          customers.set(requestId, `c${s.customer}`);
        }
        const customer = customers.get(requestId) as string;
        const res = await api.gql<{ claimCoupon: { id: string } }>(CLAIM, { i: { stockId: stock.id, customerRef: customer, requestId } }, { token: marketer });
        if (res.data?.claimCoupon) {
          const seen = answers.get(requestId) ?? new Set<string>();
          seen.add(res.data.claimCoupon.id);
          answers.set(requestId, seen);
        } else {
          const reason = res.errors?.[0].extensions?.['reason'] as string;
          if (!['SOLD_OUT', 'CUSTOMER_LIMIT', 'DAILY_LIMIT', 'IDEMPOTENCY_KEY_REUSED'].includes(reason)) throw new Error(`unexpected refusal: ${JSON.stringify(res.errors)}`);
        }
      }),
    );
    await api.app.get(CouponCounterSync).flush();

    const coupons = await api.db.coupon.findMany({ where: { stockId: stock.id } });
    const final = await api.db.couponStock.findUniqueOrThrow({ where: { id: stock.id } });
    // 1. nothing oversold, whatever the budget did meanwhile (it is never lowered below what is claimed)
    expect(coupons.length).toBeLessThanOrEqual(claimLimitOf(final));
    // 1. no customer over its limits
    const perCustomer = new Map<string, number>();
    for (const c of coupons) perCustomer.set(c.customerRef, (perCustomer.get(c.customerRef) ?? 0) + 1);
    for (const n of perCustomer.values()) expect(n).toBeLessThanOrEqual(Math.min(limits.perCustomerLimit, limits.perCustomerDailyLimit ?? Infinity));
    // 3. one coupon per request id, and every answer to it the same coupon
    expect(new Set(coupons.map((c) => c.claimRequestId)).size).toBe(coupons.length);
    for (const [requestId, ids] of answers) {
      expect(ids.size).toBe(1);
      expect(coupons.find((c) => c.claimRequestId === requestId)?.id).toBe([...ids][0]);
    }
    // counters = rows, in PostgreSQL and (once rebuilt if lost) in Redis
    expect(final.claimedCount).toBe(coupons.length);
    expect(final.remaining).toBe(final.totalQuantity - coupons.length);
    const counters = api.app.get(CouponCounters);
    await counters.ensure(stock.id);
    expect(Number(await redis.hget(counters.stockKey(stock.id), 'claimed'))).toBe(coupons.length);
    return coupons.length;

  }

  it('holds under random storms of claims, replays, budget changes and lost counters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 20, maxLength: 60 }),
        fc.record({ totalQuantity: fc.integer({ min: 3, max: 25 }), perCustomerLimit: fc.integer({ min: 1, max: 4 }), perCustomerDailyLimit: fc.option(fc.integer({ min: 1, max: 3 })) }),
        async (steps, limits) => {
          await runStorm(steps, limits);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('loses Redis in the middle of a claim storm on a hot stock and still hands out exactly the quantity', async () => {
    const steps: Step[] = Array.from({ length: 120 }, (_, i) => ({ kind: 'claim' as const, customer: i, replayOf: null, delayMs: i % 30 }));
    steps.push({ kind: 'loseRedis', delayMs: 10 }, { kind: 'loseRedis', delayMs: 20 });
    // 120 distinct customers for 50 coupons, the counters lost twice while claims are in flight.
    const handedOut = await runStorm(
      steps.map((s, i) => (s.kind === 'claim' ? { ...s, customer: i } : s)),
      { totalQuantity: 50, perCustomerLimit: 1, perCustomerDailyLimit: null },
    );
    expect(handedOut).toBe(50);
  });

  it('redeems each coupon at most once per redemption while clients race redemptions, retries and reversals (invariant 2)', async () => {
    const REDEEM = 'mutation($i: RedeemCouponInput!) { redeemCoupon(input: $i) { id couponId discountAmount } }';
    const REVERSE = 'mutation($i: ReverseRedemptionInput!) { reverseRedemption(input: $i) { id reversedAt } }';
    const manager = await api.login('manager@harbor.example');
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            kind: fc.constantFrom('redeem', 'retry', 'reverse', 'claim'),
            coupon: fc.nat(5),
            delayMs: fc.nat(30),
          }),
          { minLength: 15, maxLength: 40 },
        ),
        async (steps) => {
          const stock = await makeClaimableStock(api.db, HARBOR, { totalQuantity: 12, perCustomerLimit: 1 });
          const seeded = await Promise.all(
            Array.from({ length: 6 }, (_, i) =>
              api.gql<{ claimCoupon: { id: string; code: string } }>('mutation($i: ClaimCouponInput!) { claimCoupon(input: $i) { id code } }', { i: { stockId: stock.id, customerRef: `r${i}`, requestId: `seed-${randomUUID()}` } }, { token: marketer }),
            ),
          );
          const coupons = seeded.map((r) => claimed(r.data?.claimCoupon));
          // One request id per coupon for its first redemption: 'retry' steps resend exactly that request.
          const firstRequest = coupons.map(() => `redeem-${randomUUID()}`);
          const answers = new Map<string, Set<string>>();
          await Promise.all(
            steps.map(async (s, i) => {
              await sleep(s.delayMs);
              const coupon = coupons[s.coupon];
              if (s.kind === 'claim') {
                await api.gql(CLAIM, { i: { stockId: stock.id, customerRef: `late-${i}`, requestId: `late-${randomUUID()}` } }, { token: marketer });
                return;
              }
              if (s.kind === 'reverse') {
                const active = await api.db.redemption.findFirst({ where: { couponId: coupon.id, reversedAt: null } });
                if (active) await api.gql(REVERSE, { i: { redemptionId: active.id, requestId: `reverse-${randomUUID()}`, reason: 'refund' } }, { token: manager });
                return;
              }
              const requestId = s.kind === 'retry' ? firstRequest[s.coupon] : `redeem-${randomUUID()}`;
              const res = await api.gql<{ redeemCoupon: { id: string } }>(REDEEM, { i: { code: coupon.code, orderAmount: 3000, requestId } }, { token: manager });
              if (res.data?.redeemCoupon) answers.set(requestId, (answers.get(requestId) ?? new Set()).add(res.data.redeemCoupon.id));
              else if (!['ALREADY_REDEEMED', 'IDEMPOTENCY_KEY_REUSED'].includes(res.errors?.[0].extensions?.['reason'] as string)) {
                throw new Error(`unexpected redemption error: ${JSON.stringify(res.errors)}`);
              }
            }),
          );
          for (const coupon of coupons) {
            const rows = await api.db.redemption.findMany({ where: { couponId: coupon.id } });
            const active = rows.filter((r) => !r.reversedAt);
            // at most one redemption in force, and the coupon's status says so
            expect(active.length).toBeLessThanOrEqual(1);
            const { status } = await api.db.coupon.findUniqueOrThrow({ where: { id: coupon.id } });
            expect(status).toBe(active.length ? 'REDEEMED' : 'AVAILABLE');
          }
          // a request id is one redemption, and every answer to it the same
          for (const [requestId, ids] of answers) {
            expect(ids.size).toBe(1);
            expect(await api.db.redemption.count({ where: { redeemRequestId: requestId } })).toBe(1);
          }
          await api.app.get(CouponCounterSync).flush();
          const final = await api.db.couponStock.findUniqueOrThrow({ where: { id: stock.id } });
          expect(final.claimedCount).toBe(await api.db.coupon.count({ where: { stockId: stock.id } }));
          expect(final.claimedCount).toBeLessThanOrEqual(12);
          expect(final.redeemedCount).toBe(await api.db.coupon.count({ where: { stockId: stock.id, status: 'REDEEMED' } }));
        },
      ),
      { numRuns: 8 },
    );
  });
});
