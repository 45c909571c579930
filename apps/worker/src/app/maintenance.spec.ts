import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { type INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { type Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { loadConfig } from '@mop/api-kit';
import { createTestDatabase, makeUser, type TestDatabase } from '@mop/data-access/testing';
import { assertAllHandled, JobName, jobsOf, QueueName, SCHEDULES } from '@mop/queues';
import { MaintenanceService } from './maintenance.service';
import { WorkerModule } from './worker.module';

const DAY = 86_400_000;

describe('maintenance', () => {
  let database: TestDatabase;
  const redisPrefix = `test-worker:${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
    // the queue's keys (schedules, finished jobs) go with the test
    const redis = new Redis(loadConfig().redisUrl);
    const keys = await redis.keys(`${redisPrefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  /** One session per case, all for a fresh user; ends given as offsets from now. */
  async function sessions(cases: Record<string, { absolute?: number; idle?: number; revoked?: number }>) {
    const user = await makeUser(database.db);
    const ids: Record<string, string> = {};
    // One instant for all the offsets: an idle end equal to the absolute one must not come out a
    // millisecond later (the database refuses idle ends after absolute ones).
    const now = Date.now();
    for (const [name, c] of Object.entries(cases)) {
      const row = await database.db.session.create({
        data: {
          tokenHash: `hash-${randomBytes(12).toString('hex')}`,
          userId: user.id,
          absoluteExpiresAt: new Date(now + (c.absolute ?? DAY)),
          idleExpiresAt: new Date(now + (c.idle ?? DAY / 48)),
          revokedAt: c.revoked === undefined ? null : new Date(now + c.revoked),
        },
      });
      ids[name] = row.id;
    }
    return { userId: user.id, ids };
  }

  const remaining = async (userId: string) =>
    (await database.db.session.findMany({ where: { userId }, select: { id: true } })).map((s) => s.id).sort();

  describe('MaintenanceService.purgeSessions', () => {
    it('removes sessions that ended before the retention and keeps the rest', async () => {
      const { userId, ids } = await sessions({
        live: {},
        absoluteLongAgo: { absolute: -10 * DAY, idle: -10 * DAY },
        idleLongAgo: { idle: -8 * DAY },
        revokedLongAgo: { revoked: -8 * DAY },
        endedRecently: { absolute: -1 * DAY, idle: -1 * DAY },
        revokedRecently: { revoked: -2 * DAY },
      });
      const purged = await new MaintenanceService(database.db).purgeSessions(7);
      expect(purged).toBeGreaterThanOrEqual(3);
      expect(await remaining(userId)).toEqual([ids['live'], ids['endedRecently'], ids['revokedRecently']].sort());
    });

    it('measures retention from the given instant', async () => {
      const { userId, ids } = await sessions({
        longLived: { absolute: 30 * DAY, idle: 30 * DAY },
        endingTomorrow: { absolute: DAY, idle: DAY },
      });
      // ten days from now, with seven days' retention, whatever ended before three days from now goes
      await new MaintenanceService(database.db).purgeSessions(7, new Date(Date.now() + 10 * DAY));
      expect(await remaining(userId)).toEqual([ids['longLived']]);
    });
  });

  describe('the worker', () => {
    const contexts: INestApplicationContext[] = [];
    let queueEvents: QueueEvents;

    /** The real worker, on this file's database and Redis prefix. */
    async function startWorker(): Promise<INestApplicationContext> {
      const overrides: Record<string, string> = { DATABASE_URL: database.url, REDIS_PREFIX: redisPrefix };
      const previous = Object.fromEntries(Object.keys(overrides).map((k) => [k, process.env[k]]));
      Object.assign(process.env, overrides);
      try {
        const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
        await app.init();
        contexts.push(app);
        return app;
      } finally {
        for (const [k, v] of Object.entries(previous)) {
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
        }
      }
    }

    beforeAll(async () => {
      const url = new URL(loadConfig().redisUrl);
      queueEvents = new QueueEvents(QueueName.Maintenance, {
        prefix: redisPrefix,
        connection: { host: url.hostname, port: Number(url.port || 6379) },
      });
      await queueEvents.waitUntilReady();
    });
    afterAll(async () => {
      for (const app of contexts.splice(0)) await app.close();
      await queueEvents.close();
    });

    it('keeps exactly one of each schedule, however many workers start', async () => {
      const first = await startWorker();
      const queues = [...new Set(SCHEDULES.map((s) => s.queue))];
      const expected = (queue: QueueName) => SCHEDULES.filter((s) => s.queue === queue).map((s) => ({ key: s.id, name: s.name, every: s.everyMs })).sort((a, b) => a.key.localeCompare(b.key));
      const schedulers = async (queue: QueueName) =>
        (await first.get<Queue>(getQueueToken(queue)).getJobSchedulers()).map((s) => ({ key: s.key, name: s.name, every: Number(s.every) })).sort((a, b) => a.key.localeCompare(b.key));
      for (const queue of queues) expect(await schedulers(queue)).toEqual(expected(queue));

      await startWorker();
      for (const queue of queues) expect(await schedulers(queue)).toEqual(expected(queue));
    });

    it('runs a job added by name until the rows are gone', async () => {
      if (contexts.length === 0) await startWorker();
      const queue = contexts[0].get<Queue>(getQueueToken(QueueName.Maintenance));
      // Ended two days ago: past a one-day retention, not past the schedule's seven days, so only
      // this job can remove them.
      const { userId, ids } = await sessions({
        live: {},
        endedTwoDaysAgo: { absolute: -2 * DAY, idle: -2 * DAY },
        revokedTwoDaysAgo: { revoked: -2 * DAY },
      });
      const job = await queue.add(JobName.PurgeSessions, { retentionDays: 1 }, { removeOnComplete: true });
      const purged = await job.waitUntilFinished(queueEvents, 20_000);
      expect(purged).toBeGreaterThanOrEqual(2);
      expect(await remaining(userId)).toEqual([ids['live']]);
    });

    it('purges expired idempotency records by job name and keeps live ones', async () => {
      if (contexts.length === 0) await startWorker();
      const queue = contexts[0].get<Queue>(getQueueToken(QueueName.Maintenance));
      const scope = `test.purge.${randomBytes(4).toString('hex')}`;
      await database.db.idempotencyRecord.createMany({
        data: [
          { scope, key: 'expired-key-1', requestHash: 'h', expiresAt: new Date(Date.now() - 60_000) },
          { scope, key: 'live-key-0001', requestHash: 'h', expiresAt: new Date(Date.now() + DAY) },
        ],
      });
      const job = await queue.add(JobName.PurgeIdempotencyRecords, {}, { removeOnComplete: true });
      await job.waitUntilFinished(queueEvents, 20_000);
      const left = await database.db.idempotencyRecord.findMany({ where: { scope }, select: { key: true } });
      expect(left).toEqual([{ key: 'live-key-0001' }]);
    });
  });
});

describe('job handlers', () => {
  it('refuses a queue whose processor misses a handler', () => {
    expect(() => assertAllHandled(QueueName.Maintenance, { [JobName.PurgeSessions]: async () => 0 })).toThrow(
      `Queue "maintenance" has no handler for: ${JobName.PurgeIdempotencyRecords}`,
    );
    expect(() => assertAllHandled(QueueName.Maintenance, {})).toThrow(/sessions\.purge, idempotency\.purge/);
  });

  it('accepts a queue with a handler for every job', () => {
    const handlers = { [JobName.PurgeSessions]: async () => 0, [JobName.PurgeIdempotencyRecords]: async () => 0 };
    expect(() => assertAllHandled(QueueName.Maintenance, handlers)).not.toThrow();
    expect(jobsOf(QueueName.Maintenance).sort()).toEqual([JobName.PurgeIdempotencyRecords, JobName.PurgeSessions].sort());
  });

  it('gives every schedule a job of its own queue', () => {
    for (const s of SCHEDULES) expect(jobsOf(s.queue)).toContain(s.name);
    expect(new Set(SCHEDULES.map((s) => s.id)).size).toBe(SCHEDULES.length);
  });
});
