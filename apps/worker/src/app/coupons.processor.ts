import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { BulkIssueRunner, CouponCounterSync, CouponExpiryService, couponJobHandlers } from '@mop/coupons';
import { assertAllHandled, JobName, type JobHandlers, type JobPayloads, type JobRun, QueueName } from '@mop/queues';

/** A bulk issue run may take minutes: expiry, reconciliation and other runs go on beside it. */
const CONCURRENCY = 4;

@Processor(QueueName.Coupons, { concurrency: CONCURRENCY })
export class CouponsProcessor extends WorkerHost {
  private readonly logger = new Logger(CouponsProcessor.name);
  private readonly handlers: JobHandlers;

  constructor(runner: BulkIssueRunner, expiry: CouponExpiryService, counters: CouponCounterSync) {
    super();
    this.handlers = couponJobHandlers(runner, expiry, counters);
    assertAllHandled(QueueName.Coupons, this.handlers);
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName] as ((p: JobPayloads[JobName], run: JobRun) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    return handler(job.data, job);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error) {
    this.logger.error(`job ${job?.name}#${job?.id} failed (attempt ${job?.attemptsMade} of ${job?.opts.attempts ?? 1}): ${error.message}`);
  }
}
