import { Inject, Injectable } from '@nestjs/common';
import { type Db, type Prisma, PRISMA } from '@mop/data-access';
import { type ListArgs, NotFoundError, type RequestContext, toPage } from '@mop/api-kit';
import { accessibleWhere } from '@mop/authz';
import type { CouponStockFilter } from './coupon-stock.types';

export const COUPONS_PRODUCT = 'MERCHANT_COUPONS';
const SORTABLE = ['name', 'status', 'claimStartsAt', 'claimEndsAt', 'createdAt'] as const;

/**
 * Coupon stocks (batches). Only merchants enrolled in merchant coupons have any: lists keep to those
 * merchants whoever asks (a provider with COUPONS_MANAGE, the platform), besides the ability filter.
 */
@Injectable()
export class CouponStockService {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  list(ctx: RequestContext, args: ListArgs, filter: CouponStockFilter = {}) {
    return this.db.couponStock.findMany({ where: this.where(ctx, filter), ...toPage(args, SORTABLE, ['createdAt', 'desc']) });
  }

  count(ctx: RequestContext, filter: CouponStockFilter = {}) {
    return this.db.couponStock.count({ where: this.where(ctx, filter) });
  }

  async get(ctx: RequestContext, id: string) {
    const row = await this.db.couponStock.findFirst({ where: this.where(ctx, { ids: [id] }) });
    if (!row) throw new NotFoundError('Coupon stock', id);
    return row;
  }

  private where(ctx: RequestContext, f: CouponStockFilter): Prisma.CouponStockWhereInput {
    return {
      AND: [
        accessibleWhere(ctx.ability, 'CouponStock'),
        { merchant: { enrollments: { some: { status: 'ACTIVE', product: { code: COUPONS_PRODUCT } } } } },
        f.ids?.length ? { id: { in: f.ids } } : {},
        f.status ? { status: f.status } : {},
        f.merchantId ? { merchantId: f.merchantId } : {},
        f.q ? { name: { contains: f.q, mode: 'insensitive' } } : {},
      ],
    };
  }
}
