import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig, REDIS } from '@mop/api-kit';
import { type Db, PRISMA, type Tx } from '@mop/data-access';
import { amountPerCoupon } from './coupon-stock.rules';
import { dayIn } from './day';

/**
 * The claim admission: Redis holds, per stock, how many coupons may still be handed out and how many
 * each customer holds (in total and today); one Lua script checks and counts a claim atomically, so
 * the hot stock row in PostgreSQL is never locked by a claim. PostgreSQL stays the record: the coupon
 * row commits before the API answers, and a failed commit gives the admission back.
 *
 * Redis may lose its keys (a restart without persistence). Every set of counters carries a generation
 * (`epoch`, also stored on the stock row): rebuilding takes the stock's advisory lock exclusively,
 * which waits for every claim transaction in flight (each holds it shared), counts the committed
 * coupons — the stock's and every customer's — and starts a new generation. A claim admitted under an
 * older generation finds the stock's epoch changed when it inserts, commits nothing and is admitted
 * again under the new counters. Within a generation, a customer without counters holds nothing.
 */

/** The counters of a stock, as the admission script reads them. */
export interface StockCounterConfig {
  /** How many coupons the stock may hand out in all: min(total, budget in coupons, budget in money ÷ price). */
  limit: number;
  /** Whether claims are admitted at all (ACTIVE or EXHAUSTED: the limit stops an exhausted one). */
  active: boolean;
  claimStartsAt: Date;
  claimEndsAt: Date;
  perCustomerLimit: number;
  /** 0: no daily limit. */
  perCustomerDailyLimit: number;
  /** The stock row's version: an older configuration never overwrites a newer one. */
  version: number;
}

export type Admission =
  | { kind: 'OK'; epoch: string; claimed: number; limit: number }
  | { kind: 'REBUILD' }
  | { kind: 'NOT_ACTIVE' | 'NOT_STARTED' | 'CLAIM_WINDOW_OVER' | 'SOLD_OUT' | 'CUSTOMER_LIMIT' | 'DAILY_LIMIT' };

export type Refusal = Exclude<Admission['kind'], 'OK' | 'REBUILD'>;

const DAY_MS = 86_400_000;

const ADMIT = `
local s = redis.call('HMGET', KEYS[1], 'epoch', 'limit', 'claimed', 'active', 'from', 'until', 'per', 'perDay')
if not s[1] then return {'REBUILD'} end
if s[4] ~= '1' then return {'NOT_ACTIVE'} end
local now = tonumber(ARGV[1])
if now < tonumber(s[5]) then return {'NOT_STARTED'} end
if now >= tonumber(s[6]) then return {'CLAIM_WINDOW_OVER'} end
local limit, claimed = tonumber(s[2]), tonumber(s[3])
if claimed >= limit then return {'SOLD_OUT'} end
local c = redis.call('HMGET', KEYS[2], 'epoch', 'total', 'day', 'dayCount')
local total, today = 0, 0
if c[1] == s[1] then
  total = tonumber(c[2])
  if c[3] == ARGV[2] then today = tonumber(c[4]) end
end
if total >= tonumber(s[7]) then return {'CUSTOMER_LIMIT'} end
local perDay = tonumber(s[8])
if perDay > 0 and today >= perDay then return {'DAILY_LIMIT'} end
redis.call('HSET', KEYS[1], 'claimed', claimed + 1)
redis.call('HSET', KEYS[2], 'epoch', s[1], 'total', total + 1, 'day', ARGV[2], 'dayCount', today + 1)
redis.call('PEXPIRE', KEYS[2], math.max(tonumber(s[6]) - now, 0) + ${DAY_MS})
return {'OK', s[1], tostring(claimed + 1), tostring(limit)}
`;

/** Gives an admission back (its commit failed): only to the generation that admitted it. */
const RELEASE = `
if redis.call('HGET', KEYS[1], 'epoch') == ARGV[1] then redis.call('HINCRBY', KEYS[1], 'claimed', -1) end
local c = redis.call('HMGET', KEYS[2], 'epoch', 'day')
if c[1] == ARGV[1] then
  redis.call('HINCRBY', KEYS[2], 'total', -1)
  if c[2] == ARGV[2] then redis.call('HINCRBY', KEYS[2], 'dayCount', -1) end
end
return 1
`;

/**
 * Starts a generation from counted rows (the caller holds the stock's advisory lock exclusively and
 * has written the customers' counters of this generation first).
 */
const REBUILD = `
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'epoch', ARGV[1], 'claimed', ARGV[2], 'limit', ARGV[3], 'active', ARGV[4], 'from', ARGV[5], 'until', ARGV[6], 'per', ARGV[7], 'perDay', ARGV[8], 'version', ARGV[9])
return 1
`;

/**
 * Applies a stock's new configuration. `check`: refuse a limit below what is already admitted (the
 * budget is never lowered below what customers hold). `force`: restore, whatever the version says.
 */
const CONFIGURE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'MISSING' end
local version = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if ARGV[9] ~= '1' and tonumber(ARGV[7]) < version then return 'STALE' end
local claimed = tonumber(redis.call('HGET', KEYS[1], 'claimed'))
if ARGV[8] == '1' and claimed > tonumber(ARGV[1]) then return 'BELOW:' .. claimed end
redis.call('HSET', KEYS[1], 'limit', ARGV[1], 'active', ARGV[2], 'from', ARGV[3], 'until', ARGV[4], 'per', ARGV[5], 'perDay', ARGV[6], 'version', ARGV[7])
return 'OK'
`;

interface CounterCommands {
  couponAdmit(stockKey: string, customerKey: string, now: number, day: string): Promise<string[]>;
  couponRelease(stockKey: string, customerKey: string, epoch: string, day: string): Promise<number>;
  couponRebuild(stockKey: string, ...args: (string | number)[]): Promise<number>;
  couponConfigure(stockKey: string, ...args: (string | number)[]): Promise<string>;
}

/** The stock fields the counters are derived from. */
export interface CountedStock {
  id: string;
  status: string;
  totalQuantity: number;
  budgetCount: number | null;
  budgetAmount: number | null;
  type: 'FIXED_AMOUNT' | 'PERCENT_OFF' | 'EXCHANGE';
  faceValue: number | null;
  maxDiscount: number | null;
  claimStartsAt: Date;
  claimEndsAt: Date;
  perCustomerLimit: number;
  perCustomerDailyLimit: number | null;
  version: number;
}

/** What a stock may hand out in all: its quantity, and its budgets in coupons and in money. */
export function claimLimitOf(s: Pick<CountedStock, 'totalQuantity' | 'budgetCount' | 'budgetAmount' | 'type' | 'faceValue' | 'maxDiscount'>): number {
  let limit = s.totalQuantity;
  if (s.budgetCount != null) limit = Math.min(limit, s.budgetCount);
  const unit = amountPerCoupon(s);
  if (s.budgetAmount != null && unit) limit = Math.min(limit, Math.floor(s.budgetAmount / unit));
  return Math.max(limit, 0);
}

export function counterConfigOf(s: CountedStock): StockCounterConfig {
  return {
    limit: claimLimitOf(s),
    active: s.status === 'ACTIVE' || s.status === 'EXHAUSTED',
    claimStartsAt: s.claimStartsAt,
    claimEndsAt: s.claimEndsAt,
    perCustomerLimit: s.perCustomerLimit,
    perCustomerDailyLimit: s.perCustomerDailyLimit ?? 0,
    version: s.version,
  };
}

const configArgs = (c: StockCounterConfig) => [c.limit, c.active ? 1 : 0, c.claimStartsAt.getTime(), c.claimEndsAt.getTime(), c.perCustomerLimit, c.perCustomerDailyLimit, c.version];

/** The advisory lock of a stock's counters: claims hold it shared, a rebuild exclusively. */
export const counterLockKey = (stockId: string) => `coupon-counters:${stockId}`;

@Injectable()
export class CouponCounters {
  private readonly redis: Redis & CounterCommands;
  private readonly prefix: string;
  private readonly rebuilding = new Map<string, Promise<void>>();

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(PRISMA) private readonly db: Db,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    redis.defineCommand('couponAdmit', { numberOfKeys: 2, lua: ADMIT });
    redis.defineCommand('couponRelease', { numberOfKeys: 2, lua: RELEASE });
    redis.defineCommand('couponRebuild', { numberOfKeys: 1, lua: REBUILD });
    redis.defineCommand('couponConfigure', { numberOfKeys: 1, lua: CONFIGURE });
    this.redis = redis as Redis & CounterCommands;
    this.prefix = `${config.redisPrefix}:coupons`;
  }

  stockKey(stockId: string): string {
    return `${this.prefix}:stock:{${stockId}}`;
  }

  customerKey(stockId: string, customerRef: string): string {
    return `${this.prefix}:customer:{${stockId}}:${customerRef}`;
  }

  async admit(stockId: string, customerRef: string, now: number, day: string): Promise<Admission> {
    const [kind, a, b, c] = await this.redis.couponAdmit(this.stockKey(stockId), this.customerKey(stockId, customerRef), now, day);
    if (kind === 'OK') return { kind, epoch: a, claimed: Number(b), limit: Number(c) };
    return { kind } as Admission;
  }

  async release(stockId: string, customerRef: string, epoch: string, day: string): Promise<void> {
    await this.redis.couponRelease(this.stockKey(stockId), this.customerKey(stockId, customerRef), epoch, day);
  }

  /**
   * Rebuilds a stock's counters from PostgreSQL under its exclusive advisory lock: every claim in flight
   * commits (and is counted) or finds the new epoch and does not. Concurrent rebuilders queue on the
   * lock; a later one that finds counters made meanwhile leaves them.
   */
  rebuild(stockId: string, seenEpoch: string | null = null): Promise<void> {
    // One rebuild per stock at a time in this process: the claims that found the counters missing share it.
    const key = `${stockId}:${seenEpoch ?? ''}`;
    let running = this.rebuilding.get(key);
    if (!running) {
      running = this.rebuildNow(stockId, seenEpoch).finally(() => this.rebuilding.delete(key));
      this.rebuilding.set(key, running);
    }
    return running;
  }

  private async rebuildNow(stockId: string, seenEpoch: string | null): Promise<void> {
    await this.db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${counterLockKey(stockId)}, 0))`;
        const current = await this.redis.hget(this.stockKey(stockId), 'epoch');
        if (current && current !== seenEpoch) return; // another request rebuilt them while this one waited
        const stock = await tx.couponStock.findUnique({ where: { id: stockId } });
        if (!stock) return;
        const timeZone = (await tx.merchant.findUniqueOrThrow({ where: { id: stock.merchantId }, select: { timeZone: true } })).timeZone;
        const day = dayIn(timeZone, Date.now());
        const holders = await tx.$queryRaw<{ customerRef: string; total: number; today: number }[]>`
          SELECT "customerRef", count(*)::int AS total,
                 count(*) FILTER (WHERE ("claimedAt" AT TIME ZONE ${timeZone})::date = ${day}::date)::int AS today
          FROM coupons WHERE "stockId" = ${stockId}::uuid GROUP BY "customerRef"`;
        const claimed = holders.reduce((sum, h) => sum + h.total, 0);
        const epoch = randomBytes(8).toString('hex');
        const ttl = Math.max(stock.claimEndsAt.getTime() - Date.now(), 0) + DAY_MS;
        for (let i = 0; i < holders.length; i += 1000) {
          const batch = this.redis.pipeline();
          for (const h of holders.slice(i, i + 1000)) {
            const customerKey = this.customerKey(stockId, h.customerRef);
            batch.del(customerKey).hset(customerKey, 'epoch', epoch, 'total', h.total, 'day', day, 'dayCount', h.today).pexpire(customerKey, ttl);
          }
          await batch.exec();
        }
        await tx.couponStock.update({ where: { id: stockId }, data: { counterEpoch: epoch } });
        const config = counterConfigOf(stock as CountedStock);
        const [limit, active, from, until, per, perDay, version] = configArgs(config);
        await this.redis.couponRebuild(this.stockKey(stockId), epoch, claimed, limit, active, from, until, per, perDay, version);
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
  }

  /**
   * Applies a stock's configuration to its counters, if Redis holds them (otherwise the next claim
   * rebuilds them from the committed stock). With `checkLimit`, a limit below what is already admitted
   * is refused and `{ belowClaimed }` tells how many that is.
   */
  async configure(stock: CountedStock, opts: { checkLimit?: boolean; force?: boolean } = {}): Promise<{ applied: boolean; belowClaimed?: number }> {
    const result = await this.redis.couponConfigure(this.stockKey(stock.id), ...configArgs(counterConfigOf(stock)), opts.checkLimit ? 1 : 0, opts.force ? 1 : 0);
    if (result.startsWith('BELOW:')) return { applied: false, belowClaimed: Number(result.slice(6)) };
    return { applied: result === 'OK' };
  }

  /** Makes sure a stock's counters exist (rebuilding them from the database if Redis lost them). */
  async ensure(stockId: string): Promise<void> {
    if (!(await this.redis.exists(this.stockKey(stockId)))) await this.rebuild(stockId);
  }

  /** Drops a stock's counters: the next claim rebuilds them (after a configuration that could not be applied). */
  async drop(stockId: string): Promise<void> {
    await this.redis.del(this.stockKey(stockId));
  }

  /** Inside a claim's transaction: hold the stock's advisory lock shared until commit. */
  static async holdShared(tx: Tx, stockId: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtextextended(${counterLockKey(stockId)}, 0))`;
  }
}
