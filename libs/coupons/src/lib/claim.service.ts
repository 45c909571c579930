import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { type CouponChannel, type CouponStock, type Db, isUniqueViolation, PG_POOL, PRISMA } from '@mop/data-access';
import { APP_CONFIG, type AppConfig, BadUserInputError, ConflictError, ForbiddenError, NotFoundError, type RequestContext } from '@mop/api-kit';
import { type AppAbility, canOn } from '@mop/authz';
import { WEBHOOK_EMITTER, type WebhookEmitter } from '@mop/webhooks';
import { type Admission, CouponCounters, type Refusal } from './coupon-counters';
import { CouponCounterSync } from './coupon-counter-sync';
import { COUPONS_PRODUCT } from './coupon-stock.service';
import { dayIn } from './day';
import { COUPON_INCLUDE, type CouponType, toCoupon } from './coupon.types';

/** How long a stock's terms are reused by the claim path (its status and numbers live in the counters). */
const STOCK_CACHE_MS = 1_000;
/** Crockford's base32 without I, L, O, U: read aloud and typed at a counter without confusion. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 16; // 80 random bits

/** A stock's terms as the claim path needs them, with its merchant's time zone and state. */
export type ClaimableStock = CouponStock & { timeZone: string; merchantActive: boolean; enrolled: boolean };

/** Who a claim is made by, as the coupon row records it (DESIGN.md §4.6: the row is the ledger). */
export interface ClaimActor {
  userId: string | null;
  apiKeyId: string | null;
  providerId: string | null;
  sandbox: boolean;
}

export interface ClaimRequest {
  stock: ClaimableStock;
  customerRef: string;
  requestId: string;
  channel: CouponChannel;
  actor: ClaimActor;
  bulkIssueRunId?: string | null;
}

const REFUSALS: Record<Refusal, (s: ClaimableStock) => ConflictError> = {
  NOT_ACTIVE: () => new ConflictError('This stock is not handing out coupons now.', { reason: 'NOT_ACTIVE' }),
  NOT_STARTED: (s) => new ConflictError(`Claims open at ${s.claimStartsAt.toISOString()}.`, { reason: 'NOT_STARTED', claimStartsAt: s.claimStartsAt.toISOString() }),
  CLAIM_WINDOW_OVER: (s) => new ConflictError(`Claims closed at ${s.claimEndsAt.toISOString()}.`, { reason: 'CLAIM_WINDOW_OVER' }),
  SOLD_OUT: () => new ConflictError('Nothing is left to claim: every coupon of this stock has been handed out.', { reason: 'SOLD_OUT' }),
  CUSTOMER_LIMIT: (s) => new ConflictError(`This customer already holds ${s.perCustomerLimit} coupon(s) of this stock, the most allowed.`, { reason: 'CUSTOMER_LIMIT', limit: s.perCustomerLimit }),
  DAILY_LIMIT: (s) => new ConflictError(`This customer has claimed ${s.perCustomerDailyLimit} coupon(s) of this stock today, the most allowed per day.`, { reason: 'DAILY_LIMIT', limit: s.perCustomerDailyLimit }),
};

export function generateCouponCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let code = '';
  for (const b of bytes) code += CODE_ALPHABET[b & 31];
  return code;
}

function validityOf(stock: ClaimableStock, claimedAt: Date): { validFrom: Date; validUntil: Date } {
  if (stock.validityKind === 'FIXED') return { validFrom: stock.validFrom as Date, validUntil: stock.validUntil as Date };
  return { validFrom: claimedAt, validUntil: new Date(claimedAt.getTime() + (stock.validDays as number) * 86_400_000) };
}

interface Access {
  read: boolean;
  claim: boolean;
}
const NO_ACCESS: Access = { read: false, claim: false };

/** A unique violation reported by `pg` itself, on the named constraint. */
function isPgUnique(err: unknown, constraint: string): boolean {
  return (err as { code?: string; constraint?: string } | null)?.code === '23505' && (err as { constraint?: string }).constraint === constraint;
}

/** Why an insert did not produce a coupon (the transaction rolled back). */
class ClaimAborted extends Error {
  constructor(readonly why: 'EPOCH' | 'NO_CODE') {
    super(why);
  }
}

/**
 * Claims: the admission in Redis (CouponCounters), then the coupon row committed in PostgreSQL before
 * the answer. The claim request id is the idempotency key (unique per merchant): the same key returns
 * the first coupon, whatever the counters say now; the same key for another stock or customer is CONFLICT.
 */
@Injectable()
export class CouponClaimService {
  private readonly logger = new Logger(CouponClaimService.name);
  private readonly stocks = new Map<string, { at: number; stock: Promise<ClaimableStock | null> }>();
  private readonly access = new WeakMap<AppAbility, Map<string, Access>>();

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(PG_POOL) private readonly pg: Pool,
    private readonly counters: CouponCounters,
    private readonly sync: CouponCounterSync,
    @Inject(WEBHOOK_EMITTER) private readonly events: WebhookEmitter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A customer's claim through the API (a merchant's server with its key) or the console's sandbox. */
  async claim(ctx: RequestContext, input: { stockId: string; customerRef: string; requestId: string; channel?: CouponChannel | null }): Promise<CouponType> {
    const stock = await this.claimable(input.stockId.toLowerCase());
    const access = stock ? this.accessOf(ctx.ability, stock.merchantId) : NO_ACCESS;
    if (!stock || !stock.enrolled || !access.read) throw new NotFoundError('Coupon stock', input.stockId);
    if (!access.claim) throw new ForbiddenError('You may look at this stock but not hand out its coupons.');
    if (!stock.merchantActive) throw new ForbiddenError('The merchant is not active: its coupons cannot be claimed.');
    const channel = input.channel ?? 'MINI_PROGRAM';
    if (!stock.channels.includes(channel)) {
      throw new BadUserInputError('channel', `This stock is handed out through ${stock.channels.join(', ') || 'no channel'}, not ${channel}.`);
    }
    if (channel === 'PUBLIC_CHANNEL' && !stock.publicChannelApproved) {
      throw new BadUserInputError('channel', 'This stock has not been approved for the public channel.');
    }
    const actor: ClaimActor = { userId: ctx.userId, apiKeyId: ctx.apiKey?.id ?? null, providerId: ctx.actingProviderId, sandbox: ctx.principal !== null };
    return this.claimFor({ stock, customerRef: input.customerRef, requestId: input.requestId, channel, actor });
  }

  /**
   * The claim itself, for a caller that has checked access (the API, bulk issue). Admission, then the
   * insert under the stock's shared advisory lock and the counters' generation; a refusal is checked
   * against an earlier claim with the same request id first (a replay gets its coupon back).
   */
  async claimFor(req: ClaimRequest): Promise<CouponType> {
    if (this.config.couponClaimMode === 'rowlock') return this.claimWithRowLock(req);
    const { stock, customerRef } = req;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const now = Date.now();
      const day = dayIn(stock.timeZone, now);
      const admission: Admission = await this.counters.admit(stock.id, customerRef, now, day);
      switch (admission.kind) {
        case 'REBUILD':
          await this.counters.rebuild(stock.id);
          continue;
        case 'OK':
          break;
        default: {
          const earlier = await this.replayOf(req);
          if (earlier) return earlier;
          throw REFUSALS[admission.kind](stock);
        }
      }
      const claimedAt = new Date(now);
      try {
        const coupon = await this.insert(req, admission.epoch, claimedAt);
        this.sync.markDirty(stock.id);
        return coupon;
      } catch (err) {
        await this.counters.release(stock.id, customerRef, admission.epoch, day).catch((e: unknown) => this.logger.error(`giving back an admission failed: ${String(e)}`));
        if (err instanceof ClaimAborted && err.why === 'EPOCH') {
          // The counters were rebuilt (or their generation never committed): admit again under the current ones.
          await this.counters.rebuild(stock.id, admission.epoch);
          continue;
        }
        if (err instanceof ClaimAborted) {
          throw new ConflictError('Nothing is left to claim: every uploaded code of this stock has been handed out.', { reason: 'SOLD_OUT' });
        }
        if (isPgUnique(err, 'coupons_merchantId_claimRequestId_key') || isUniqueViolation(err, ['merchantId', 'claimRequestId'])) {
          const earlier = await this.replayOf(req);
          if (earlier) return earlier;
        }
        if (isPgUnique(err, 'coupons_code_key') && attempt < 3) continue; // 80 random bits: practically never
        throw err;
      }
    }
    throw new ConflictError('The coupon counters are being rebuilt: try again in a moment.', { reason: 'RETRY' });
  }

  /**
   * The bench's baseline (COUPON_CLAIM_MODE=rowlock): the plain design, one transaction that decrements
   * the stock row (`remaining > 0`), checks the customer's counts under that row lock and inserts the
   * coupon. Correct, but every claim of a stock queues on one row lock.
   */
  private async claimWithRowLock(req: ClaimRequest): Promise<CouponType> {
    const { stock, customerRef, actor } = req;
    const claimedAt = new Date();
    const { validFrom, validUntil } = validityOf(stock, claimedAt);
    const id = randomUUID();
    const client = await this.pg.connect();
    try {
      await client.query('BEGIN');
      const taken = await client.query(
        `UPDATE coupon_stocks SET remaining = remaining - 1, "claimedCount" = "claimedCount" + 1,
           "claimedAmount" = "claimedAmount" + COALESCE(CASE type WHEN 'FIXED_AMOUNT' THEN "faceValue" WHEN 'PERCENT_OFF' THEN "maxDiscount" END, 0)
         WHERE id = $1 AND status = 'ACTIVE' AND remaining > 0 AND $2 >= "claimStartsAt" AND $2 < "claimEndsAt"
           AND ("budgetCount" IS NULL OR "claimedCount" < "budgetCount") RETURNING id`,
        [stock.id, claimedAt],
      );
      if (!taken.rowCount) throw REFUSALS.SOLD_OUT(stock);
      const day = dayIn(stock.timeZone, claimedAt.getTime());
      const held = await client.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE ("claimedAt" AT TIME ZONE $3)::date = $4::date)::int AS today
         FROM coupons WHERE "stockId" = $1 AND "customerRef" = $2`,
        [stock.id, customerRef, stock.timeZone, day],
      );
      const { total, today } = held.rows[0] as { total: number; today: number };
      if (total >= stock.perCustomerLimit) throw REFUSALS.CUSTOMER_LIMIT(stock);
      if (stock.perCustomerDailyLimit != null && today >= stock.perCustomerDailyLimit) throw REFUSALS.DAILY_LIMIT(stock);
      const code = generateCouponCode();
      await client.query(
        `INSERT INTO coupons (id, "stockId", "merchantId", code, "customerRef", "claimRequestId", status, "validFrom", "validUntil", "claimedVia",
           "claimedByApiKeyId", "claimedByProviderId", "claimedByUserId", "claimedInSandbox", "bulkIssueRunId", "claimedAt", "createdAt", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, 'AVAILABLE', $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $15)`,
        [id, stock.id, stock.merchantId, code, customerRef, req.requestId, validFrom, validUntil, req.channel, actor.apiKeyId, actor.providerId, actor.userId, actor.sandbox, req.bulkIssueRunId ?? null, claimedAt],
      );
      await client.query('COMMIT');
      return toCoupon({
        id, stockId: stock.id, merchantId: stock.merchantId, code, customerRef, claimRequestId: req.requestId, status: 'AVAILABLE', validFrom, validUntil,
        claimedVia: req.channel, claimedAt, claimedInSandbox: actor.sandbox, bulkIssueRunId: req.bulkIssueRunId ?? null, redeemedAt: null, revokedAt: null, expiredAt: null, version: 1, stock,
      });
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      const earlier = err instanceof ConflictError || isPgUnique(err, 'coupons_merchantId_claimRequestId_key') ? await this.replayOf(req) : null;
      if (earlier) return earlier;
      throw err;
    } finally {
      client.release();
    }
  }

  /**
   * The coupon row, committed in one round trip: `claim_coupon` (a migration) takes the stock's advisory
   * lock shared, inserts the coupon only if the counters' generation is still the stock's (read after
   * the lock), takes an uploaded code when the stock has them, and records the webhook deliveries; it
   * runs as one statement, so in its own transaction, committed before the answer. A named statement:
   * each connection plans it once.
   */
  private async insert(req: ClaimRequest, epoch: string, claimedAt: Date): Promise<CouponType> {
    const { stock, actor } = req;
    const id = randomUUID();
    const { validFrom, validUntil } = validityOf(stock, claimedAt);
    const subscribers = await this.events.subscribers(stock.merchantId, 'coupon.claimed');
    const deliveryIds = subscribers.map(() => randomUUID());
    const result = await this.pg.query<{ r: string }>({
      name: 'claim_coupon',
      text: 'SELECT claim_coupon($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) AS r',
      values: [
        id, stock.id, stock.merchantId, generateCouponCode(), req.customerRef, req.requestId, validFrom, validUntil, req.channel, actor.apiKeyId, actor.providerId,
        actor.userId, actor.sandbox, req.bulkIssueRunId ?? null, claimedAt, epoch, stock.codeMode === 'UPLOADED', subscribers.map((e) => e.id), deliveryIds,
      ],
    });
    const code = result.rows[0].r;
    if (code === '!EPOCH') throw new ClaimAborted('EPOCH');
    if (code === '!NO_CODE') throw new ClaimAborted('NO_CODE');
    if (deliveryIds.length) await this.events.dispatch(deliveryIds).catch((e: unknown) => this.logger.error(`enqueueing webhook deliveries failed: ${String(e)}`));
    return toCoupon({
      id, stockId: stock.id, merchantId: stock.merchantId, code, customerRef: req.customerRef, claimRequestId: req.requestId, status: 'AVAILABLE',
      validFrom, validUntil, claimedVia: req.channel, claimedAt, claimedInSandbox: actor.sandbox, bulkIssueRunId: req.bulkIssueRunId ?? null,
      redeemedAt: null, revokedAt: null, expiredAt: null, version: 1, stock,
    });
  }

  /** The coupon an earlier claim with this request id made, if the same claim; CONFLICT if another. */
  private async replayOf(req: ClaimRequest): Promise<CouponType | null> {
    const earlier = await this.db.coupon.findUnique({ where: { merchantId_claimRequestId: { merchantId: req.stock.merchantId, claimRequestId: req.requestId } }, include: COUPON_INCLUDE });
    if (!earlier) return null;
    if (earlier.stockId !== req.stock.id || earlier.customerRef !== req.customerRef) {
      throw new ConflictError('This request id was already used for another claim: use a new one for a new claim.', { reason: 'IDEMPOTENCY_KEY_REUSED', field: 'requestId' });
    }
    return toCoupon(earlier);
  }

  /**
   * Whether an ability may see a merchant's stocks and claim its coupons. An API key's ability is reused
   * for a few seconds (one object), so its answers are remembered with it: claims ask on every request.
   */
  private accessOf(ability: AppAbility, merchantId: string): Access {
    let known = this.access.get(ability);
    if (!known) {
      known = new Map();
      this.access.set(ability, known);
    }
    let access = known.get(merchantId);
    if (!access) {
      access = { read: canOn(ability, 'read', 'CouponStock', { merchantId }), claim: canOn(ability, 'claim', 'Coupon', { merchantId }) };
      known.set(merchantId, access);
    }
    return access;
  }

  /** The stock's terms, reused for a second (its live numbers are in the counters). */
  claimable(stockId: string): Promise<ClaimableStock | null> {
    const now = Date.now();
    const hit = this.stocks.get(stockId);
    if (hit && now - hit.at < STOCK_CACHE_MS) return hit.stock;
    const stock = this.loadClaimable(stockId);
    this.stocks.set(stockId, { at: now, stock });
    stock.catch(() => this.stocks.delete(stockId));
    if (this.stocks.size > 10_000) this.stocks.clear();
    return stock;
  }

  private async loadClaimable(stockId: string): Promise<ClaimableStock | null> {
    const row = await this.db.couponStock.findUnique({
      where: { id: stockId },
      include: { merchant: { select: { timeZone: true, status: true, enrollments: { where: { status: 'ACTIVE', product: { code: COUPONS_PRODUCT } }, select: { id: true } } } } },
    });
    if (!row) return null;
    const { merchant, ...stock } = row;
    return { ...stock, timeZone: merchant.timeZone, merchantActive: merchant.status === 'ACTIVE', enrolled: merchant.enrollments.length > 0 };
  }
}
