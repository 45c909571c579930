import { Inject, Injectable } from '@nestjs/common';
import { type Db, type Prisma, PRISMA } from '@mop/data-access';
import { type ListArgs, toPage } from '@mop/api-kit';
import { ENROLLED_MERCHANT } from './coupon-stock.service';
import type { PlazaCouponType, PlazaFilter } from './public-channel.types';

const SORTABLE = ['claimStartsAt', 'claimEndsAt', 'name', 'remaining'] as const;

/** Exactly what the plaza type shows: nothing else of a stock is read for anonymous callers. */
const PLAZA_SELECT = {
  id: true, merchantId: true, name: true, description: true, type: true, faceValue: true, percentOff: true, maxDiscount: true, exchangeItem: true,
  minSpend: true, currency: true, claimStartsAt: true, claimEndsAt: true, validityKind: true, validFrom: true, validUntil: true, validDays: true,
  usableWeekdays: true, usableFromMinute: true, usableToMinute: true, perCustomerLimit: true, remaining: true,
  merchant: { select: { displayName: true } },
} as const satisfies Prisma.CouponStockSelect;

/**
 * The public coupon plaza: stocks approved for the public channel that a customer can claim right
 * now (active, claim window open, something left) of active merchants enrolled in merchant coupons.
 * Anyone may read it, so the where clause is the whole policy.
 */
@Injectable()
export class CouponPlazaService {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async list(args: ListArgs, filter: PlazaFilter = {}): Promise<PlazaCouponType[]> {
    const rows = await this.db.couponStock.findMany({ where: this.where(filter), select: PLAZA_SELECT, ...toPage(args, SORTABLE, ['claimStartsAt', 'desc']) });
    return rows.map(({ merchant, ...row }) => ({ ...row, merchantName: merchant.displayName }));
  }

  count(filter: PlazaFilter = {}): Promise<number> {
    return this.db.couponStock.count({ where: this.where(filter) });
  }

  private where(f: PlazaFilter): Prisma.CouponStockWhereInput {
    const now = new Date();
    return {
      AND: [
        ENROLLED_MERCHANT,
        { merchant: { status: 'ACTIVE' } },
        { status: 'ACTIVE', publicChannelApproved: true, channels: { has: 'PUBLIC_CHANNEL' }, remaining: { gt: 0 } },
        { claimStartsAt: { lte: now }, claimEndsAt: { gt: now } },
        f.merchantId ? { merchantId: f.merchantId.toLowerCase() } : {},
        f.q ? { OR: [{ name: { contains: f.q, mode: 'insensitive' } }, { merchant: { displayName: { contains: f.q, mode: 'insensitive' } } }] } : {},
      ],
    };
  }
}
