import type { JobsOptions } from 'bullmq';
import { JobName, type JobPayloads } from '@mop/queues';

/** Delivery settings (`loadConfig().webhooks`): timeout, attempts per job, base of the exponential backoff. */
export interface WebhookConfig {
  timeoutMs: number;
  maxAttempts: number;
  backoffMs: number;
}

export const WEBHOOK_CONFIG = Symbol('WEBHOOK_CONFIG');

/**
 * A delivery's current job: its own id at first, `<id>:replay:<n>` after the n-th replay. Derived from
 * the row, so enqueuing it again (the sweeper, a retried dispatch) never makes a second job.
 */
export function deliveryJobId(delivery: { id: string; replays: number }): string {
  return delivery.replays > 0 ? `${delivery.id}:replay:${delivery.replays}` : delivery.id;
}

/** The wait before the retry that follows failed attempt `attempt` of a job (BullMQ's exponential backoff). */
export function retryDelayMs(config: Pick<WebhookConfig, 'backoffMs'>, attempt: number): number {
  return Math.round(2 ** (attempt - 1) * config.backoffMs);
}

/** The job that sends a delivery: retried with exponential backoff, kept a while for de-duplication. */
export function deliveryJob(delivery: { id: string; replays: number }, config: WebhookConfig): { name: JobName.DeliverWebhook; data: JobPayloads[JobName.DeliverWebhook]; opts: JobsOptions } {
  return {
    name: JobName.DeliverWebhook,
    data: { deliveryId: delivery.id },
    opts: {
      jobId: deliveryJobId(delivery),
      attempts: config.maxAttempts,
      backoff: { type: 'exponential', delay: config.backoffMs },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
    },
  };
}
