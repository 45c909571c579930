import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { loadConfig } from '@mop/api-kit';
import { createTestDatabase, makeMerchant, type TestDatabase } from '@mop/data-access/testing';
import { assertAllHandled, JobName, jobsOf, QueueName } from '@mop/queues';
import { newWebhookSecret, verifyWebhookSignature, WebhookEventService, webhookJobHandlers, type WebhookSender, type WebhookSweeper } from '@mop/webhooks';
import { WorkerModule } from './worker.module';

/** The worker as deployed: its webhooks processor takes the jobs the API enqueues and sends them. */
describe('webhooks processor', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  const redisPrefix = `test-worker-webhooks:${randomBytes(6).toString('hex')}`;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      // The first try fails: the retry comes from BullMQ's backoff, inside the real worker.
      res.writeHead(received.length === 1 ? 502 : 200).end();
    });
  });

  beforeAll(async () => {
    Logger.overrideLogger(false);
    database = await createTestDatabase();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const overrides: Record<string, string> = { DATABASE_URL: database.url, REDIS_PREFIX: redisPrefix, WEBHOOK_BACKOFF_MS: '50' };
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
  });

  afterAll(async () => {
    await app?.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await database.drop();
    const redis = new Redis(loadConfig().redisUrl);
    const keys = await redis.keys(`${redisPrefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('handles every job of the webhooks queue', () => {
    const handlers = webhookJobHandlers({} as WebhookSender, {} as WebhookSweeper);
    expect(() => assertAllHandled(QueueName.Webhooks, handlers)).not.toThrow();
    expect(Object.keys(handlers).sort()).toEqual(jobsOf(QueueName.Webhooks).sort());
  });

  it('sends an emitted event, signed, retrying a failed attempt', async () => {
    const merchant = await makeMerchant(database.db);
    const { port } = server.address() as AddressInfo;
    const secret = newWebhookSecret();
    await database.db.webhookEndpoint.create({ data: { merchantId: merchant.id, url: `http://127.0.0.1:${port}/hooks`, secret, eventTypes: [] } });
    const events = app.get(WebhookEventService);
    const ids = await database.db.$transaction((tx) =>
      events.emit(tx, [{ id: `coupon.redeemed:${randomBytes(6).toString('hex')}`, type: 'coupon.redeemed', merchantId: merchant.id, occurredAt: new Date(), data: { amount: 1200 } }]),
    );
    await events.dispatch(ids);

    const deadline = Date.now() + 20_000;
    let delivery = await database.db.webhookDelivery.findUniqueOrThrow({ where: { id: ids[0] } });
    while (delivery.status === 'PENDING' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
      delivery = await database.db.webhookDelivery.findUniqueOrThrow({ where: { id: ids[0] } });
    }
    expect(delivery).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
    expect(received).toHaveLength(2);
    const last = received[1];
    expect(last.headers['x-mop-event']).toBe('coupon.redeemed');
    expect(verifyWebhookSignature(secret, String(last.headers['x-mop-timestamp']), last.body, String(last.headers['x-mop-signature']))).toBe(true);
    const job = await app.get<Queue>(getQueueToken(QueueName.Webhooks)).getJob(ids[0]);
    expect(job?.name).toBe(JobName.DeliverWebhook);
  });
});
