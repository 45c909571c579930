import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { assertAllHandled, JobName, type JobHandlers, type JobPayloads, type JobRun, QueueName } from '@mop/queues';
import { webhookJobHandlers, WebhookSender, WebhookSweeper } from '@mop/webhooks';

/** Sending waits on merchants' servers, not on this process: several deliveries run at once. */
const CONCURRENCY = 10;

@Processor(QueueName.Webhooks, { concurrency: CONCURRENCY })
export class WebhooksProcessor extends WorkerHost {
  private readonly logger = new Logger(WebhooksProcessor.name);
  private readonly handlers: JobHandlers;

  constructor(sender: WebhookSender, sweeper: WebhookSweeper) {
    super();
    this.handlers = webhookJobHandlers(sender, sweeper);
    assertAllHandled(QueueName.Webhooks, this.handlers);
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName] as ((p: JobPayloads[JobName], run: JobRun) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    return handler(job.data, job);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error) {
    // Each failed attempt is already logged and recorded by the sender; this marks giving up.
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) this.logger.warn(`job ${job.name}#${job.id} gave up after ${job.attemptsMade} attempts: ${error.message}`);
  }
}
