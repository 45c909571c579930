import { Global, Module } from '@nestjs/common';
import { loadConfig } from '@mop/api-kit';
import { QueuesModule } from '@mop/queues';
import { WEBHOOK_EMITTER } from './webhook-event';
import { WebhookEventService } from './webhook-event.service';
import { WEBHOOK_CONFIG } from './webhook-jobs';
import { WebhookSender } from './webhook-sender.service';
import { WebhookSweeper } from './webhook-sweeper.service';

/**
 * Global: every feature that emits events injects `WEBHOOK_EMITTER`; the worker's webhooks processor
 * takes the sender and the sweeper. Nothing here needs a request (the GraphQL side is WebhooksApiModule).
 */
@Global()
@Module({
  imports: [QueuesModule],
  providers: [
    { provide: WEBHOOK_CONFIG, useFactory: () => loadConfig().webhooks },
    WebhookEventService,
    { provide: WEBHOOK_EMITTER, useExisting: WebhookEventService },
    WebhookSender,
    WebhookSweeper,
  ],
  exports: [WEBHOOK_EMITTER, WEBHOOK_CONFIG, WebhookEventService, WebhookSender, WebhookSweeper],
})
export class WebhooksModule {}
