import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, QueueName } from '@mop/queues';
import { JobProcessor } from './job-processor';
import { MaintenanceService } from './maintenance.service';

@Processor(QueueName.Maintenance)
export class MaintenanceProcessor extends JobProcessor {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(maintenance: MaintenanceService) {
    super(QueueName.Maintenance, {
      [JobName.PurgeSessions]: (p) => maintenance.purgeSessions(p.retentionDays),
      [JobName.PurgeIdempotencyRecords]: () => maintenance.purgeIdempotencyRecords(),
    });
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error) {
    this.logger.error(`job ${job?.name}#${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`);
  }
}
