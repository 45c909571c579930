import { Module } from '@nestjs/common';
import { ApiKitModule } from '@mop/api-kit';
import { AuditModule } from '@mop/audit';
import { CouponsModule } from '@mop/coupons';
import { DataAccessModule } from '@mop/data-access';
import { QueuesModule } from '@mop/queues';
import { ReviewsModule } from '@mop/reviews';
import { WebhooksModule } from '@mop/webhooks';
import { CouponsProcessor } from './coupons.processor';
import { MaintenanceProcessor } from './maintenance.processor';
import { MaintenanceService } from './maintenance.service';
import { SchedulesService } from './schedules.service';
import { WebhooksProcessor } from './webhooks.processor';

@Module({
  imports: [
    DataAccessModule,
    QueuesModule,
    WebhooksModule,
    // The coupon services run here without HTTP: they need the configuration and Redis (ApiKitModule),
    // and CouponsModule's other providers the audit trail and the review queue.
    ApiKitModule,
    AuditModule,
    ReviewsModule,
    CouponsModule,
  ],
  providers: [MaintenanceService, MaintenanceProcessor, SchedulesService, WebhooksProcessor, CouponsProcessor],
})
export class WorkerModule {}
