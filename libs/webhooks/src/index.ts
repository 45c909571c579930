export * from './lib/webhook-event';
