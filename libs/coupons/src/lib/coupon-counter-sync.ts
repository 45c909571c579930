import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { type Db, Prisma, PRISMA } from '@mop/data-access';
import { WEBHOOK_EMITTER, type WebhookEmitter } from '@mop/webhooks';

/** How soon after a claim the stock's counters in PostgreSQL follow. */
export const SYNC_DELAY_MS = 250;

/** The most one coupon of the stock `s` can cost (what a money budget is spent in), in SQL. */
const UNIT = Prisma.sql`COALESCE(CASE s.type WHEN 'FIXED_AMOUNT' THEN s."faceValue" WHEN 'PERCENT_OFF' THEN s."maxDiscount" END, 0)`;
/** What the stock may hand out in all (the same rule as claimLimitOf), in SQL. */
const LIMIT = Prisma.sql`LEAST(s."totalQuantity", COALESCE(s."budgetCount", s."totalQuantity"),
  CASE WHEN s."budgetAmount" IS NOT NULL AND ${UNIT} > 0 THEN s."budgetAmount" / ${UNIT} ELSE s."totalQuantity" END)`;

interface SyncRow {
  merchantId: string;
  claimed: number;
  fromStatus: string;
  toStatus: string;
}

/**
 * The stock row's counters (claimedCount, remaining, claimedAmount, redeemedCount) follow the coupon
 * rows, not the other way round: claims never touch the hot stock row. After claims, a stock is synced
 * once per SYNC_DELAY_MS by counting its coupons (monotonic: a late, older count never lowers it); the
 * worker reconciles every stock periodically in case an API process died with unsynced stocks. An
 * ACTIVE stock that has handed out all it may becomes EXHAUSTED here, and says so by webhook.
 */
@Injectable()
export class CouponCounterSync implements OnModuleDestroy {
  private readonly logger = new Logger(CouponCounterSync.name);
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(WEBHOOK_EMITTER) private readonly events: WebhookEmitter,
  ) {}

  markDirty(stockId: string): void {
    this.dirty.add(stockId);
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, SYNC_DELAY_MS);
      this.timer.unref();
    }
  }

  /** Syncs every stock marked since the last flush (one flush at a time). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    const ids = [...this.dirty];
    this.dirty.clear();
    if (ids.length === 0) return;
    this.running = (async () => {
      for (const id of ids) {
        await this.syncStock(id).catch((err: unknown) => {
          this.logger.error(`syncing the counters of stock ${id} failed: ${String(err)}`);
          this.dirty.add(id);
        });
      }
    })().finally(() => {
      this.running = null;
    });
    await this.running;
  }

  /** Sets a stock's counters from its coupon rows; returns whether anything changed. */
  async syncStock(stockId: string): Promise<boolean> {
    const result = await this.db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<SyncRow[]>`
        WITH c AS (
          SELECT count(*)::int AS claimed, (count(*) FILTER (WHERE status = 'REDEEMED'))::int AS redeemed
          FROM coupons WHERE "stockId" = ${stockId}::uuid
        )
        UPDATE coupon_stocks s SET
          "claimedCount" = GREATEST(s."claimedCount", c.claimed),
          remaining = s."totalQuantity" - GREATEST(s."claimedCount", c.claimed),
          "claimedAmount" = GREATEST(s."claimedCount", c.claimed) * ${UNIT},
          "redeemedCount" = c.redeemed,
          status = (CASE WHEN s.status = 'ACTIVE' AND GREATEST(s."claimedCount", c.claimed) >= ${LIMIT} THEN 'EXHAUSTED' ELSE s.status::text END)::"CouponStockStatus",
          "updatedAt" = now()
        FROM c, (SELECT id, status FROM coupon_stocks WHERE id = ${stockId}::uuid FOR UPDATE) old
        WHERE s.id = old.id
          AND (s."claimedCount" < c.claimed OR s."redeemedCount" <> c.redeemed OR (s.status = 'ACTIVE' AND GREATEST(s."claimedCount", c.claimed) >= ${LIMIT}))
        RETURNING s."merchantId" AS "merchantId", s."claimedCount" AS claimed, old.status::text AS "fromStatus", s.status::text AS "toStatus"`;
      const row = rows[0];
      if (!row) return { changed: false, deliveries: [] as string[] };
      let deliveries: string[] = [];
      if (row.fromStatus === 'ACTIVE' && row.toStatus === 'EXHAUSTED') {
        deliveries = await this.events.emit(tx, [
          {
            id: `coupon_stock.exhausted:${stockId}:${row.claimed}`,
            type: 'coupon_stock.exhausted',
            merchantId: row.merchantId,
            occurredAt: new Date(),
            data: { stockId, claimedCount: row.claimed },
          },
        ]);
      }
      return { changed: true, deliveries };
    });
    if (result.deliveries.length) await this.events.dispatch(result.deliveries);
    return result.changed;
  }

  /** The worker's periodic pass: every stock whose counters lag its coupon rows. */
  async reconcileAll(): Promise<number> {
    const lagging = await this.db.$queryRaw<{ id: string }[]>`
      SELECT s.id FROM coupon_stocks s
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS claimed, (count(*) FILTER (WHERE status = 'REDEEMED'))::int AS redeemed FROM coupons WHERE "stockId" = s.id
      ) c
      WHERE s.status <> 'DRAFT'
        AND (s."claimedCount" <> c.claimed OR s."redeemedCount" <> c.redeemed OR (s.status = 'ACTIVE' AND c.claimed >= ${LIMIT}))`;
    let synced = 0;
    for (const { id } of lagging) if (await this.syncStock(id)) synced += 1;
    return synced;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }
}
