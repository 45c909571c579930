import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DataAccessModule } from '@mop/data-access';
import { loadConfig } from '@mop/api-kit';
import { QueueName } from '@mop/queues';
import { MaintenanceProcessor } from './maintenance.processor';
import { MaintenanceService } from './maintenance.service';
import { SchedulesService } from './schedules.service';

@Module({
  imports: [
    DataAccessModule,
    BullModule.forRootAsync({
      useFactory: () => {
        const config = loadConfig();
        const url = new URL(config.redisUrl);
        return {
          prefix: config.redisPrefix,
          connection: {
            host: url.hostname,
            port: Number(url.port || 6379),
            username: url.username || undefined,
            password: url.password || undefined,
            db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
            maxRetriesPerRequest: null,
          },
        };
      },
    }),
    BullModule.registerQueue({ name: QueueName.Maintenance }),
  ],
  providers: [MaintenanceService, MaintenanceProcessor, SchedulesService],
})
export class WorkerModule {}
