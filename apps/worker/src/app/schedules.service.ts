import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName, SCHEDULES } from '@mop/queues';

/** Upserts the recurring schedules by id at start: any number of workers keep exactly one of each. */
@Injectable()
export class SchedulesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SchedulesService.name);

  constructor(@InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const s of SCHEDULES) {
      await this.maintenance.upsertJobScheduler(s.id, { every: s.everyMs }, { name: s.name, data: s.data, opts: { removeOnComplete: 100, removeOnFail: 500 } });
      this.logger.log(`schedule ${s.id}: ${s.name} every ${s.everyMs / 60_000} min`);
    }
  }
}
