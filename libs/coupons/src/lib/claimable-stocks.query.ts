import { Inject, Injectable } from '@nestjs/common';
import { type Db, PRISMA } from '@mop/data-access';
import { BadUserInputError, type RequestContext } from '@mop/api-kit';
import { accessibleWhere } from '@mop/authz';
import { claimLimitOf } from './coupon-counters';
import { ENROLLED_MERCHANT, STOCK_INCLUDE, toCouponStock } from './coupon-stock.service';
import { REF_PATTERN } from './coupon.types';
import type { ClaimableCouponStockType } from './claim.resolver';

/**
 * What the sandbox (standing in for a merchant's mini-program) shows a customer: the stocks open for
 * claims now and what the customer already holds. Figures come from the committed rows; the claim
 * itself decides against the live counters.
 */
@Injectable()
export class ClaimableStocksQuery {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async list(ctx: RequestContext, customerRef: string): Promise<ClaimableCouponStockType[]> {
    if (!customerRef || customerRef.length > 128 || !REF_PATTERN.test(customerRef)) {
      throw new BadUserInputError('customerRef', 'Use 1–128 letters, digits and . _ : @ + - only.');
    }
    const now = new Date();
    const rows = await this.db.couponStock.findMany({
      where: {
        AND: [
          accessibleWhere(ctx.ability, 'Coupon', 'claim') as object,
          ENROLLED_MERCHANT,
          { status: { in: ['ACTIVE', 'EXHAUSTED'] }, claimEndsAt: { gt: now } },
        ],
      },
      include: { ...STOCK_INCLUDE, merchant: { select: { displayName: true, timeZone: true } } },
      orderBy: { createdAt: 'desc' },
      take: 100,
    });
    if (rows.length === 0) return [];
    const held = await this.db.$queryRaw<{ stockId: string; held: number; heldToday: number }[]>`
      SELECT c."stockId", count(*)::int AS held,
        (count(*) FILTER (WHERE (c."claimedAt" AT TIME ZONE m."timeZone")::date = (now() AT TIME ZONE m."timeZone")::date))::int AS "heldToday"
      FROM coupons c JOIN merchants m ON m.id = c."merchantId"
      WHERE c."customerRef" = ${customerRef} AND c."stockId" = ANY(${rows.map((r) => r.id)}::uuid[])
      GROUP BY c."stockId"`;
    const byStock = new Map(held.map((h) => [h.stockId, h]));
    return rows.map((row) => {
      const h = byStock.get(row.id) ?? { held: 0, heldToday: 0 };
      let refusal: string | null = null;
      if (row.claimStartsAt > now) refusal = 'NOT_STARTED';
      else if (row.claimedCount >= claimLimitOf(row)) refusal = 'SOLD_OUT';
      else if (h.held >= row.perCustomerLimit) refusal = 'CUSTOMER_LIMIT';
      else if (row.perCustomerDailyLimit != null && h.heldToday >= row.perCustomerDailyLimit) refusal = 'DAILY_LIMIT';
      return { stock: toCouponStock(row), held: h.held, heldToday: h.heldToday, refusal };
    });
  }
}
