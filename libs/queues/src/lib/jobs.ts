/**
 * The queue contracts: one enum of job names, a typed payload per name, and the queue each runs on.
 * Payloads carry ids and settings only — never entities or personal data.
 */
export enum QueueName {
  Maintenance = 'maintenance',
  /** Coupon background work: bulk issue runs, expiry, counter reconciliation. */
  Coupons = 'coupons',
  /** Signed deliveries to merchants' webhook endpoints, retried with backoff. */
  Webhooks = 'webhooks',
}

export enum JobName {
  PurgeSessions = 'sessions.purge',
  PurgeIdempotencyRecords = 'idempotency.purge',
  RunBulkIssue = 'coupons.bulk-issue',
  SweepBulkIssueRuns = 'coupons.bulk-issue-sweep',
  ExpireCoupons = 'coupons.expire',
  ReconcileCouponCounters = 'coupons.reconcile-counters',
  DeliverWebhook = 'webhooks.deliver',
  SweepWebhooks = 'webhooks.sweep',
}

export interface JobPayloads {
  [JobName.PurgeSessions]: { retentionDays: number };
  [JobName.PurgeIdempotencyRecords]: Record<string, never>;
  /** One bulk issue run; the job id is the run id. */
  [JobName.RunBulkIssue]: { runId: string };
  /** Re-enqueues runs left waiting or running without a job (after a crash or a lost Redis). */
  [JobName.SweepBulkIssueRuns]: Record<string, never>;
  [JobName.ExpireCoupons]: Record<string, never>;
  [JobName.ReconcileCouponCounters]: Record<string, never>;
  /** One delivery row of webhook_deliveries; the job id is the delivery id. */
  [JobName.DeliverWebhook]: { deliveryId: string };
  /** Re-enqueues deliveries that are due and have no job (after a crash or a lost Redis). */
  [JobName.SweepWebhooks]: Record<string, never>;
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.PurgeSessions]: QueueName.Maintenance,
  [JobName.PurgeIdempotencyRecords]: QueueName.Maintenance,
  [JobName.RunBulkIssue]: QueueName.Coupons,
  [JobName.SweepBulkIssueRuns]: QueueName.Coupons,
  [JobName.ExpireCoupons]: QueueName.Coupons,
  [JobName.ReconcileCouponCounters]: QueueName.Coupons,
  [JobName.DeliverWebhook]: QueueName.Webhooks,
  [JobName.SweepWebhooks]: QueueName.Webhooks,
};

/** What a handler may know of its job besides the payload (a subset of BullMQ's Job): retries need it. */
export interface JobRun {
  id?: string;
  /** Attempts that already ended in an error; the running one is `attemptsMade + 1`. */
  attemptsMade: number;
  opts: { attempts?: number };
}

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], job: JobRun) => Promise<unknown>;
export type JobHandlers = { [N in JobName]?: JobHandler<N> };

/** The jobs a queue runs: a processor must have a handler for each, or the worker refuses to start. */
export function jobsOf(queue: QueueName): JobName[] {
  return (Object.keys(JOB_QUEUE) as JobName[]).filter((name) => JOB_QUEUE[name] === queue);
}

export function assertAllHandled(queue: QueueName, handlers: JobHandlers): void {
  const missing = jobsOf(queue).filter((name) => !handlers[name]);
  if (missing.length) throw new Error(`Queue "${queue}" has no handler for: ${missing.join(', ')}`);
}

/** Recurring schedules, owned by the worker: upserted by id at start, so N workers keep one schedule. */
export const SCHEDULES = [
  { id: 'purge-sessions', queue: QueueName.Maintenance, name: JobName.PurgeSessions, everyMs: 15 * 60_000, data: { retentionDays: 7 } },
  { id: 'purge-idempotency', queue: QueueName.Maintenance, name: JobName.PurgeIdempotencyRecords, everyMs: 60 * 60_000, data: {} },
  { id: 'expire-coupons', queue: QueueName.Coupons, name: JobName.ExpireCoupons, everyMs: 60_000, data: {} },
  { id: 'reconcile-coupon-counters', queue: QueueName.Coupons, name: JobName.ReconcileCouponCounters, everyMs: 60_000, data: {} },
  { id: 'sweep-bulk-issue-runs', queue: QueueName.Coupons, name: JobName.SweepBulkIssueRuns, everyMs: 60_000, data: {} },
  { id: 'sweep-webhooks', queue: QueueName.Webhooks, name: JobName.SweepWebhooks, everyMs: 60_000, data: {} },
] as const;
