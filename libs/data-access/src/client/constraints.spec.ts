import { createTestDatabase, makeMerchant, makeUser, type TestDatabase } from '../testing';
import { isCheckViolation, isUniqueViolation } from './errors';
import type { Prisma } from '../generated/prisma/client';

const DAY = 24 * 3600 * 1000;

describe('database invariants (check constraints and partial unique indexes)', () => {
  let t: TestDatabase;
  let merchantId: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    merchantId = (await makeMerchant(t.db)).id;
  });
  afterAll(() => t?.drop());

  const stock = (over: Partial<Prisma.CouponStockUncheckedCreateInput> = {}): Prisma.CouponStockUncheckedCreateInput => ({
    merchantId,
    name: 'Spring 10 off',
    type: 'FIXED_AMOUNT',
    faceValue: 1000,
    currency: 'CNY',
    claimStartsAt: new Date(Date.now() - DAY),
    claimEndsAt: new Date(Date.now() + 30 * DAY),
    validityKind: 'RELATIVE',
    validDays: 7,
    totalQuantity: 100,
    remaining: 100,
    channels: ['MINI_PROGRAM'],
    ...over,
  });

  async function expectCheck(p: Promise<unknown>, constraint: string) {
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeDefined();
    expect(isCheckViolation(err, constraint)).toBe(true);
  }

  it('accepts a valid stock', async () => {
    await expect(t.db.couponStock.create({ data: stock() })).resolves.toMatchObject({ remaining: 100 });
  });

  it('rejects bad coupon stocks', async () => {
    await expectCheck(t.db.couponStock.create({ data: stock({ remaining: -1 }) }), 'coupon_stocks_remaining_check');
    await expectCheck(t.db.couponStock.create({ data: stock({ claimedCount: 101, remaining: 0 }) }), 'coupon_stocks_claimed_check');
    await expectCheck(
      t.db.couponStock.create({ data: stock({ type: 'PERCENT_OFF', faceValue: null, percentOff: 101 }) }),
      'coupon_stocks_percent_check',
    );
    await expectCheck(
      t.db.couponStock.create({ data: stock({ type: 'PERCENT_OFF', faceValue: null, percentOff: 0 }) }),
      'coupon_stocks_percent_check',
    );
    await expectCheck(t.db.couponStock.create({ data: stock({ minSpend: -5 }) }), 'coupon_stocks_amounts_check');
    await expectCheck(
      t.db.couponStock.create({ data: stock({ claimEndsAt: new Date(Date.now() - 2 * DAY) }) }),
      'coupon_stocks_claim_window_check',
    );
    await expectCheck(
      t.db.couponStock.create({ data: stock({ validityKind: 'FIXED', validDays: null }) }),
      'coupon_stocks_validity_check',
    );
    await expectCheck(t.db.couponStock.create({ data: stock({ usableWeekdays: [0] }) }), 'coupon_stocks_weekdays_check');
    await expectCheck(
      t.db.couponStock.create({ data: stock({ usableFromMinute: 600, usableToMinute: 540 }) }),
      'coupon_stocks_usable_hours_check',
    );
  });

  it('never lets a budget or the remaining count go below what is claimed', async () => {
    const s = await t.db.couponStock.create({ data: stock({ budgetCount: 10 }) });
    await t.db.couponStock.update({ where: { id: s.id }, data: { claimedCount: 10, remaining: 90 } });
    await expectCheck(
      t.db.couponStock.update({ where: { id: s.id }, data: { budgetCount: 9 } }),
      'coupon_stocks_budget_count_check',
    );
    await expectCheck(
      t.db.couponStock.update({ where: { id: s.id }, data: { remaining: { decrement: 91 } } }),
      'coupon_stocks_remaining_check',
    );
  });

  it('ties a membership workspaceKey and role to its kind and ids', async () => {
    const user = await makeUser(t.db, { passwordHash: 'x' });
    const base = { userId: user.id };
    await expectCheck(
      t.db.membership.create({ data: { ...base, kind: 'MERCHANT', merchantId, workspaceKey: 'merchant:someone-else', role: 'OWNER' } }),
      'memberships_workspace_key_check',
    );
    await expectCheck(
      t.db.membership.create({ data: { ...base, kind: 'PLATFORM', merchantId, workspaceKey: 'platform', role: 'PLATFORM_ADMIN' } }),
      'memberships_workspace_key_check',
    );
    await expectCheck(
      t.db.membership.create({ data: { ...base, kind: 'MERCHANT', merchantId, workspaceKey: `merchant:${merchantId}`, role: 'PLATFORM_ADMIN' } }),
      'memberships_role_check',
    );
    await expect(
      t.db.membership.create({ data: { ...base, kind: 'MERCHANT', merchantId, workspaceKey: `merchant:${merchantId}`, role: 'OWNER' } }),
    ).resolves.toBeDefined();
  });

  it('allows one RELEASED version per mini-program', async () => {
    const mp = await t.db.miniProgram.create({
      data: { merchantId, appId: 'wx-test-1', name: 'Harbor', category: 'Food', description: 'Order ahead' },
    });
    const v = (versionName: string, status: 'RELEASED' | 'APPROVED') =>
      t.db.miniProgramVersion.create({ data: { miniProgramId: mp.id, merchantId, versionName, status } });
    await v('1.0.0', 'RELEASED');
    await v('1.1.0', 'APPROVED');
    const err = await v('1.2.0', 'RELEASED').catch((e: unknown) => e);
    expect(isUniqueViolation(err)).toBe(true);
    expect(isUniqueViolation(err, ['mini_program_versions_one_released'])).toBe(true);
  });

  it('allows one unreversed redemption per coupon, and idempotent claims per merchant', async () => {
    const s = await t.db.couponStock.create({ data: stock() });
    const coupon = {
      stockId: s.id,
      merchantId,
      customerRef: 'cust-1',
      claimRequestId: 'claim-1',
      validFrom: new Date(),
      validUntil: new Date(Date.now() + 7 * DAY),
      claimedVia: 'MINI_PROGRAM' as const,
    };
    const c = await t.db.coupon.create({ data: { ...coupon, code: 'CODE-1' } });
    const dup = await t.db.coupon.create({ data: { ...coupon, code: 'CODE-2' } }).catch((e: unknown) => e);
    expect(isUniqueViolation(dup, ['merchantId', 'claimRequestId'])).toBe(true);
    // A claim request id is the merchant's: reused on another of its stocks, it is still the same claim.
    const other = await t.db.couponStock.create({ data: stock() });
    const elsewhere = await t.db.coupon.create({ data: { ...coupon, stockId: other.id, code: 'CODE-3' } }).catch((e: unknown) => e);
    expect(isUniqueViolation(elsewhere, ['merchantId', 'claimRequestId'])).toBe(true);
    expect(isUniqueViolation(dup, ['code'])).toBe(false);

    const r = { couponId: c.id, merchantId, orderAmount: 5000, discountAmount: 1000, currency: 'CNY' };
    const first = await t.db.redemption.create({ data: { ...r, redeemRequestId: 'r-1' } });
    const second = await t.db.redemption.create({ data: { ...r, redeemRequestId: 'r-2' } }).catch((e: unknown) => e);
    expect(isUniqueViolation(second, ['redemptions_one_active_per_coupon'])).toBe(true);
    await t.db.redemption.update({ where: { id: first.id }, data: { reversedAt: new Date(), reverseRequestId: 'rev-1' } });
    await expect(t.db.redemption.create({ data: { ...r, redeemRequestId: 'r-2' } })).resolves.toBeDefined();
    await expectCheck(
      t.db.redemption.create({ data: { ...r, redeemRequestId: 'r-3', discountAmount: -1 } }),
      'redemptions_amounts_check',
    );
  });

  it('requires exactly one owner for an API key', async () => {
    await expectCheck(
      t.db.apiKey.create({ data: { name: 'orphan', prefix: 'mop_x', secretHash: 'h1', scopes: [] } }),
      'api_keys_owner_check',
    );
  });
});
