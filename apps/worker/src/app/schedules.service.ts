import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { SCHEDULES } from '@mop/queues';

/** Upserts the recurring schedules by id at start: any number of workers keep exactly one of each. */
@Injectable()
export class SchedulesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SchedulesService.name);

  constructor(private readonly modules: ModuleRef) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const s of SCHEDULES) {
      const queue = this.modules.get<Queue>(getQueueToken(s.queue), { strict: false });
      await queue.upsertJobScheduler(s.id, { every: s.everyMs }, { name: s.name, data: s.data, opts: { removeOnComplete: 100, removeOnFail: 500 } });
      this.logger.log(`schedule ${s.id}: ${s.name} every ${s.everyMs / 1000} s on ${s.queue}`);
    }
  }
}
