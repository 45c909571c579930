import { JobName, type JobHandlers } from '@mop/queues';
import type { WebhookSender } from './webhook-sender.service';
import type { WebhookSweeper } from './webhook-sweeper.service';

/**
 * The webhooks queue's jobs, for the worker's processor (and tests that run a BullMQ worker of their
 * own). A failed attempt throws, so BullMQ retries the job with exponential backoff until its last try.
 */
export function webhookJobHandlers(sender: WebhookSender, sweeper: WebhookSweeper): JobHandlers {
  return {
    [JobName.DeliverWebhook]: (p, job) => sender.deliver(p.deliveryId, { attempt: job.attemptsMade + 1, of: job.opts.attempts ?? 1 }),
    [JobName.SweepWebhooks]: () => sweeper.sweep(),
  };
}
