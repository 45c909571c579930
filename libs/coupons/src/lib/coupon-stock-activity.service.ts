import { Inject, Injectable } from '@nestjs/common';
import { type Db, PRISMA } from '@mop/data-access';
import type { RequestContext } from '@mop/api-kit';
import { CouponStockService } from './coupon-stock.service';
import type { CouponStockDayType } from './coupon-stock-activity.types';

/** Claims, redemptions and reversals of one stock per local day: the console's chart. */
@Injectable()
export class CouponStockActivityService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly stocks: CouponStockService,
  ) {}

  /**
   * The last `days` days up to the merchant's today, oldest first, every day present (zeros where
   * nothing happened). Whoever may read the stock may read this.
   */
  async activity(ctx: RequestContext, stockId: string, days: number, now = new Date()): Promise<CouponStockDayType[]> {
    const stock = await this.stocks.get(ctx, stockId);
    const { timeZone } = await this.db.merchant.findUniqueOrThrow({ where: { id: stock.merchantId }, select: { timeZone: true } });
    return this.db.$queryRaw<CouponStockDayType[]>`
      WITH span AS (
        SELECT (${now}::timestamptz AT TIME ZONE ${timeZone})::date - ${days - 1}::int AS first,
               (${now}::timestamptz AT TIME ZONE ${timeZone})::date AS last
      ),
      since AS (SELECT (span.first::timestamp AT TIME ZONE ${timeZone}) AS at FROM span),
      days AS (SELECT generate_series(span.first, span.last, interval '1 day')::date AS day FROM span),
      claimed AS (
        SELECT (c."claimedAt" AT TIME ZONE ${timeZone})::date AS day, count(*)::int AS n
        FROM coupons c, since WHERE c."stockId" = ${stock.id}::uuid AND c."claimedAt" >= since.at GROUP BY 1
      ),
      redeemed AS (
        SELECT (r."redeemedAt" AT TIME ZONE ${timeZone})::date AS day, count(*)::int AS n
        FROM redemptions r JOIN coupons c ON c.id = r."couponId", since WHERE c."stockId" = ${stock.id}::uuid AND r."redeemedAt" >= since.at GROUP BY 1
      ),
      reversed AS (
        SELECT (r."reversedAt" AT TIME ZONE ${timeZone})::date AS day, count(*)::int AS n
        FROM redemptions r JOIN coupons c ON c.id = r."couponId", since WHERE c."stockId" = ${stock.id}::uuid AND r."reversedAt" >= since.at GROUP BY 1
      )
      SELECT to_char(d.day, 'YYYY-MM-DD') AS day, coalesce(cl.n, 0) AS claimed, coalesce(rd.n, 0) AS redeemed, coalesce(rv.n, 0) AS reversed
      FROM days d
      LEFT JOIN claimed cl ON cl.day = d.day
      LEFT JOIN redeemed rd ON rd.day = d.day
      LEFT JOIN reversed rv ON rv.day = d.day
      ORDER BY d.day`;
  }
}
