import { Global, Module } from '@nestjs/common';
import { QueuesModule } from '@mop/queues';
import { WEBHOOK_EMITTER } from './webhook-event';
import { WebhookEventService } from './webhook-event.service';

/** Global: every feature that emits events injects `WEBHOOK_EMITTER`. */
@Global()
@Module({
  imports: [QueuesModule],
  providers: [WebhookEventService, { provide: WEBHOOK_EMITTER, useExisting: WebhookEventService }],
  exports: [WEBHOOK_EMITTER, WebhookEventService],
})
export class WebhooksModule {}
