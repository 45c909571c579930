import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { type INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { type Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { loadConfig } from '@mop/api-kit';
import { bulkIssueJob, type BulkIssueRunner, type CouponCounterSync, type CouponExpiryService, couponJobHandlers } from '@mop/coupons';
import type { Db } from '@mop/data-access';
import { createTestDatabase, DEMO_IDS, seedDemo, type TestDatabase } from '@mop/data-access/testing';
import { assertAllHandled, JobName, jobsOf, QueueName } from '@mop/queues';
import { WorkerModule } from './worker.module';

const HARBOR = DEMO_IDS.merchants.harbor;
const HOUR = 3_600_000;

/** An ACTIVE stock of Harbor Coffee open for claims, handed out by bulk issue. */
function makeStock(db: Db, totalQuantity = 100) {
  const now = Date.now();
  return db.couponStock.create({
    data: {
      merchantId: HARBOR, status: 'ACTIVE', name: `Bulk ${randomBytes(3).toString('hex')}`, type: 'FIXED_AMOUNT', faceValue: 500, minSpend: 0, currency: 'CNY',
      claimStartsAt: new Date(now - HOUR), claimEndsAt: new Date(now + 24 * HOUR), validityKind: 'RELATIVE', validDays: 30,
      totalQuantity, remaining: totalQuantity, perCustomerLimit: 1, channels: ['BULK_ISSUE'], codeMode: 'GENERATED',
    },
  });
}

/** The worker as deployed: its coupons processor runs bulk issues, expiry and the counters' reconciliation. */
describe('coupons processor', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let queue: Queue;
  let queueEvents: QueueEvents;
  const redisPrefix = `test-worker-coupons:${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    database = await createTestDatabase();
    await seedDemo(database.db);
    const overrides: Record<string, string> = { DATABASE_URL: database.url, REDIS_PREFIX: redisPrefix };
    const previous = Object.fromEntries(Object.keys(overrides).map((k) => [k, process.env[k]]));
    Object.assign(process.env, overrides);
    try {
      app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
      await app.init();
    } finally {
      for (const [k, v] of Object.entries(previous)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    queue = app.get<Queue>(getQueueToken(QueueName.Coupons));
    const url = new URL(loadConfig().redisUrl);
    queueEvents = new QueueEvents(QueueName.Coupons, { prefix: redisPrefix, connection: { host: url.hostname, port: Number(url.port || 6379) } });
    await queueEvents.waitUntilReady();
  });

  afterAll(async () => {
    await queueEvents?.close();
    await app?.close();
    await database.drop();
    const redis = new Redis(loadConfig().redisUrl);
    const keys = await redis.keys(`${redisPrefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('handles every job of the coupons queue', () => {
    const handlers = couponJobHandlers({} as BulkIssueRunner, {} as CouponExpiryService, {} as CouponCounterSync);
    expect(() => assertAllHandled(QueueName.Coupons, handlers)).not.toThrow();
    expect(Object.keys(handlers).sort()).toEqual(jobsOf(QueueName.Coupons).sort());
  });

  it('runs a bulk issue job: one coupon per customer, the run COMPLETED, the stock counters following', async () => {
    const stock = await makeStock(database.db);
    const refs = Array.from({ length: 30 }, (_, i) => `worker-${i + 1}`);
    const run = await database.db.bulkIssueRun.create({
      data: {
        merchantId: HARBOR, stockId: stock.id, requestId: `bulk-${randomUUID()}`, inputDigest: 'test', requestedById: DEMO_IDS.users.harborMarketer, total: refs.length,
        items: { create: refs.map((customerRef, i) => ({ merchantId: HARBOR, seq: i + 1, customerRef })) },
      },
    });
    const { name, data, opts } = bulkIssueJob(run.id);
    const job = await queue.add(name, data, opts);
    expect(await job.waitUntilFinished(queueEvents, 30_000)).toMatchObject({ runId: run.id, status: 'COMPLETED', issued: 30, skipped: 0, failed: 0 });

    expect(await database.db.bulkIssueRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: 'COMPLETED', issued: 30, startedAt: expect.any(Date), finishedAt: expect.any(Date) });
    const coupons = await database.db.coupon.findMany({ where: { bulkIssueRunId: run.id } });
    expect(coupons.map((c) => c.customerRef).sort()).toEqual([...refs].sort());
    expect(new Set(coupons.map((c) => c.claimedVia))).toEqual(new Set(['BULK_ISSUE']));
    // The worker's own counter sync follows the claims it made.
    const deadline = Date.now() + 10_000;
    let claimed = 0;
    while (claimed < 30 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      claimed = (await database.db.couponStock.findUniqueOrThrow({ where: { id: stock.id } })).claimedCount;
    }
    expect(claimed).toBe(30);
  });

  it('expires due coupons and reconciles lagging counters by job name', async () => {
    const stock = await makeStock(database.db);
    const due = await database.db.coupon.create({
      data: {
        stockId: stock.id, merchantId: HARBOR, code: `DUE${randomBytes(8).toString('hex').toUpperCase()}`, customerRef: 'expiring', claimRequestId: `claim-${randomUUID()}`,
        claimedVia: 'BULK_ISSUE', claimedAt: new Date(Date.now() - 2 * HOUR), validFrom: new Date(Date.now() - 2 * HOUR), validUntil: new Date(Date.now() - HOUR),
      },
    });
    const expire = await queue.add(JobName.ExpireCoupons, {}, { removeOnComplete: true });
    // (The schedule's own run may have got there first: the row is what counts.)
    await expire.waitUntilFinished(queueEvents, 20_000);
    expect(await database.db.coupon.findUniqueOrThrow({ where: { id: due.id } })).toMatchObject({ status: 'EXPIRED', expiredAt: expect.any(Date) });

    // The coupon was written behind the counters' back: the stock row still says nothing was claimed.
    expect((await database.db.couponStock.findUniqueOrThrow({ where: { id: stock.id } })).claimedCount).toBe(0);
    const reconcile = await queue.add(JobName.ReconcileCouponCounters, {}, { removeOnComplete: true });
    await reconcile.waitUntilFinished(queueEvents, 20_000);
    expect(await database.db.couponStock.findUniqueOrThrow({ where: { id: stock.id } })).toMatchObject({ claimedCount: 1, remaining: 99 });
  });
});
