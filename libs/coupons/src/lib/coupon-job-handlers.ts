import { JobName, type JobHandlers } from '@mop/queues';
import type { BulkIssueRunner } from './bulk-issue.runner';
import type { CouponCounterSync } from './coupon-counter-sync';
import type { CouponExpiryService } from './coupon-expiry.service';

/**
 * The coupons queue's jobs, for the worker's processor (and tests that run a BullMQ worker of their
 * own). A bulk issue run that throws is retried by BullMQ; its last attempt records what still fails.
 */
export function couponJobHandlers(runner: BulkIssueRunner, expiry: CouponExpiryService, counters: CouponCounterSync): JobHandlers {
  return {
    [JobName.RunBulkIssue]: (p, job) => runner.run(p.runId, { finalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) }),
    [JobName.SweepBulkIssueRuns]: () => runner.sweep(),
    [JobName.ExpireCoupons]: () => expiry.expireDue(),
    [JobName.ReconcileCouponCounters]: () => counters.reconcileAll(),
  };
}
