import { randomBytes, randomUUID } from 'node:crypto';
import type { CouponStock, CouponStockStatus, Db, Prisma } from '@mop/data-access';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A valid fixed-amount stock input: 5.00 off from 20.00, claimable for a week, valid 30 days after the claim. */
export function couponStockInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Date.now();
  return {
    name: 'Latte 5 off',
    type: 'FIXED_AMOUNT',
    faceValue: 500,
    minSpend: 2000,
    claimStartsAt: new Date(now - HOUR).toISOString(),
    claimEndsAt: new Date(now + 7 * DAY).toISOString(),
    validityKind: 'RELATIVE',
    validDays: 30,
    totalQuantity: 100,
    perCustomerLimit: 2,
    channels: ['MINI_PROGRAM'],
    codeMode: 'GENERATED',
    ...overrides,
  };
}

/** Enrols the merchant in merchant coupons (idempotent): what a reviewer's approval would do. */
export async function enrolInCoupons(db: Db, merchantId: string): Promise<void> {
  const product = await db.product.findUniqueOrThrow({ where: { code: 'MERCHANT_COUPONS' } });
  await db.productEnrollment.upsert({
    where: { merchantId_productId: { merchantId, productId: product.id } },
    update: { status: 'ACTIVE' },
    create: { merchantId, productId: product.id, status: 'ACTIVE' },
  });
}

/** A stock written straight to the database in the given state (a valid FIXED_AMOUNT stock of `couponStockInput()`'s kind). */
export async function makeCouponStock(db: Db, merchantId: string, status: CouponStockStatus = 'DRAFT', data: { totalQuantity?: number; budgetAmount?: number | null } = {}) {
  const input = couponStockInput();
  const totalQuantity = data.totalQuantity ?? 100;
  return db.couponStock.create({
    data: {
      merchantId,
      status,
      name: input['name'] as string,
      type: 'FIXED_AMOUNT',
      faceValue: 500,
      minSpend: 2000,
      currency: 'CNY',
      claimStartsAt: new Date(input['claimStartsAt'] as string),
      claimEndsAt: new Date(input['claimEndsAt'] as string),
      validityKind: 'RELATIVE',
      validDays: 30,
      totalQuantity,
      remaining: totalQuantity,
      perCustomerLimit: 2,
      budgetAmount: data.budgetAmount ?? null,
      channels: ['MINI_PROGRAM'],
      codeMode: 'GENERATED',
    },
  });
}

/** The input that reproduces a stored stock (what an edit form sends back), with `overrides` changed. */
export function couponStockEdit(stock: CouponStock, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const keys = ['name', 'description', 'type', 'faceValue', 'percentOff', 'maxDiscount', 'exchangeItem', 'minSpend', 'claimStartsAt', 'claimEndsAt', 'validityKind', 'validFrom', 'validUntil', 'validDays',
    'usableWeekdays', 'usableFromMinute', 'usableToMinute', 'totalQuantity', 'perCustomerLimit', 'perCustomerDailyLimit', 'budgetCount', 'budgetAmount', 'channels', 'codeMode'] as const;
  const input: Record<string, unknown> = Object.fromEntries(keys.map((k) => [k, stock[k] instanceof Date ? (stock[k] as Date).toISOString() : stock[k]]));
  return { ...input, storeIds: [], ...overrides };
}

/**
 * An ACTIVE stock open for claims now, written straight to the database: 100 fixed 5.00 coupons, one per
 * customer unless `data` says otherwise, valid 30 days after the claim.
 */
export async function makeClaimableStock(db: Db, merchantId: string, data: Partial<Parameters<Db['couponStock']['create']>[0]['data']> = {}) {
  const now = Date.now();
  const totalQuantity = (data.totalQuantity as number | undefined) ?? 100;
  return db.couponStock.create({
    data: {
      merchantId,
      status: 'ACTIVE',
      name: 'Claimable 5 off',
      type: 'FIXED_AMOUNT',
      faceValue: 500,
      minSpend: 0,
      currency: 'CNY',
      claimStartsAt: new Date(now - HOUR),
      claimEndsAt: new Date(now + 7 * DAY),
      validityKind: 'RELATIVE',
      validDays: 30,
      perCustomerLimit: 1,
      channels: ['MINI_PROGRAM', 'PAYMENT_RESULT_PAGE'],
      codeMode: 'GENERATED',
      ...data,
      totalQuantity,
      remaining: totalQuantity,
    } as Parameters<Db['couponStock']['create']>[0]['data'],
  });
}

/**
 * A customer's coupon of `stock`, written straight to the database as if claimed an hour ago: AVAILABLE,
 * valid for 30 days, with a random unguessable code, unless `overrides` say otherwise.
 */
export async function makeCoupon(db: Db, stock: Pick<CouponStock, 'id' | 'merchantId'>, overrides: Partial<Prisma.CouponUncheckedCreateInput> = {}) {
  const now = Date.now();
  return db.coupon.create({
    data: {
      stockId: stock.id,
      merchantId: stock.merchantId,
      code: `TEST${randomBytes(10).toString('hex').toUpperCase()}`,
      customerRef: `customer-${randomBytes(4).toString('hex')}`,
      claimRequestId: `claim-${randomUUID()}`,
      claimedVia: 'MINI_PROGRAM',
      claimedAt: new Date(now - HOUR),
      validFrom: new Date(now - HOUR),
      validUntil: new Date(now + 30 * DAY),
      ...overrides,
    },
  });
}

/** Restricts a stock to some of its merchant's stores, as its settings' store restriction does. */
export async function restrictToStores(db: Db, stock: Pick<CouponStock, 'id' | 'merchantId'>, storeIds: string[]): Promise<void> {
  await db.couponStockStore.createMany({ data: storeIds.map((storeId) => ({ stockId: stock.id, storeId, merchantId: stock.merchantId })) });
}

/**
 * Redeems `coupon` straight in the database, as `redeemCoupon` would (REDEEMED, with its redemption
 * row): an order of 30.00 with 5.00 off unless `data` says otherwise.
 */
export async function makeRedemption(db: Db, coupon: { id: string; merchantId: string }, data: Partial<Prisma.RedemptionUncheckedCreateInput> = {}) {
  const redeemedAt = new Date();
  await db.coupon.update({ where: { id: coupon.id }, data: { status: 'REDEEMED', redeemedAt, version: { increment: 1 } } });
  return db.redemption.create({
    data: { couponId: coupon.id, merchantId: coupon.merchantId, redeemRequestId: `redeem-${randomUUID()}`, orderAmount: 3000, discountAmount: 500, currency: 'CNY', redeemedAt, ...data },
  });
}
