import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { Db } from '@mop/data-access';
import { createTestDatabase, DEMO_IDS, seedDemo } from '@mop/data-access/testing';
import { runLoad, type LoadResult } from './lib/load';
import { ROOT, startServer } from './lib/processes';

/**
 * `npm run bench -- coupons`: claims on one hot stock from 64 concurrent clients over HTTP against the
 * real API (its Redis admission), the same API with claims switched to the plain row-lock design (the
 * baseline), and a bare Apollo + pg server doing one INSERT per request (the floor); then a sell-out
 * (oversell), the per-customer limits, and redemptions under a 3× retry storm. Every figure comes from
 * this run on this machine; the results go to bench/results/coupons.json and a table.
 */

const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 64);
const DURATION_MS = Number(process.env['BENCH_DURATION_MS'] ?? 10_000);
const WARMUP_MS = 2_000;
const HARBOR = DEMO_IDS.merchants.harbor;
const CLAIM = 'mutation($i: ClaimCouponInput!) { claimCoupon(input: $i) { id code } }';
const REDEEM = 'mutation($i: RedeemCouponInput!) { redeemCoupon(input: $i) { id couponId } }';

interface StockOptions {
  totalQuantity: number;
  perCustomerLimit: number;
}

async function makeHotStock(db: Db, name: string, o: StockOptions) {
  const now = Date.now();
  return db.couponStock.create({
    data: {
      merchantId: HARBOR, status: 'ACTIVE', name, type: 'FIXED_AMOUNT', faceValue: 500, minSpend: 0, currency: 'CNY',
      claimStartsAt: new Date(now - 3_600_000), claimEndsAt: new Date(now + 86_400_000), validityKind: 'RELATIVE', validDays: 30,
      totalQuantity: o.totalQuantity, remaining: o.totalQuantity, perCustomerLimit: o.perCustomerLimit, channels: ['MINI_PROGRAM'], codeMode: 'GENERATED',
    },
  });
}

async function makeKey(db: Db): Promise<string> {
  const product = await db.product.findUniqueOrThrow({ where: { code: 'API_ACCESS' } });
  await db.productEnrollment.upsert({
    where: { merchantId_productId: { merchantId: HARBOR, productId: product.id } },
    update: { status: 'ACTIVE' },
    create: { merchantId: HARBOR, productId: product.id, status: 'ACTIVE', activatedAt: new Date() },
  });
  const prefix = randomBytes(6).toString('hex');
  const secret = `mop_${prefix}_${randomBytes(32).toString('base64url')}`;
  await db.apiKey.create({
    data: { merchantId: HARBOR, name: 'bench', prefix, secretHash: createHash('sha256').update(secret).digest('hex'), scopes: ['COUPONS_CLAIM', 'COUPONS_REDEEM', 'COUPONS_READ'] },
  });
  return secret;
}

/** Claims on one stock: a fresh customer out of `customers` per request, a fresh request id each. */
function claimLoad(url: string, key: string, stockId: string, customers: number, extra: Partial<Parameters<typeof runLoad>[0]> = {}) {
  const run = randomBytes(3).toString('hex');
  return runLoad({
    url,
    concurrency: CONCURRENCY,
    headers: { authorization: `Bearer ${key}` },
    body: (n) => ({ query: CLAIM, variables: { i: { stockId, customerRef: `cust-${Math.floor(Math.random() * customers)}`, requestId: `bench-${run}-${n}` } } }),
    ...extra,
  });
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function measureClaims(db: Db, url: string, key: string, label: string): Promise<LoadResult> {
  const warm = await makeHotStock(db, `${label} warm-up`, { totalQuantity: 1_000_000, perCustomerLimit: 1_000_000 });
  await claimLoad(url, key, warm.id, 1_000_000, { durationMs: WARMUP_MS });
  const hot = await makeHotStock(db, `${label} hot stock`, { totalQuantity: 1_000_000, perCustomerLimit: 3 });
  const result = await claimLoad(url, key, hot.id, 200_000, { durationMs: DURATION_MS });
  console.log(`  ${label}: ${round(result.opsPerS)} claims/s, p50 ${round(result.p50Ms, 2)} ms, p99 ${round(result.p99Ms, 2)} ms (${result.ok} ok, ${result.failed} refused/failed${result.sampleErrors.length ? `: ${result.sampleErrors.join(', ')}` : ''})`);
  return result;
}

async function main() {
  const database = await createTestDatabase();
  const { db } = database;
  await seedDemo(db);
  const key = await makeKey(db);
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
  // The API's pools and the floor's are the same size (DATABASE_POOL_SIZE, 10 unless set).
  const poolSize = process.env['DATABASE_POOL_SIZE'] ?? '10';
  const common = { DATABASE_URL: database.url, REDIS_PREFIX: prefix, NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: poolSize };
  console.log(`coupons bench: ${CONCURRENCY} clients, ${DURATION_MS / 1000} s per measurement, database ${database.name}`);

  try {
    // ── ours: Redis admission in front of PostgreSQL
    let api = await startServer('apps/api/src/main.ts', common, 3101);
    const ours = await measureClaims(db, api.url, key, 'ours (admission)');

    // Sell-out: twice as many claims as coupons, on a stock of 2,000.
    const sellout = await makeHotStock(db, 'sell-out', { totalQuantity: 2_000, perCustomerLimit: 1 });
    const sold = await claimLoad(api.url, key, sellout.id, 1_000_000_000, { maxRequests: 4_000 });
    await new Promise((r) => setTimeout(r, 1_500)); // the stock row's counters follow the rows
    const selloutRows = await db.coupon.count({ where: { stockId: sellout.id } });
    const selloutStock = await db.couponStock.findUniqueOrThrow({ where: { id: sellout.id } });
    const oversell = Math.max(0, selloutRows - 2_000);

    // Limits: no customer of the hot stock holds more than three.
    const hot = await db.couponStock.findFirstOrThrow({ where: { name: 'ours (admission) hot stock' } });
    const [{ violations }] = await db.$queryRaw<{ violations: number }[]>`
      SELECT count(*)::int AS violations FROM (SELECT "customerRef" FROM coupons WHERE "stockId" = ${hot.id}::uuid GROUP BY "customerRef" HAVING count(*) > 3) v`;
    const hotRows = await db.coupon.count({ where: { stockId: hot.id } });
    const hotStock = await db.couponStock.findUniqueOrThrow({ where: { id: hot.id } });

    // Redemptions under a 3× retry storm: every request sent three times, concurrently.
    const toRedeem = await db.coupon.findMany({ where: { stockId: hot.id }, select: { code: true }, take: 3_000 });
    const redeemRun = randomBytes(3).toString('hex');
    const answers = new Map<number, Set<string>>();
    const redeem = await runLoad({
      url: api.url,
      concurrency: CONCURRENCY,
      headers: { authorization: `Bearer ${key}` },
      maxRequests: toRedeem.length * 3,
      // Requests n, n+1, n+2 are the same redemption: sent back to back, they race one another.
      body: (n) => {
        const i = Math.floor(n / 3);
        return { query: REDEEM, variables: { i: { code: toRedeem[i].code, orderAmount: 3_000, orderRef: `order-${i}`, requestId: `redeem-${redeemRun}-${i}` } } };
      },
      onResponse: (n, json) => {
        const id = (json.data?.['redeemCoupon'] as { id: string } | undefined)?.id;
        if (!id) return;
        const i = Math.floor(n / 3);
        answers.set(i, (answers.get(i) ?? new Set()).add(id));
      },
    });
    const [{ doubles }] = await db.$queryRaw<{ doubles: number }[]>`
      SELECT count(*)::int AS doubles FROM (SELECT "couponId" FROM redemptions WHERE "redeemRequestId" LIKE ${`redeem-${redeemRun}-%`} GROUP BY "couponId" HAVING count(*) > 1) d`;
    const divergentAnswers = [...answers.values()].filter((s) => s.size > 1).length;
    console.log(`  redeem 3× storm: ${round(redeem.opsPerS)} answers/s, p99 ${round(redeem.p99Ms, 2)} ms, double redemptions ${doubles}, divergent answers ${divergentAnswers}`);
    await api.stop();

    // ── baseline: the same API, claims by row lock on the stock
    api = await startServer('apps/api/src/main.ts', { ...common, COUPON_CLAIM_MODE: 'rowlock' }, 3102);
    const baseline = await measureClaims(db, api.url, key, 'baseline (row lock)');
    await api.stop();

    // ── floor: bare Apollo + one INSERT through pg
    const floorServer = await startServer('bench/floor-server.ts', { DATABASE_URL: database.url, DATABASE_POOL_SIZE: poolSize }, 3103);
    const floorStock = randomUUID();
    await claimLoad(floorServer.url, key, floorStock, 1_000_000, { durationMs: WARMUP_MS });
    const floor = await claimLoad(floorServer.url, key, floorStock, 1_000_000, { durationMs: DURATION_MS });
    console.log(`  floor (bare Apollo + pg INSERT): ${round(floor.opsPerS)} inserts/s, p99 ${round(floor.p99Ms, 2)} ms`);
    await floorServer.stop();

    const results = {
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      settings: { concurrency: CONCURRENCY, duration_ms: DURATION_MS, pool_size: Number(poolSize) },
      claim: {
        ours: { ops_per_s: round(ours.opsPerS), p50_ms: round(ours.p50Ms, 2), p99_ms: round(ours.p99Ms, 2), ok: ours.ok, refused: ours.failed },
        baseline: { ops_per_s: round(baseline.opsPerS), p50_ms: round(baseline.p50Ms, 2), p99_ms: round(baseline.p99Ms, 2), ok: baseline.ok, refused: baseline.failed },
        throughput_vs_baseline: round(ours.opsPerS / baseline.opsPerS, 2),
        p99_vs_baseline: round(ours.p99Ms / baseline.p99Ms, 2),
        throughput_vs_floor: round(ours.opsPerS / floor.opsPerS, 2),
        oversell,
        limit_violations: violations,
        sellout: { quantity: 2_000, attempts: sold.requests, claims_reported: sold.ok, coupons_in_db: selloutRows, stock_claimed_count: selloutStock.claimedCount, stock_status: selloutStock.status },
        hot_stock: { claims_reported: ours.ok, coupons_in_db: hotRows, stock_claimed_count: hotStock.claimedCount },
      },
      redeem: {
        ours: { ops_per_s: round(redeem.opsPerS), p50_ms: round(redeem.p50Ms, 2), p99_ms: round(redeem.p99Ms, 2), requests: redeem.requests, coupons: toRedeem.length },
        double_redemptions: doubles,
        divergent_answers: divergentAnswers,
      },
      apollo_floor: { ops_per_s: round(floor.opsPerS), p99_ms: round(floor.p99Ms, 2) },
      targets: { throughput_vs_baseline: '>= 3', p99_vs_baseline: '<= 0.33', throughput_vs_floor: '>= 0.5', oversell: 0, limit_violations: 0, double_redemptions: 0 },
    };
    writeFileSync(join(ROOT, 'bench', 'results', 'coupons.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.table({
      'claim ours': { 'ops/s': results.claim.ours.ops_per_s, 'p99 ms': results.claim.ours.p99_ms },
      'claim baseline (row lock)': { 'ops/s': results.claim.baseline.ops_per_s, 'p99 ms': results.claim.baseline.p99_ms },
      'apollo floor': { 'ops/s': results.apollo_floor.ops_per_s, 'p99 ms': results.apollo_floor.p99_ms },
      'redeem ours (3× storm)': { 'ops/s': results.redeem.ours.ops_per_s, 'p99 ms': results.redeem.ours.p99_ms },
    });
    console.log(
      `ours/baseline throughput ${results.claim.throughput_vs_baseline}× (target ≥ 3), p99 ${results.claim.p99_vs_baseline}× (≤ 0.33), ours/floor ${results.claim.throughput_vs_floor}× (≥ 0.5); ` +
        `oversell ${oversell}, limit violations ${violations}, double redemptions ${doubles}; coupons in db = claims reported = counters: ` +
        `${selloutRows} = ${sold.ok} = ${selloutStock.claimedCount} (sell-out), ${hotRows} = ${ours.ok} = ${hotStock.claimedCount} (hot stock)`,
    );
    console.log('written bench/results/coupons.json');
  } finally {
    const keys = await redis.keys(`${prefix}:*`);
    for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
    await redis.quit();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
