import { Module } from '@nestjs/common';
import { DataAccessModule } from '@mop/data-access';
import { QueuesModule } from '@mop/queues';
import { MaintenanceProcessor } from './maintenance.processor';
import { MaintenanceService } from './maintenance.service';
import { SchedulesService } from './schedules.service';

@Module({
  imports: [
    DataAccessModule,
    QueuesModule,
  ],
  providers: [MaintenanceService, MaintenanceProcessor, SchedulesService],
})
export class WorkerModule {}
