export * from './lib/webhook-event';
export * from './lib/webhook-event.service';
export * from './lib/webhooks.module';
