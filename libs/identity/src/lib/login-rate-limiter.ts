import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig, REDIS, TooManyRequestsError } from '@mop/api-kit';

/**
 * Failed sign-ins are counted per (email, ip) and per ip in Redis, so the limit holds across API
 * instances. Only failures count; a success clears the (email, ip) counter.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly byAccount: RateLimiterRedis;
  private readonly byIp: RateLimiterRedis;
  private readonly signUps: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const duration = config.login.windowMinutes * 60;
    this.byAccount = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.redisPrefix}:login-fail:account`,
      points: config.login.maxFailures,
      duration,
      blockDuration: duration,
    });
    this.byIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.redisPrefix}:login-fail:ip`,
      points: config.login.maxFailuresPerIp,
      duration,
      blockDuration: duration,
    });
    this.signUps = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.redisPrefix}:sign-up:ip`,
      points: config.login.maxSignUpsPerIp,
      duration: 3600,
    });
  }

  /** Counts a sign-up from this address; too many in an hour is TOO_MANY_REQUESTS. */
  async consumeSignUp(ip: string): Promise<void> {
    try {
      await this.signUps.consume(ip);
    } catch (res) {
      if (res instanceof RateLimiterRes) throw tooMany(res, 'Too many sign-ups from this address.');
      throw res;
    }
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [account, byIp] = await Promise.all([this.byAccount.get(accountKey(email, ip)), this.byIp.get(ip)]);
    const blocked = [account, byIp].find((r) => r !== null && r.remainingPoints <= 0 && r.msBeforeNext > 0);
    if (blocked) throw tooMany(blocked);
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([
      this.byAccount.penalty(accountKey(email, ip), 1),
      this.byIp.penalty(ip, 1),
    ]);
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.byAccount.delete(accountKey(email, ip));
  }
}

function accountKey(email: string, ip: string): string {
  return `${email}|${ip}`;
}

function tooMany(res: RateLimiterRes, what = 'Too many failed sign-ins.'): TooManyRequestsError {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return new TooManyRequestsError(`${what} Try again in ${Math.ceil(seconds / 60)} minutes.`, seconds);
}
