export * from './lib/jobs';
export * from './lib/queues.module';
