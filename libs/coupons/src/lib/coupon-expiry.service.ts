import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Db, PRISMA } from '@mop/data-access';
import { WEBHOOK_EMITTER, type WebhookEmitter } from '@mop/webhooks';
import { dispatchCommitted } from './coupon-events';

interface ExpiredRow {
  id: string;
  merchantId: string;
  stockId: string;
  code: string;
  customerRef: string;
  validUntil: Date;
}

/**
 * Marks AVAILABLE coupons whose validity has ended EXPIRED (a recurring job of the worker). Batches
 * walk the (status, validUntil) index; FOR UPDATE SKIP LOCKED lets two workers share the work, and
 * steps around a coupon a redemption holds (that redemption refuses it anyway: validity is half-open).
 * A coupon past its validity is refused at the counter before this marks it; this makes the status,
 * the lists and the `coupon.expired` event say so.
 */
@Injectable()
export class CouponExpiryService {
  private readonly logger = new Logger(CouponExpiryService.name);

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(WEBHOOK_EMITTER) private readonly events: WebhookEmitter,
  ) {}

  /** Expires every coupon due at `now`, `batch` per transaction; returns how many it expired. */
  async expireDue(now = new Date(), batch = 1000): Promise<number> {
    if (!Number.isInteger(batch) || batch < 1) throw new RangeError(`batch must be a positive integer, not ${batch}`);
    let expired = 0;
    for (;;) {
      const { count, deliveries } = await this.db.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<ExpiredRow[]>`
          UPDATE coupons c SET status = 'EXPIRED', "expiredAt" = ${now}, version = c.version + 1, "updatedAt" = ${now}
          FROM (
            SELECT id FROM coupons
            WHERE status = 'AVAILABLE' AND "validUntil" <= ${now}
            ORDER BY "validUntil"
            LIMIT ${batch}
            FOR UPDATE SKIP LOCKED
          ) due
          WHERE c.id = due.id
          RETURNING c.id, c."merchantId", c."stockId", c.code, c."customerRef", c."validUntil"`;
        const deliveries = await this.events.emit(
          tx,
          rows.map((c) => ({
            id: `coupon.expired:${c.id}`,
            type: 'coupon.expired' as const,
            merchantId: c.merchantId,
            occurredAt: now,
            data: { couponId: c.id, code: c.code, stockId: c.stockId, customerRef: c.customerRef, validUntil: c.validUntil, expiredAt: now },
          })),
        );
        return { count: rows.length, deliveries };
      });
      expired += count;
      await dispatchCommitted(this.events, deliveries, this.logger);
      // A short batch: nothing else is due, or what is left is another worker's (locked) right now.
      if (count < batch) return expired;
    }
  }
}
