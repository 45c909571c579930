import { randomBytes } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { type Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { loadConfig } from '@mop/api-kit';
import type { WebhookDeliveryStatus } from '@mop/data-access';
import { DEMO_IDS, makeMerchant } from '@mop/data-access/testing';
import { type JobName, type JobPayloads, type JobRun, QueueName } from '@mop/queues';
import {
  deliveryJob,
  signWebhook,
  verifyWebhookSignature,
  WEBHOOK_CONFIG,
  type WebhookConfig,
  WebhookAttemptFailed,
  type WebhookEvent,
  WebhookEventService,
  webhookJobHandlers,
  WebhookSender,
  WebhookSweeper,
} from '@mop/webhooks';
import { type ApiHarness, errorCode, type GqlResult, startApi } from '../testing/api-harness';
import { makeWebhookDelivery, makeWebhookEndpoint, type Receiver, startReceiver } from './webhook-fixtures';

const ENDPOINT_FIELDS = 'id merchantId url description eventTypes enabled version createdAt updatedAt';
const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT_FIELDS} } } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(id: $id, version: $version, input: $input) { ${ENDPOINT_FIELDS} } }`;
const ROTATE = `mutation($id: ID!) { rotateWebhookEndpointSecret(id: $id) { secret endpoint { ${ENDPOINT_FIELDS} } } }`;
const DELETE = `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { ${ENDPOINT_FIELDS} } }`;
const GET_ENDPOINT = `query($id: ID!) { WebhookEndpoint(id: $id) { ${ENDPOINT_FIELDS} } }`;
const DELIVERY_FIELDS = 'id endpointId endpointUrl eventId eventType payload status attempts replays lastError nextAttemptAt deliveredAt createdAt';
const GET_DELIVERY = `query($id: ID!) { WebhookDelivery(id: $id) { ${DELIVERY_FIELDS} attemptLog { attemptNo startedAt durationMs statusCode error responseBody } } }`;
const REPLAY = `mutation($id: ID!) { replayWebhookDelivery(id: $id) { ${DELIVERY_FIELDS} } }`;
const SECRET_SHAPE = /^whsec_[A-Za-z0-9_-]{43}$/;

type Endpoint = { id: string; merchantId: string; url: string; description: string | null; eventTypes: string[]; enabled: boolean; version: number };
type Created = { secret: string; endpoint: Endpoint };
type Attempt = { attemptNo: number; durationMs: number | null; statusCode: number | null; error: string | null; responseBody: string | null };
type Delivery = { id: string; status: string; attempts: number; replays: number; lastError: string | null; payload: Record<string, unknown>; attemptLog: Attempt[] };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function data<T>(res: GqlResult, key: string): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return (res.data as Record<string, T>)[key];
}

describe('webhooks', () => {
  let api: ApiHarness;
  let events: WebhookEventService;
  let sender: WebhookSender;
  let sweeper: WebhookSweeper;
  let queue: Queue;
  let config: WebhookConfig;
  let worker: Worker;
  const receivers: Receiver[] = [];
  let harborOwner: string;
  let lumenOwner: string;

  beforeAll(async () => {
    // Short backoff, four tries and a one-second timeout: retries and the final failure in a few hundred ms.
    api = await startApi({ WEBHOOK_BACKOFF_MS: '50', WEBHOOK_MAX_ATTEMPTS: '4', WEBHOOK_TIMEOUT_MS: '1000' });
    events = api.app.get(WebhookEventService);
    sender = api.app.get(WebhookSender);
    sweeper = api.app.get(WebhookSweeper);
    queue = api.app.get<Queue>(getQueueToken(QueueName.Webhooks));
    config = api.app.get<WebhookConfig>(WEBHOOK_CONFIG);
    // The worker's processor, on this file's Redis prefix: the API enqueues, this sends.
    const handlers = webhookJobHandlers(sender, sweeper) as Record<string, (p: JobPayloads[JobName], run: JobRun) => Promise<unknown>>;
    const url = new URL(loadConfig().redisUrl);
    worker = new Worker(QueueName.Webhooks, (job) => handlers[job.name](job.data, job), {
      prefix: api.redisPrefix,
      connection: { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null },
      concurrency: 5,
    });
    await worker.waitUntilReady();
    harborOwner = await api.login('owner@harbor.example');
    lumenOwner = await api.login('owner@lumen.example');
  });

  afterAll(async () => {
    await worker?.close();
    for (const r of receivers.splice(0)) await r.close();
    const prefix = api.redisPrefix;
    await api.close();
    const redis = new Redis(loadConfig().redisUrl);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  async function receiver(...args: Parameters<typeof startReceiver>) {
    const r = await startReceiver(...args);
    receivers.push(r);
    return r;
  }

  function event(merchantId: string, overrides: Partial<WebhookEvent> = {}): WebhookEvent {
    const id = `coupon.claimed:${randomBytes(8).toString('hex')}`;
    return { id, type: 'coupon.claimed', merchantId, occurredAt: new Date(), data: { couponId: id, customerRef: 'cust-42' }, ...overrides };
  }

  /** What a coupon service does: record in its transaction, enqueue after the commit. */
  async function emit(...batch: WebhookEvent[]): Promise<string[]> {
    const ids = await api.db.$transaction((tx) => events.emit(tx, batch));
    await events.dispatch(ids);
    return ids;
  }

  async function until(id: string, status: WebhookDeliveryStatus, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const row = await api.db.webhookDelivery.findUniqueOrThrow({ where: { id } });
      if (row.status === status) return row;
      if (Date.now() > deadline) throw new Error(`delivery ${id} is ${row.status} after ${row.attempts} attempts (${row.lastError}), not ${status}`);
      await sleep(25);
    }
  }

  const attemptsOf = (deliveryId: string) => api.db.webhookAttempt.findMany({ where: { deliveryId }, orderBy: { attemptNo: 'asc' } });

  /** A merchant of its own with one endpoint at a fresh receiver: nothing else in the file reaches it. */
  async function merchantWithReceiver(...args: Parameters<typeof startReceiver>) {
    const merchant = await makeMerchant(api.db);
    const r = await receiver(...args);
    const endpoint = await makeWebhookEndpoint(api.db, merchant.id, { url: r.url });
    return { merchant, receiver: r, endpoint };
  }

  describe('signatures', () => {
    const secret = 'whsec_test-secret-0123456789abcdefghijklmnopqrstuvw';
    const body = JSON.stringify({ id: 'coupon.claimed:1', type: 'coupon.claimed', data: { amount: 500 } });
    const now = Date.UTC(2026, 10, 22, 8, 0, 0);
    const ts = String(now / 1000);
    const header = `v1=${signWebhook(secret, ts, body)}`;

    it('verifies an HMAC-SHA256 of "<timestamp>.<body>" under the secret', () => {
      expect(verifyWebhookSignature(secret, ts, body, header, 300, now)).toBe(true);
      expect(verifyWebhookSignature(secret, ts, Buffer.from(body), header, 300, now)).toBe(true);
      // Any one of several signatures may match (room for a rotation grace period).
      expect(verifyWebhookSignature(secret, ts, body, `v1=${'0'.repeat(64)}, ${header}`, 300, now)).toBe(true);
    });

    it('refuses a tampered body, another secret, a moved timestamp and malformed headers', () => {
      expect(verifyWebhookSignature(secret, ts, body.replace('500', '5000'), header, 300, now)).toBe(false);
      expect(verifyWebhookSignature(`${secret}x`, ts, body, header, 300, now)).toBe(false);
      expect(verifyWebhookSignature(secret, String(Number(ts) + 1), body, header, 300, now)).toBe(false);
      for (const bad of ['', 'v1=', `v0=${signWebhook(secret, ts, body)}`, signWebhook(secret, ts, body), `v1=${signWebhook(secret, ts, body).slice(2)}`, `v1=${'z'.repeat(64)}`]) {
        expect({ bad, ok: verifyWebhookSignature(secret, ts, body, bad, 300, now) }).toEqual({ bad, ok: false });
      }
      expect(verifyWebhookSignature(secret, 'yesterday', body, header, 300, now)).toBe(false);
      expect(verifyWebhookSignature(secret, null, body, header, 300, now)).toBe(false);
    });

    it('refuses a stale or future timestamp beyond the tolerance', () => {
      expect(verifyWebhookSignature(secret, ts, body, header, 300, now + 300_000)).toBe(true);
      expect(verifyWebhookSignature(secret, ts, body, header, 300, now + 301_000)).toBe(false);
      expect(verifyWebhookSignature(secret, ts, body, header, 300, now - 301_000)).toBe(false);
      expect(verifyWebhookSignature(secret, ts, body, header, 600, now + 301_000)).toBe(true);
    });
  });

  describe('endpoint settings', () => {
    const input = (overrides: Record<string, unknown> = {}) => ({ url: 'https://pos.harbor.example/hooks', description: 'POS', eventTypes: ['coupon.claimed', 'coupon.redeemed'], enabled: true, ...overrides });

    it('returns the secret once, keeps it for signing, never reads it back, and audits without it', async () => {
      const created = data<Created>(await api.gql(CREATE, { input: input({ description: '  Point of sale  ' }) }, { token: harborOwner }), 'createWebhookEndpoint');
      expect(created.secret).toMatch(SECRET_SHAPE);
      expect(created.endpoint).toMatchObject({ merchantId: DEMO_IDS.merchants.harbor, url: 'https://pos.harbor.example/hooks', description: 'Point of sale', eventTypes: ['coupon.claimed', 'coupon.redeemed'], enabled: true, version: 1 });
      expect((await api.db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.endpoint.id } })).secret).toBe(created.secret);

      const one = await api.gql(GET_ENDPOINT, { id: created.endpoint.id }, { token: harborOwner });
      const all = await api.gql(`{ allWebhookEndpoints(perPage: 100) { ${ENDPOINT_FIELDS} } }`, {}, { token: harborOwner });
      expect(data<Endpoint>(one, 'WebhookEndpoint').id).toBe(created.endpoint.id);
      expect(data<Endpoint[]>(all, 'allWebhookEndpoints').map((e) => e.id)).toContain(created.endpoint.id);
      expect(JSON.stringify([one, all])).not.toContain(created.secret);

      const audit = await api.db.auditEvent.findMany({ where: { subjectId: created.endpoint.id } });
      expect(audit.map((a) => a.action)).toEqual(['webhook-endpoint.create']);
      expect(audit[0]).toMatchObject({ merchantId: DEMO_IDS.merchants.harbor, subjectType: 'WebhookEndpoint', actorLabel: 'owner@harbor.example' });
      expect(JSON.stringify(audit)).not.toContain(created.secret);
    });

    it('edits with the version it started from: a stale one is CONFLICT, and a no-op writes nothing', async () => {
      const manager = await api.login('manager@harbor.example');
      const { endpoint } = data<Created>(await api.gql(CREATE, { input: input() }, { token: manager }), 'createWebhookEndpoint');
      const edited = data<Endpoint>(await api.gql(UPDATE, { id: endpoint.id, version: 1, input: { eventTypes: [], enabled: false, description: null } }, { token: manager }), 'updateWebhookEndpoint');
      expect(edited).toMatchObject({ eventTypes: [], enabled: false, description: null, url: endpoint.url, version: 2 });
      expect(errorCode(await api.gql(UPDATE, { id: endpoint.id, version: 1, input: { enabled: true } }, { token: manager }))).toBe('CONFLICT');
      const same = data<Endpoint>(await api.gql(UPDATE, { id: endpoint.id, version: 2, input: { enabled: false } }, { token: manager }), 'updateWebhookEndpoint');
      expect(same.version).toBe(2);
      const audit = await api.db.auditEvent.findMany({ where: { subjectId: endpoint.id, action: 'webhook-endpoint.update' } });
      expect(audit).toHaveLength(1);
      expect(audit[0].changes).toEqual({
        description: { from: 'POS', to: null },
        eventTypes: { from: ['coupon.claimed', 'coupon.redeemed'], to: [] },
        enabled: { from: true, to: false },
      });
    });

    it('rotates the secret (shown once, the old one replaced) and deletes the endpoint with its deliveries', async () => {
      const created = data<Created>(await api.gql(CREATE, { input: input() }, { token: harborOwner }), 'createWebhookEndpoint');
      const rotated = data<Created>(await api.gql(ROTATE, { id: created.endpoint.id }, { token: harborOwner }), 'rotateWebhookEndpointSecret');
      expect(rotated.secret).toMatch(SECRET_SHAPE);
      expect(rotated.secret).not.toBe(created.secret);
      expect(rotated.endpoint.version).toBe(2);
      expect((await api.db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.endpoint.id } })).secret).toBe(rotated.secret);

      const delivery = await makeWebhookDelivery(api.db, created.endpoint, { status: 'FAILED', attempts: 2 });
      const deleted = data<Endpoint>(await api.gql(DELETE, { id: created.endpoint.id }, { token: harborOwner }), 'deleteWebhookEndpoint');
      expect(deleted.id).toBe(created.endpoint.id);
      expect(await api.db.webhookEndpoint.count({ where: { id: created.endpoint.id } })).toBe(0);
      expect(await api.db.webhookDelivery.count({ where: { id: delivery.id } })).toBe(0);
      expect(errorCode(await api.gql(GET_ENDPOINT, { id: created.endpoint.id }, { token: harborOwner }))).toBe('NOT_FOUND');

      const audit = await api.db.auditEvent.findMany({ where: { subjectId: created.endpoint.id }, orderBy: { at: 'asc' } });
      expect(audit.map((a) => a.action)).toEqual(['webhook-endpoint.create', 'webhook-endpoint.rotate-secret', 'webhook-endpoint.delete']);
      expect(audit[2].changes).toMatchObject({ url: created.endpoint.url, deliveriesDeleted: 1 });
      expect(JSON.stringify(audit)).not.toContain(rotated.secret);
    });

    it('refuses bad URLs and event types with BAD_USER_INPUT naming the field, and accepts http on localhost', async () => {
      const before = await api.db.webhookEndpoint.count();
      const cases: [Record<string, unknown>, string][] = [
        [input({ url: 'http://pos.harbor.example/hooks' }), 'url'],
        [input({ url: 'ftp://pos.harbor.example/hooks' }), 'url'],
        [input({ url: 'pos.harbor.example/hooks' }), 'url'],
        [input({ url: 'https://user:secret@pos.harbor.example/hooks' }), 'url'],
        [input({ url: `https://pos.harbor.example/${'x'.repeat(2000)}` }), 'url'],
        [input({ eventTypes: ['coupon.lost'] }), 'eventTypes'],
        [input({ eventTypes: ['coupon.claimed', 'coupon.claimed'] }), 'eventTypes'],
        [input({ description: 'x'.repeat(201) }), 'description'],
      ];
      for (const [bad, field] of cases) {
        const res = await api.gql(CREATE, { input: bad }, { token: harborOwner });
        expect({ bad, code: errorCode(res), field: res.errors?.[0].extensions?.field }).toEqual({ bad, code: 'BAD_USER_INPUT', field });
      }
      expect(await api.db.webhookEndpoint.count()).toBe(before);
      for (const url of ['http://localhost:8080/hooks', 'http://127.0.0.1:9/hooks']) {
        const { endpoint } = data<Created>(await api.gql(CREATE, { input: input({ url, enabled: false }) }, { token: harborOwner }), 'createWebhookEndpoint');
        expect(endpoint.url).toBe(url);
      }
    });

    it('is for owners and managers of the merchant: others are refused, other tenants see nothing', async () => {
      const { endpoint } = data<Created>(await api.gql(CREATE, { input: input() }, { token: harborOwner }), 'createWebhookEndpoint');
      for (const email of ['marketer@harbor.example', 'clerk@harbor.example', 'admin@nimbus.example', 'admin@mop.local']) {
        const token = await api.login(email);
        expect({ email, code: errorCode(await api.gql(CREATE, { input: input() }, { token })) }).toEqual({ email, code: 'FORBIDDEN' });
      }
      expect(errorCode(await api.gql(GET_ENDPOINT, { id: endpoint.id }, { token: lumenOwner }))).toBe('NOT_FOUND');
      expect(errorCode(await api.gql(ROTATE, { id: endpoint.id }, { token: lumenOwner }))).toBe('NOT_FOUND');
      const lumenList = await api.gql<{ allWebhookEndpoints: Endpoint[] }>('{ allWebhookEndpoints(perPage: 100) { merchantId } }', {}, { token: lumenOwner });
      expect(lumenList.data?.allWebhookEndpoints.every((e) => e.merchantId === DEMO_IDS.merchants.lumen)).toBe(true);
    });
  });

  describe('delivery', () => {
    it("signs what it sends: the owner's new endpoint gets the next event, and its server verifies it", async () => {
      const r = await receiver();
      // Lumen's endpoints were cached empty by an earlier emit: creating one makes the emitter forget them.
      expect(await emit(event(DEMO_IDS.merchants.lumen))).toEqual([]);
      const created = data<Created>(await api.gql(CREATE, { input: { url: r.url, description: 'Books POS', eventTypes: ['coupon.claimed'] } }, { token: lumenOwner }), 'createWebhookEndpoint');
      const claimed = event(DEMO_IDS.merchants.lumen);
      const [deliveryId] = await emit(claimed, event(DEMO_IDS.merchants.lumen, { type: 'coupon.redeemed' }));
      expect(await api.db.webhookDelivery.count({ where: { endpointId: created.endpoint.id } })).toBe(1);

      const settled = await until(deliveryId, 'SUCCEEDED');
      expect(settled).toMatchObject({ attempts: 1, lastError: null });
      expect(settled.deliveredAt).toBeInstanceOf(Date);
      expect(r.requests).toHaveLength(1);
      const [request] = r.requests;
      expect(request.method).toBe('POST');
      expect(request.headers).toMatchObject({ 'content-type': 'application/json', 'x-mop-event': 'coupon.claimed', 'x-mop-delivery': deliveryId });
      const ts = String(request.headers['x-mop-timestamp']);
      expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(30);
      expect(verifyWebhookSignature(created.secret, ts, request.body, String(request.headers['x-mop-signature']))).toBe(true);
      expect(verifyWebhookSignature(created.secret, ts, request.body.replace('cust-42', 'cust-43'), String(request.headers['x-mop-signature']))).toBe(false);
      expect(JSON.parse(request.body)).toEqual({ id: claimed.id, type: 'coupon.claimed', createdAt: claimed.occurredAt.toISOString(), merchantId: DEMO_IDS.merchants.lumen, data: claimed.data });

      const shown = data<Delivery>(await api.gql(GET_DELIVERY, { id: deliveryId }, { token: lumenOwner }), 'WebhookDelivery');
      expect(shown).toMatchObject({ status: 'SUCCEEDED', attempts: 1, replays: 0, endpointUrl: r.url, eventId: claimed.id, eventType: 'coupon.claimed' });
      expect(shown.attemptLog).toEqual([{ attemptNo: 1, startedAt: expect.any(String), durationMs: expect.any(Number), statusCode: 200, error: null, responseBody: 'ok' }]);
      expect(errorCode(await api.gql(GET_DELIVERY, { id: deliveryId }, { token: harborOwner }))).toBe('NOT_FOUND');
      await api.gql(UPDATE, { id: created.endpoint.id, version: 1, input: { enabled: false } }, { token: lumenOwner });
    });

    it('retries with exponential backoff: two failures then 200 make three attempts, SUCCEEDED', async () => {
      const { merchant, receiver: r } = await merchantWithReceiver((n) => (n <= 2 ? { status: 500, body: `down ${n}` } : { status: 204 }));
      const [id] = await emit(event(merchant.id));
      const settled = await until(id, 'SUCCEEDED');
      expect(settled).toMatchObject({ attempts: 3, lastError: null, nextAttemptAt: null });
      const attempts = await attemptsOf(id);
      expect(attempts.map((a) => [a.attemptNo, a.statusCode, a.error, a.responseBody])).toEqual([
        [1, 500, 'HTTP 500', 'down 1'],
        [2, 500, 'HTTP 500', 'down 2'],
        [3, 204, null, null],
      ]);
      for (const a of attempts) expect(a.durationMs).toBeGreaterThanOrEqual(0);
      // 50 ms, then 100 ms (BullMQ's timers may fire a few ms early).
      expect(r.requests[1].at - r.requests[0].at).toBeGreaterThanOrEqual(45);
      expect(r.requests[2].at - r.requests[1].at).toBeGreaterThanOrEqual(95);
      expect(new Set(r.requests.map((q) => q.headers['x-mop-delivery']))).toEqual(new Set([id]));
    });

    it('gives up after the last attempt: FAILED with the last error, every attempt visible', async () => {
      const { merchant, receiver: r } = await merchantWithReceiver(() => ({ status: 503, body: 'x'.repeat(5000) }));
      const [id] = await emit(event(merchant.id));
      const failed = await until(id, 'FAILED');
      expect(failed).toMatchObject({ attempts: config.maxAttempts, lastError: 'HTTP 503', nextAttemptAt: null, deliveredAt: null });
      expect(r.requests).toHaveLength(config.maxAttempts);
      const attempts = await attemptsOf(id);
      expect(attempts.map((a) => a.attemptNo)).toEqual([1, 2, 3, 4]);
      expect(attempts.every((a) => a.statusCode === 503 && a.responseBody?.length === 2048)).toBe(true);
      // The job is over: nothing more arrives.
      await sleep(500);
      expect(r.requests).toHaveLength(config.maxAttempts);
    });

    it('records a refused connection and a receiver that does not answer in time', async () => {
      const merchant = await makeMerchant(api.db);
      const closed = await startReceiver();
      await closed.close();
      const refused = await makeWebhookDelivery(api.db, await makeWebhookEndpoint(api.db, merchant.id, { url: closed.url }));
      await expect(sender.deliver(refused.id, { attempt: 1, of: 2 })).rejects.toBeInstanceOf(WebhookAttemptFailed);
      const pending = await api.db.webhookDelivery.findUniqueOrThrow({ where: { id: refused.id } });
      expect(pending).toMatchObject({ status: 'PENDING', attempts: 1 });
      expect(pending.lastError).toMatch(/ECONNREFUSED/);
      expect(pending.nextAttemptAt?.getTime()).toBeGreaterThan(Date.now() - 1000);
      // Settled by hand: no job retries it, and the sweeper must not either.
      await api.db.webhookDelivery.update({ where: { id: refused.id }, data: { status: 'FAILED' } });

      const { endpoint } = await merchantWithReceiver(() => 'hang');
      const slow = await makeWebhookDelivery(api.db, endpoint);
      await expect(sender.deliver(slow.id, { attempt: 1, of: 1 })).rejects.toThrow('No answer within 1000 ms.');
      const [attempt] = await attemptsOf(slow.id);
      expect(attempt).toMatchObject({ attemptNo: 1, statusCode: null, error: 'No answer within 1000 ms.' });
      expect(attempt.durationMs).toBeGreaterThanOrEqual(900);
      expect(await api.db.webhookDelivery.findUniqueOrThrow({ where: { id: slow.id } })).toMatchObject({ status: 'FAILED', lastError: 'No answer within 1000 ms.' });
    });

    it('marks a delivery to a disabled endpoint FAILED without sending it', async () => {
      const { merchant, receiver: r, endpoint } = await merchantWithReceiver();
      const ids = await api.db.$transaction((tx) => events.emit(tx, [event(merchant.id)]));
      await api.db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: false } });
      await events.dispatch(ids);
      const failed = await until(ids[0], 'FAILED');
      expect(failed).toMatchObject({ attempts: 0, lastError: 'Not sent: the endpoint is disabled.' });
      expect(r.requests).toHaveLength(0);
    });
  });

  describe('replay', () => {
    it('sends a failed delivery again as a new job, continuing its attempt log, and audits it', async () => {
      let healthy = false;
      const r = await receiver(() => (healthy ? { status: 200, body: 'thanks' } : { status: 500 }));
      const created = data<Created>(await api.gql(CREATE, { input: { url: r.url, eventTypes: [] } }, { token: harborOwner }), 'createWebhookEndpoint');
      const delivery = await makeWebhookDelivery(api.db, created.endpoint);
      await events.dispatch([delivery.id]);
      await until(delivery.id, 'FAILED');
      expect(r.requests).toHaveLength(config.maxAttempts);

      healthy = true;
      const replayed = data<Delivery>(await api.gql(REPLAY, { id: delivery.id }, { token: harborOwner }), 'replayWebhookDelivery');
      expect(replayed).toMatchObject({ status: 'PENDING', replays: 1, lastError: null });
      expect(await queue.getJob(`${delivery.id}:replay:1`)).toBeDefined();
      const settled = await until(delivery.id, 'SUCCEEDED');
      expect(settled).toMatchObject({ attempts: config.maxAttempts + 1, replays: 1 });
      const shown = data<Delivery>(await api.gql(GET_DELIVERY, { id: delivery.id }, { token: harborOwner }), 'WebhookDelivery');
      expect(shown.attemptLog.map((a) => [a.attemptNo, a.statusCode])).toEqual([[1, 500], [2, 500], [3, 500], [4, 500], [5, 200]]);
      const last = r.requests[r.requests.length - 1];
      expect(verifyWebhookSignature(created.secret, String(last.headers['x-mop-timestamp']), last.body, String(last.headers['x-mop-signature']))).toBe(true);

      const audit = await api.db.auditEvent.findMany({ where: { subjectId: delivery.id } });
      expect(audit.map((a) => [a.action, a.merchantId])).toEqual([['webhook-delivery.replay', DEMO_IDS.merchants.harbor]]);
      expect(audit[0].changes).toMatchObject({ status: { from: 'FAILED', to: 'PENDING' }, replay: 1 });

      // A delivered one may be sent again too (the merchant lost it), under the next job id.
      const again = data<Delivery>(await api.gql(REPLAY, { id: delivery.id }, { token: harborOwner }), 'replayWebhookDelivery');
      expect(again.replays).toBe(2);
      await until(delivery.id, 'SUCCEEDED');
      expect(await queue.getJob(`${delivery.id}:replay:2`)).toBeDefined();
      await api.gql(UPDATE, { id: created.endpoint.id, version: 1, input: { enabled: false } }, { token: harborOwner });
    });

    it('refuses a delivery still being sent, or to a disabled endpoint, with CONFLICT and changes nothing', async () => {
      const merchant = await makeMerchant(api.db);
      const endpoint = await makeWebhookEndpoint(api.db, merchant.id);
      const pending = await makeWebhookDelivery(api.db, endpoint);
      const admin = await api.login('admin@mop.local');
      const res = await api.gql(REPLAY, { id: pending.id }, { token: admin });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PENDING' });
      const disabled = await makeWebhookEndpoint(api.db, merchant.id, { enabled: false });
      const failed = await makeWebhookDelivery(api.db, disabled, { status: 'FAILED', attempts: 8 });
      expect((await api.gql(REPLAY, { id: failed.id }, { token: admin })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ENDPOINT_DISABLED' });
      expect(await api.db.webhookDelivery.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: 'FAILED', replays: 0 });
      expect(await api.db.auditEvent.count({ where: { subjectId: { in: [pending.id, failed.id] } } })).toBe(0);
      await api.db.webhookDelivery.update({ where: { id: pending.id }, data: { status: 'FAILED' } });
    });
  });

  describe('emission', () => {
    it('records one delivery per endpoint however often the same event is emitted, and honours event types', async () => {
      const merchant = await makeMerchant(api.db);
      const r = await receiver();
      const all = await makeWebhookEndpoint(api.db, merchant.id, { url: r.url });
      const claims = await makeWebhookEndpoint(api.db, merchant.id, { url: r.url, eventTypes: ['coupon.claimed'] });
      await makeWebhookEndpoint(api.db, merchant.id, { url: r.url, eventTypes: ['coupon.redeemed'] });
      await makeWebhookEndpoint(api.db, merchant.id, { url: r.url, enabled: false });
      const claimed = event(merchant.id);

      const first = await emit(claimed);
      expect(first).toHaveLength(2);
      expect(await emit(claimed)).toEqual([]);
      // Dispatching the same deliveries again makes no second job either.
      await events.dispatch(first);
      for (const id of first) await until(id, 'SUCCEEDED');
      const rows = await api.db.webhookDelivery.findMany({ where: { eventId: claimed.id } });
      expect(rows.map((d) => d.endpointId).sort()).toEqual([all.id, claims.id].sort());
      await sleep(200);
      expect(r.requests).toHaveLength(2);
      expect(r.requests.map((q) => q.headers['x-mop-delivery']).sort()).toEqual([...first].sort());
    });
  });

  describe('sweeper', () => {
    it('re-enqueues an overdue PENDING delivery whose job vanished, once', async () => {
      const { receiver: r, endpoint } = await merchantWithReceiver();
      const lost = await makeWebhookDelivery(api.db, endpoint, { nextAttemptAt: new Date(Date.now() - 5 * 60_000) });
      const recent = await makeWebhookDelivery(api.db, endpoint, { nextAttemptAt: new Date(Date.now() - 10_000) });
      expect(await queue.getJob(lost.id)).toBeUndefined();

      const requeued = await sweeper.sweep();
      expect(requeued).toBeGreaterThanOrEqual(1);
      expect(await queue.getJob(lost.id)).toBeDefined();
      // A second sweeper (another worker, the next minute) finds the job there or the delivery settled.
      await sweeper.sweep();
      await until(lost.id, 'SUCCEEDED');
      await sleep(200);
      expect(r.requests.map((q) => q.headers['x-mop-delivery'])).toEqual([lost.id]);
      // Not yet a minute late: left alone (its job may just be busy).
      expect((await api.db.webhookDelivery.findUniqueOrThrow({ where: { id: recent.id } })).status).toBe('PENDING');
      await api.db.webhookDelivery.update({ where: { id: recent.id }, data: { status: 'FAILED' } });
    });

    it('leaves a delivery whose job is waiting, and replaces a job that ended without settling it', async () => {
      const { receiver: r, endpoint } = await merchantWithReceiver();
      const overdue = new Date(Date.now() - 5 * 60_000);
      const waiting = await makeWebhookDelivery(api.db, endpoint, { nextAttemptAt: overdue });
      const job = deliveryJob(waiting, config);
      await queue.add(job.name, job.data, { ...job.opts, delay: 60_000 });

      // A job that completed while its delivery was (wrongly) settled; the row says PENDING again.
      const ended = await makeWebhookDelivery(api.db, endpoint, { status: 'SUCCEEDED' });
      await events.dispatch([ended.id]);
      const deadline = Date.now() + 10_000;
      while ((await (await queue.getJob(ended.id))?.getState()) !== 'completed' && Date.now() < deadline) await sleep(25);
      await api.db.webhookDelivery.update({ where: { id: ended.id }, data: { status: 'PENDING', nextAttemptAt: overdue } });

      await sweeper.sweep();
      await until(ended.id, 'SUCCEEDED');
      expect(await (await queue.getJob(waiting.id))?.getState()).toBe('delayed');
      expect(r.requests.map((q) => q.headers['x-mop-delivery'])).toEqual([ended.id]);
      await (await queue.getJob(waiting.id))?.remove();
      await api.db.webhookDelivery.update({ where: { id: waiting.id }, data: { status: 'FAILED' } });
    });
  });
});
