import { Global, Module, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, loadConfig, REDIS, type AppConfig } from './config';
import { IdempotencyService } from './idempotency.service';

/** Configuration, the shared Redis connection and the idempotency mechanism for every module. */
@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: () => loadConfig() },
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      // Auto-pipelining: commands issued in the same tick (concurrent claims' admissions) go out in one
      // write and come back in one read.
      useFactory: (config: AppConfig) => new Redis(config.redisUrl, { maxRetriesPerRequest: 3, lazyConnect: false, enableAutoPipelining: true }),
    },
    IdempotencyService,
  ],
  exports: [APP_CONFIG, REDIS, IdempotencyService],
})
export class ApiKitModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
