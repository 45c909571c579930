import type { Logger } from '@nestjs/common';
import type { WebhookEmitter } from '@mop/webhooks';

/**
 * Enqueues webhook deliveries recorded by a committed transaction. The change has happened: a delivery
 * that cannot be enqueued now stays due in the database, and the webhook sweep enqueues it later.
 */
export async function dispatchCommitted(events: WebhookEmitter, deliveries: string[], logger: Logger): Promise<void> {
  if (deliveries.length === 0) return;
  await events.dispatch(deliveries).catch((e: unknown) => logger.error(`enqueueing webhook deliveries failed: ${String(e)}`));
}
