import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { loadConfig } from '@mop/api-kit';
import { QueueName } from './jobs';

const QUEUES = Object.values(QueueName).map((name) => BullModule.registerQueue({ name }));

/**
 * BullMQ on the configured Redis, with every queue registered: the API enqueues (`@InjectQueue`),
 * the worker also processes. Keys and queues carry the configured prefix, so stacks and tests share
 * one Redis without seeing each other's jobs.
 */
@Module({
  imports: [
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
    ...QUEUES,
  ],
  exports: [BullModule],
})
export class QueuesModule {}
