import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QueueName } from '@mop/queues';
import { webhookJobHandlers, WebhookSender, WebhookSweeper } from '@mop/webhooks';
import { JobProcessor } from './job-processor';

/** Sending waits on merchants' servers, not on this process: several deliveries run at once. */
const CONCURRENCY = 10;

@Processor(QueueName.Webhooks, { concurrency: CONCURRENCY })
export class WebhooksProcessor extends JobProcessor {
  private readonly logger = new Logger(WebhooksProcessor.name);

  constructor(sender: WebhookSender, sweeper: WebhookSweeper) {
    super(QueueName.Webhooks, webhookJobHandlers(sender, sweeper));
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error) {
    // Each failed attempt is already logged and recorded by the sender; this marks giving up.
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) this.logger.warn(`job ${job.name}#${job.id} gave up after ${job.attemptsMade} attempts: ${error.message}`);
  }
}
