import { Inject, Injectable } from '@nestjs/common';
import { type Db, type Prisma, PRISMA } from '@mop/data-access';
import { ForbiddenError, type ListArgs, NotFoundError, type RequestContext, toPage } from '@mop/api-kit';
import { accessibleWhere } from '@mop/authz';
import { COUPONS_PRODUCT } from './coupon-stock.service';
import { COUPON_INCLUDE, type CouponFilter, type CouponType, toCoupon } from './coupon.types';

const SORTABLE = ['claimedAt', 'validUntil', 'redeemedAt', 'status', 'customerRef'] as const;

/** Only merchants enrolled in merchant coupons have coupons to see or use, whoever asks. */
export const ENROLLED_COUPON_MERCHANT: Prisma.CouponWhereInput = { merchant: { enrollments: { some: { status: 'ACTIVE', product: { code: COUPONS_PRODUCT } } } } };

/**
 * A suspended merchant's staff lose their write rules with the tenant; a provider's authorization and
 * a provider's key do not say so: this holds them back too. The platform may still act.
 */
export function assertMerchantOperating(ctx: RequestContext, merchantStatus: string): void {
  if (merchantStatus !== 'ACTIVE' && ctx.principal?.membership?.kind !== 'PLATFORM') throw new ForbiddenError('The merchant is not active: its coupons cannot change.');
}

/**
 * Customers' coupons, the read side: filtered through the ability and the merchant's enrollment.
 * Clerks do not browse the merchant's customers: their ability only looks a coupon up by the code it
 * shows (`lookup`, what `checkCoupon` asks), so the guard refuses them these reads.
 */
@Injectable()
export class CouponService {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async list(ctx: RequestContext, args: ListArgs, filter: CouponFilter = {}): Promise<CouponType[]> {
    const rows = await this.db.coupon.findMany({ where: this.where(ctx, filter), include: COUPON_INCLUDE, ...toPage(args, SORTABLE, ['claimedAt', 'desc']) });
    return rows.map(toCoupon);
  }

  count(ctx: RequestContext, filter: CouponFilter = {}): Promise<number> {
    return this.db.coupon.count({ where: this.where(ctx, filter) });
  }

  async get(ctx: RequestContext, id: string): Promise<CouponType> {
    const row = await this.db.coupon.findFirst({ where: this.where(ctx, { ids: [id] }), include: COUPON_INCLUDE });
    if (!row) throw new NotFoundError('Coupon', id);
    return toCoupon(row);
  }

  private where(ctx: RequestContext, f: CouponFilter): Prisma.CouponWhereInput {
    return {
      AND: [
        accessibleWhere(ctx.ability, 'Coupon'),
        ENROLLED_COUPON_MERCHANT,
        f.ids?.length ? { id: { in: f.ids } } : {},
        f.stockId ? { stockId: f.stockId } : {},
        f.customerRef ? { customerRef: f.customerRef } : {},
        f.status ? { status: f.status } : {},
        f.q ? { OR: [{ code: f.q.trim() }, { customerRef: { contains: f.q.trim(), mode: 'insensitive' } }] } : {},
      ],
    };
  }
}
