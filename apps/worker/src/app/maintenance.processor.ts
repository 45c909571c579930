import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { assertAllHandled, JobName, type JobHandlers, type JobPayloads, QueueName } from '@mop/queues';
import { MaintenanceService } from './maintenance.service';

@Processor(QueueName.Maintenance)
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);
  private readonly handlers: JobHandlers;

  constructor(private readonly maintenance: MaintenanceService) {
    super();
    this.handlers = {
      [JobName.PurgeSessions]: (p) => this.maintenance.purgeSessions(p.retentionDays),
      [JobName.PurgeIdempotencyRecords]: () => this.maintenance.purgeIdempotencyRecords(),
    };
    assertAllHandled(QueueName.Maintenance, this.handlers);
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName] as ((p: JobPayloads[JobName]) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    return handler(job.data);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error) {
    this.logger.error(`job ${job?.name}#${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`);
  }
}
