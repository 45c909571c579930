import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { type Db, PRISMA } from '@mop/data-access';
import { REDIS } from '@mop/api-kit';

/** Liveness says the process serves; readiness says its dependencies answer (for a load balancer). */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready() {
    const [postgres, redis] = await Promise.all([
      this.db.$queryRaw`SELECT 1`.then(() => 'ok', () => 'down'),
      this.redis.ping().then(() => 'ok', () => 'down'),
    ]);
    const body = { status: postgres === 'ok' && redis === 'ok' ? 'ok' : 'unavailable', postgres, redis };
    if (body.status !== 'ok') throw new ServiceUnavailableException(body);
    return body;
  }
}
