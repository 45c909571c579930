import { Inject, Injectable } from '@nestjs/common';
import { type CouponStock, type Db, type DbOrTx, type Prisma, PRISMA } from '@mop/data-access';
import { type ListArgs, NotFoundError, type RequestContext, toPage } from '@mop/api-kit';
import { accessibleWhere } from '@mop/authz';
import type { CouponStockFilter, CouponStockType } from './coupon-stock.types';

export const COUPONS_PRODUCT = 'MERCHANT_COUPONS';
const SORTABLE = ['name', 'status', 'claimStartsAt', 'claimEndsAt', 'createdAt', 'remaining', 'totalQuantity'] as const;

/** What every read of a stock brings along: the merchant's name and the store restriction. */
export const STOCK_INCLUDE = { merchant: { select: { displayName: true } }, stores: { select: { storeId: true } } } as const;
type StockRow = CouponStock & { merchant: { displayName: string }; stores: { storeId: string }[] };

export function toCouponStock({ merchant, stores, ...row }: StockRow): CouponStockType & CouponStock {
  return { ...row, merchantName: merchant.displayName, storeIds: stores.map((s) => s.storeId) };
}

/** Only merchants enrolled in merchant coupons have stocks to see or change, whoever asks. */
export const ENROLLED_MERCHANT: Prisma.CouponStockWhereInput = { merchant: { enrollments: { some: { status: 'ACTIVE', product: { code: COUPONS_PRODUCT } } } } };

/**
 * Coupon stocks (batches), the read side. Lists keep to merchants enrolled in merchant coupons
 * whoever asks (a provider with COUPONS_MANAGE, the platform), besides the ability filter.
 */
@Injectable()
export class CouponStockService {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async list(ctx: RequestContext, args: ListArgs, filter: CouponStockFilter = {}): Promise<CouponStockType[]> {
    const rows = await this.db.couponStock.findMany({ where: this.where(ctx, filter), include: STOCK_INCLUDE, ...toPage(args, SORTABLE, ['createdAt', 'desc']) });
    return rows.map(toCouponStock);
  }

  count(ctx: RequestContext, filter: CouponStockFilter = {}) {
    return this.db.couponStock.count({ where: this.where(ctx, filter) });
  }

  async get(ctx: RequestContext, id: string): Promise<CouponStockType> {
    const row = await this.db.couponStock.findFirst({ where: this.where(ctx, { ids: [id] }), include: STOCK_INCLUDE });
    if (!row) throw new NotFoundError('Coupon stock', id);
    return toCouponStock(row);
  }

  /** A stock by id, without the ability filter: for a service that has already checked access. */
  async reload(db: DbOrTx, id: string) {
    return toCouponStock(await db.couponStock.findUniqueOrThrow({ where: { id }, include: STOCK_INCLUDE }));
  }

  private where(ctx: RequestContext, f: CouponStockFilter): Prisma.CouponStockWhereInput {
    return {
      AND: [
        accessibleWhere(ctx.ability, 'CouponStock'),
        ENROLLED_MERCHANT,
        f.ids?.length ? { id: { in: f.ids } } : {},
        f.status ? { status: f.status } : {},
        f.merchantId ? { merchantId: f.merchantId } : {},
        f.q ? { name: { contains: f.q, mode: 'insensitive' } } : {},
      ],
    };
  }
}
