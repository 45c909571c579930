import { Module } from '@nestjs/common';
import { QueuesModule } from '@mop/queues';
import { WebhookDeliveryResolver } from './webhook-delivery.resolver';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookEndpointResolver } from './webhook-endpoint.resolver';
import { WebhookEndpointService } from './webhook-endpoint.service';

/** The GraphQL side: endpoint settings, deliveries and replays (needs WebhooksModule and the audit trail). */
@Module({
  imports: [QueuesModule],
  providers: [WebhookEndpointService, WebhookEndpointResolver, WebhookDeliveryService, WebhookDeliveryResolver],
})
export class WebhooksApiModule {}
