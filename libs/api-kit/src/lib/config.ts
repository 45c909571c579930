/**
 * Every setting the server reads, with its default. README.md's configuration table lists the same.
 */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string;
  redisUrl: string;
  /** Prefix of every Redis key and BullMQ queue: lets several stacks (and tests) share one Redis. */
  redisPrefix: string;
  session: { idleMinutes: number; absoluteHours: number; cookieName: string; cookieSecure: boolean };
  login: { maxFailures: number; windowMinutes: number; maxFailuresPerIp: number; maxSignUpsPerIp: number };
  graphql: { maxDepth: number; maxCost: number; introspection: boolean };
  /** Deliveries to merchants' endpoints: the n-th retry waits `backoffMs × 2^(n−1)`. */
  webhooks: { timeoutMs: number; maxAttempts: number; backoffMs: number };
  /**
   * Bench only: `rowlock` switches claims to the plain row-lock design (one transaction decrementing the
   * stock row) that `npm run bench -- coupons` measures as its baseline. Never set it in production.
   */
  couponClaimMode: 'admission' | 'rowlock';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const mode = env['NODE_ENV'] === 'production' ? 'production' : env['NODE_ENV'] === 'test' ? 'test' : 'development';
  const num = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
    return value;
  };
  const bool = (name: string, fallback: boolean) => {
    const raw = env[name];
    return raw === undefined || raw === '' ? fallback : raw === 'true' || raw === '1';
  };
  return {
    env: mode,
    host: env['HOST'] ?? '127.0.0.1',
    port: num('PORT', 3000),
    databaseUrl: env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/mop',
    redisUrl: env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    redisPrefix: env['REDIS_PREFIX'] ?? 'mop',
    session: {
      idleMinutes: num('SESSION_IDLE_MINUTES', 30),
      absoluteHours: num('SESSION_ABSOLUTE_HOURS', 12),
      cookieName: 'mop_session',
      cookieSecure: bool('COOKIE_SECURE', mode === 'production'),
    },
    login: {
      maxFailures: num('LOGIN_MAX_FAILURES', 5),
      windowMinutes: num('LOGIN_WINDOW_MINUTES', 15),
      maxFailuresPerIp: num('LOGIN_MAX_FAILURES_PER_IP', 50),
      maxSignUpsPerIp: num('SIGN_UP_MAX_PER_IP_PER_HOUR', 20),
    },
    graphql: {
      maxDepth: num('GRAPHQL_MAX_DEPTH', 8),
      maxCost: num('GRAPHQL_MAX_COST', 5000),
      introspection: bool('GRAPHQL_INTROSPECTION', mode !== 'production'),
    },
    couponClaimMode: env['COUPON_CLAIM_MODE'] === 'rowlock' ? 'rowlock' : 'admission',
    webhooks: {
      timeoutMs: num('WEBHOOK_TIMEOUT_MS', 10_000),
      maxAttempts: num('WEBHOOK_MAX_ATTEMPTS', 8),
      backoffMs: num('WEBHOOK_BACKOFF_MS', 30_000),
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
export const REDIS = Symbol('REDIS');
