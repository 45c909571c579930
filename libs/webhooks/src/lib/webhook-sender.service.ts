import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Db, PRISMA } from '@mop/data-access';
import { retryDelayMs, WEBHOOK_CONFIG, type WebhookConfig } from './webhook-jobs';
import { WEBHOOK_HEADERS, webhookSignatureHeader } from './webhook-signature';

/** How much of a receiver's answer is kept with the attempt. */
export const RESPONSE_EXCERPT_BYTES = 2048;

export type DeliveryOutcome = 'SUCCEEDED' | 'FAILED' | 'RETRYING' | 'SKIPPED';

/** Which try of its job a run is: the last one settles the delivery as FAILED instead of retrying. */
export interface DeliveryRun {
  attempt: number;
  of: number;
}

/** Thrown when an attempt failed and the job has tries left: BullMQ retries it after the backoff. */
export class WebhookAttemptFailed extends Error {
  override readonly name = 'WebhookAttemptFailed';
}

interface AttemptResult {
  statusCode: number | null;
  responseBody: string | null;
  error: string | null;
  durationMs: number;
}

/**
 * Sends one delivery to its endpoint, signed, and records the attempt. The delivery row is the truth:
 * a job for a delivery that is no longer PENDING sends nothing (a duplicate job, a replay racing a
 * retry), and each attempt takes the next number from the row, so replays continue the same log.
 */
@Injectable()
export class WebhookSender {
  private readonly logger = new Logger(WebhookSender.name);

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(WEBHOOK_CONFIG) private readonly config: WebhookConfig,
  ) {}

  async deliver(deliveryId: string, run: DeliveryRun): Promise<DeliveryOutcome> {
    const delivery = await this.db.webhookDelivery.findUnique({
      where: { id: deliveryId },
      select: { id: true, merchantId: true, eventType: true, payload: true, status: true, endpoint: { select: { url: true, secret: true, enabled: true } } },
    });
    // Gone with its endpoint (deleting an endpoint deletes its deliveries), or already settled.
    if (!delivery || delivery.status !== 'PENDING') return 'SKIPPED';
    if (!delivery.endpoint.enabled) {
      const { count } = await this.db.webhookDelivery.updateMany({
        where: { id: deliveryId, status: 'PENDING' },
        data: { status: 'FAILED', lastError: 'Not sent: the endpoint is disabled.', nextAttemptAt: null },
      });
      return count ? 'FAILED' : 'SKIPPED';
    }

    const attemptNo = await this.db.$transaction(async (tx) => {
      const [claimed] = await tx.webhookDelivery.updateManyAndReturn({
        where: { id: deliveryId, status: 'PENDING' },
        data: { attempts: { increment: 1 } },
        select: { attempts: true },
      });
      if (!claimed) return null;
      await tx.webhookAttempt.create({ data: { merchantId: delivery.merchantId, deliveryId, attemptNo: claimed.attempts } });
      return claimed.attempts;
    });
    if (attemptNo === null) return 'SKIPPED';

    const result = await this.send(delivery.id, delivery.eventType, delivery.payload, delivery.endpoint);
    const succeeded = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const final = run.attempt >= run.of;
    const lastError = succeeded ? null : (result.error ?? `HTTP ${result.statusCode}`);
    const now = new Date();
    await this.db.$transaction([
      this.db.webhookAttempt.update({
        where: { deliveryId_attemptNo: { deliveryId, attemptNo } },
        data: { durationMs: result.durationMs, statusCode: result.statusCode, responseBody: result.responseBody, error: succeeded ? null : lastError },
      }),
      this.db.webhookDelivery.updateMany({
        where: { id: deliveryId, status: 'PENDING' },
        data: succeeded
          ? { status: 'SUCCEEDED', deliveredAt: now, lastError: null, nextAttemptAt: null }
          : final
            ? { status: 'FAILED', lastError, nextAttemptAt: null }
            : { lastError, nextAttemptAt: new Date(now.getTime() + retryDelayMs(this.config, run.attempt)) },
      }),
    ]);
    if (succeeded) return 'SUCCEEDED';
    this.logger.warn(`delivery ${deliveryId} attempt ${attemptNo} failed (${run.attempt}/${run.of} of this job): ${lastError}`);
    // The job fails either way; after its last try BullMQ keeps it failed, and the row says FAILED.
    throw new WebhookAttemptFailed(lastError ?? 'failed');
  }

  private async send(deliveryId: string, eventType: string, payload: unknown, endpoint: { url: string; secret: string }): Promise<AttemptResult> {
    const body = JSON.stringify(payload);
    const timestamp = Math.floor(Date.now() / 1000);
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        body,
        // A redirect could lead anywhere: it counts as an answer that is not 2xx.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.timeoutMs),
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'MOP-Webhooks/1',
          [WEBHOOK_HEADERS.event]: eventType,
          [WEBHOOK_HEADERS.delivery]: deliveryId,
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: webhookSignatureHeader(endpoint.secret, timestamp, body),
        },
      });
      const responseBody = await excerpt(response).catch(() => null);
      const redirected = response.status >= 300 && response.status < 400;
      return {
        statusCode: response.status,
        responseBody,
        error: redirected ? `HTTP ${response.status}: redirects are not followed` : null,
        durationMs: elapsed(),
      };
    } catch (err) {
      return { statusCode: null, responseBody: null, error: describeFailure(err, this.config.timeoutMs), durationMs: elapsed() };
    }
  }
}

/** The first bytes of the answer as text (PostgreSQL text holds no NUL); the rest is not read. */
async function excerpt(response: Response): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < RESPONSE_EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const text = Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8').replaceAll('\u0000', '');
  return text || null;
}

/** A network failure in words a merchant can act on (refused, unknown host, timed out…). */
function describeFailure(err: unknown, timeoutMs: number): string {
  const error = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (error?.name === 'TimeoutError' || error?.name === 'AbortError') return `No answer within ${timeoutMs} ms.`;
  const cause = error?.cause;
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ''}`;
  return (error?.message ?? String(err)).slice(0, 500);
}
