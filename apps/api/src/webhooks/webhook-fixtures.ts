import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db, Prisma, WebhookDeliveryStatus } from '@mop/data-access';
import { newWebhookSecret } from '@mop/webhooks';

/** An endpoint written straight to the database (its secret is on the row). */
export function makeWebhookEndpoint(db: Db, merchantId: string, data: { url?: string; enabled?: boolean; eventTypes?: string[] } = {}) {
  return db.webhookEndpoint.create({
    data: {
      merchantId,
      url: data.url ?? 'https://hooks.example.com/mop',
      secret: newWebhookSecret(),
      enabled: data.enabled ?? true,
      eventTypes: data.eventTypes ?? [],
      description: 'Fixture endpoint',
    },
  });
}

/** A delivery of a made-up coupon event to the endpoint, settled or not (no job is enqueued). */
export function makeWebhookDelivery(
  db: Db,
  endpoint: { id: string; merchantId: string },
  data: { status?: WebhookDeliveryStatus; attempts?: number; nextAttemptAt?: Date | null; eventId?: string } = {},
) {
  const eventId = data.eventId ?? `coupon.claimed:${randomBytes(8).toString('hex')}`;
  const payload = { id: eventId, type: 'coupon.claimed', createdAt: new Date().toISOString(), merchantId: endpoint.merchantId, data: { couponId: 'fixture' } };
  return db.webhookDelivery.create({
    data: {
      merchantId: endpoint.merchantId,
      endpointId: endpoint.id,
      eventId,
      eventType: 'coupon.claimed',
      payload: payload as Prisma.InputJsonValue,
      status: data.status ?? 'PENDING',
      attempts: data.attempts ?? 0,
      nextAttemptAt: data.nextAttemptAt === undefined ? new Date() : data.nextAttemptAt,
      lastError: data.status === 'FAILED' ? 'HTTP 500' : null,
      deliveredAt: data.status === 'SUCCEEDED' ? new Date() : null,
    },
  });
}

export interface ReceivedRequest {
  method: string;
  headers: IncomingHttpHeaders;
  /** The raw body, as the signature covers it. */
  body: string;
  at: number;
}

/** What the receiver answers its n-th request (1-based); 'hang' never answers. */
export type Answer = { status: number; body?: string } | 'hang';

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** Changes what later requests get. */
  answer(fn: (n: number, request: ReceivedRequest) => Answer): void;
  close(): Promise<void>;
}

/** A merchant's server on 127.0.0.1 and a random port, recording every request it gets. */
export async function startReceiver(fn: (n: number, request: ReceivedRequest) => Answer = () => ({ status: 200, body: 'ok' })): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  let respond = fn;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = { method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
      requests.push(request);
      const answer = respond(requests.length, request);
      if (answer === 'hang') return;
      res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    requests,
    answer: (next) => {
      respond = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
