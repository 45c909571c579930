import type { CouponStock, CouponStockStatus, Db } from '@mop/data-access';

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
