import { WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { assertAllHandled, type JobHandlers, type JobName, type JobPayloads, type JobRun, type QueueName } from '@mop/queues';

/**
 * A queue's processor: a handler for every job of the queue (checked at start, so a worker that misses
 * one refuses to start) and the dispatch by job name. Each queue's processor adds its options and logs.
 */
export abstract class JobProcessor extends WorkerHost {
  protected constructor(
    queue: QueueName,
    private readonly handlers: JobHandlers,
  ) {
    super();
    assertAllHandled(queue, handlers);
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName] as ((p: JobPayloads[JobName], run: JobRun) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    return handler(job.data, job);
  }
}
