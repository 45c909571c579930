/**
 * Webhooks: Harbor Coffee's owner adds an endpoint pointing at a server this test runs, sees its
 * signing secret once, and watches coupon events arrive signed (the server checks the signature as
 * a merchant's would). When the server fails, the deliveries page shows every attempt, and the owner
 * sends the delivery again by hand. Then the secret is rotated and the endpoint deleted.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import type { BrowserContext, Page } from 'playwright-core';
import { type WebhookConfig, type WebhookEvent, WebhookEventService } from '@mop/webhooks';
import { login, newPage, screenshot, switchLanguage, visibleMenu, waitForText } from './support/console';
import { startStack, type Stack } from './support/stack';

const OWNER = 'owner@harbor.example';
const HARBOR = '20000000-0000-4000-8000-000000000001';
const SECRET_SHAPE = /^whsec_[A-Za-z0-9_-]{43}$/;
/** Quick retries, so a failing endpoint runs out of attempts within a couple of seconds. */
const WEBHOOKS: WebhookConfig = { timeoutMs: 5000, maxAttempts: 3, backoffMs: 200 };

let step = 0;
const shot = (page: Page, name: string) => screenshot(page, `webhooks-${String(++step).padStart(2, '0')}-${name}`);
/** Lets a dialog finish fading in before its picture is taken. */
const settle = (page: Page) => page.waitForTimeout(400);

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** The merchant's server: answers 200 or 500 as the test says, and keeps every request. */
class Receiver {
  readonly requests: Received[] = [];
  failing = false;
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = this.failing ? 500 : 200;
      this.requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status, { 'content-type': 'application/json' }).end(this.failing ? '{"error":"database is down"}' : '{"received":true}');
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/mop/webhooks`;
  }

  async until(count: number, timeoutMs = 30_000): Promise<Received[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.requests.length < count) {
      if (Date.now() > deadline) throw new Error(`the receiver got ${this.requests.length} requests, not ${count}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return this.requests;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** What the merchant's server does with a request, written from the README (not the platform's helper). */
function verify(secret: string, request: Received): boolean {
  const timestamp = String(request.headers['x-mop-timestamp']);
  const hex = createHmac('sha256', secret).update(`${timestamp}.`).update(request.body).digest('hex');
  const expected = Buffer.from(`v1=${hex}`);
  const signed = String(request.headers['x-mop-signature'] ?? '')
    .split(',')
    .some((entry) => {
      const given = Buffer.from(entry.trim());
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  return signed && Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300;
}

describe('console: webhooks', () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;
  let queue: Queue;
  let events: WebhookEventService;
  const receiver = new Receiver();
  const pageErrors: string[] = [];
  const unexpectedErrors: string[] = [];

  beforeAll(async () => {
    const env = { WEBHOOK_BACKOFF_MS: String(WEBHOOKS.backoffMs), WEBHOOK_MAX_ATTEMPTS: String(WEBHOOKS.maxAttempts) };
    stack = await startStack({ worker: true, env });
    const redis = new URL(stack.redisUrl);
    queue = new Queue('webhooks', { prefix: stack.redisPrefix, connection: { host: redis.hostname, port: Number(redis.port || 6379) } });
    // A coupon service's emitter, on the stack's database and queues: the worker sends what it records.
    events = new WebhookEventService(stack.database.db, queue, WEBHOOKS);
    ({ context, page } = await newPage(stack));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('response', async (response) => {
      if (!response.url().endsWith('/graphql')) return;
      const body = await response.text().catch(() => '');
      if (body.includes('"errors"')) unexpectedErrors.push(`${response.request().postData()?.slice(0, 300)} → ${body.slice(0, 500)}`);
    });
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await queue?.close();
    await receiver.stop().catch(() => undefined);
    await stack?.stop();
  });

  it('the Harbor owner adds an endpoint, receives signed events, sees failed attempts and replays one', async () => {
    try {
      await walkThrough();
    } catch (error) {
      await screenshot(page, 'webhooks-failed').catch(() => undefined);
      const errors = [...pageErrors, ...unexpectedErrors];
      if (errors.length) (error as Error).message += `\nIn the browser:\n${errors.join('\n').slice(0, 4000)}`;
      throw error;
    }
    expect(pageErrors).toEqual([]);
    expect(unexpectedErrors).toEqual([]);
  });

  /** Records a coupon event for Harbor the way the coupon services do: in a transaction, enqueued after it. */
  async function emit(type: WebhookEvent['type'], data: Record<string, unknown>): Promise<string> {
    const event: WebhookEvent = { id: `${type}:${randomBytes(6).toString('hex')}`, type, merchantId: HARBOR, occurredAt: new Date(), data };
    const ids = await stack.database.db.$transaction((tx) => events.emit(tx, [event]));
    expect(ids).toHaveLength(1);
    await events.dispatch(ids);
    return ids[0];
  }

  async function deliveryStatus(id: string, status: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const row = await stack.database.db.webhookDelivery.findUniqueOrThrow({ where: { id } });
      if (row.status === status) return;
      if (Date.now() > deadline) throw new Error(`delivery ${id} is ${row.status} (${row.lastError}), not ${status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function walkThrough() {
    const url = await receiver.start();

    // 1. Webhooks sits in the owner's menu (no product needed); the list starts empty.
    await login(page, OWNER);
    expect(await visibleMenu(page)).toContain('WebhookEndpoint');
    await waitForText(page, 'menu-WebhookEndpoint', 'Webhooks');
    await page.getByTestId('menu-WebhookEndpoint').click();
    await page.getByTestId('webhook-new-empty').waitFor();
    await shot(page, 'endpoints-empty');

    // 2. The form: a plain-http URL elsewhere than this machine is refused before sending.
    await page.getByTestId('webhook-new-empty').click();
    await page.getByTestId('webhook-url').fill('http://pos.harbor.example/hooks');
    await page.getByTestId('webhook-description').fill('Loyalty service');
    await page.getByTestId('webhook-event-coupon.claimed').click();
    await page.getByTestId('webhook-event-coupon.redeemed').click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Enter an https URL').first().waitFor();
    await page.getByTestId('webhook-url').fill(url);
    await shot(page, 'create-form');
    await page.getByRole('button', { name: 'Save' }).click();

    // 3. The signing secret, once.
    await page.getByTestId('webhook-secret-dialog').waitFor();
    const secret = await page.getByTestId('webhook-secret').inputValue();
    expect(secret).toMatch(SECRET_SHAPE);
    await waitForText(page, 'webhook-secret-once', /will not see it again/i);
    await settle(page);
    await shot(page, 'secret-once');
    await page.getByTestId('webhook-secret-done').click();
    await page.getByTestId('webhook-secret-dialog').waitFor({ state: 'detached' });
    const row = page.locator('tr', { hasText: url });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Coupon claimed.*Coupon redeemed/);
    await row.getByTestId('webhook-endpoint-enabled').waitFor();
    expect(await page.content()).not.toContain(secret);
    await shot(page, 'endpoints-list');

    // 4. A claim arrives signed; the merchant's server verifies it.
    const claimed = await emit('coupon.claimed', { couponCode: 'HC-7Q2M-9XKD', customerRef: 'member-1042', stockName: 'Latte 5 off' });
    const [first] = await receiver.until(1);
    expect(first.headers['x-mop-event']).toBe('coupon.claimed');
    expect(first.headers['x-mop-delivery']).toBe(claimed);
    expect(verify(secret, first)).toBe(true);
    expect(verify(secret, { ...first, body: first.body.replace('member-1042', 'member-1043') })).toBe(false);
    expect(JSON.parse(first.body)).toMatchObject({ type: 'coupon.claimed', merchantId: HARBOR, data: { customerRef: 'member-1042' } });
    await deliveryStatus(claimed, 'SUCCEEDED');

    await page.getByTestId('webhooks-tab-deliveries').click();
    const claimedRow = page.locator('tr', { hasText: 'Coupon claimed' });
    await claimedRow.getByTestId('status-SUCCEEDED').waitFor();
    await shot(page, 'deliveries-succeeded');

    // 5. The server fails: three attempts with growing waits, then FAILED, each attempt listed.
    receiver.failing = true;
    const redeemed = await emit('coupon.redeemed', { couponCode: 'HC-7Q2M-9XKD', orderRef: 'POS-88121', amount: 500, currency: 'CNY' });
    await receiver.until(1 + WEBHOOKS.maxAttempts);
    await deliveryStatus(redeemed, 'FAILED');
    await page.reload();
    const redeemedRow = page.locator('tr', { hasText: 'Coupon redeemed' });
    await redeemedRow.getByTestId('status-FAILED').waitFor();
    expect(await redeemedRow.textContent()).toContain('HTTP 500');
    expect(await redeemedRow.getByTestId('webhook-delivery-attempts').textContent()).toBe(String(WEBHOOKS.maxAttempts));
    await shot(page, 'deliveries-failed');

    await redeemedRow.click();
    await page.getByTestId('webhook-delivery-show').waitFor();
    await page.getByTestId('webhook-attempts').waitFor();
    expect(await page.getByTestId('webhook-attempt').count()).toBe(WEBHOOKS.maxAttempts);
    expect(await page.locator('[data-testid="webhook-attempt"][data-status="500"]').count()).toBe(WEBHOOKS.maxAttempts);
    expect(await page.getByTestId('webhook-attempts').textContent()).toContain('database is down');
    await waitForText(page, 'webhook-delivery-payload', 'POS-88121');
    await shot(page, 'delivery-failed-attempts');

    // 6. The server is fixed; the owner sends the delivery again and the page follows it to success.
    receiver.failing = false;
    await page.getByTestId('webhook-replay').click();
    await page.getByTestId('webhook-replay-confirm').click();
    await page.getByTestId('webhook-replay-confirm').waitFor({ state: 'detached' });
    await page.getByTestId('webhook-delivery-show').getByTestId('status-SUCCEEDED').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="webhook-attempt"][data-status="200"]').waitFor();
    expect(await page.getByTestId('webhook-attempt').count()).toBe(WEBHOOKS.maxAttempts + 1);
    await waitForText(page, 'webhook-delivery-attempt-count', /sent again 1/);
    const replayed = receiver.requests[receiver.requests.length - 1];
    expect(replayed.headers['x-mop-delivery']).toBe(redeemed);
    expect(verify(secret, replayed)).toBe(true);
    await shot(page, 'delivery-replayed');

    // 7. In Chinese.
    await switchLanguage(page, 'zh-CN');
    await waitForText(page, 'menu-WebhookEndpoint', 'Webhook');
    await page.getByTestId('webhook-replay').waitFor();
    await waitForText(page, 'webhook-replay', '重新发送');
    await shot(page, 'delivery-zh');
    await page.getByTestId('menu-WebhookEndpoint').click();
    await page.getByTestId('webhooks-tab-deliveries').click();
    await page.locator('tr', { hasText: '优惠券已核销' }).getByTestId('status-SUCCEEDED').waitFor();
    await shot(page, 'deliveries-zh');
    await switchLanguage(page, 'en');

    // 8. Rotate the secret (a new one, once): the next event is signed with it, not the old one.
    await page.getByTestId('webhooks-tab-endpoints').click();
    await page.waitForURL(/\/WebhookEndpoint$/);
    await page.getByTestId('webhook-endpoint-url').filter({ hasText: url }).click();
    await page.getByTestId('webhook-rotate').waitFor();
    await shot(page, 'edit');
    await page.getByTestId('webhook-rotate').click();
    await page.getByTestId('webhook-rotate-confirm').click();
    await page.getByTestId('webhook-secret-dialog').waitFor();
    const rotated = await page.getByTestId('webhook-secret').inputValue();
    expect(rotated).toMatch(SECRET_SHAPE);
    expect(rotated).not.toBe(secret);
    await settle(page);
    await shot(page, 'secret-rotated');
    await page.getByTestId('webhook-secret-done').click();
    const count = receiver.requests.length;
    await emit('coupon.claimed', { couponCode: 'HC-3B8W-1LPA', customerRef: 'member-2077' });
    const [afterRotation] = (await receiver.until(count + 1)).slice(count);
    expect(verify(rotated, afterRotation)).toBe(true);
    expect(verify(secret, afterRotation)).toBe(false);

    // 9. Delete, after confirming: the list is empty again.
    await page.getByTestId('webhook-delete').click();
    await settle(page);
    await shot(page, 'delete-confirm');
    await page.getByTestId('webhook-delete-confirm').click();
    await page.getByTestId('webhook-new-empty').waitFor();
    expect(await stack.database.db.webhookEndpoint.count({ where: { merchantId: HARBOR } })).toBe(0);
    await shot(page, 'deleted');
  }
});
