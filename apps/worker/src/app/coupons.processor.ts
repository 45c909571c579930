import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { BulkIssueRunner, CouponCounterSync, CouponExpiryService, couponJobHandlers } from '@mop/coupons';
import { QueueName } from '@mop/queues';
import { JobProcessor } from './job-processor';

/** A bulk issue run may take minutes: expiry, reconciliation and other runs go on beside it. */
const CONCURRENCY = 4;

@Processor(QueueName.Coupons, { concurrency: CONCURRENCY })
export class CouponsProcessor extends JobProcessor {
  private readonly logger = new Logger(CouponsProcessor.name);

  constructor(runner: BulkIssueRunner, expiry: CouponExpiryService, counters: CouponCounterSync) {
    super(QueueName.Coupons, couponJobHandlers(runner, expiry, counters));
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error) {
    this.logger.error(`job ${job?.name}#${job?.id} failed (attempt ${job?.attemptsMade} of ${job?.opts.attempts ?? 1}): ${error.message}`);
  }
}
