import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Db, isUniqueViolation, Prisma, PRISMA } from '@mop/data-access';
import { AppError, BadUserInputError, ConflictError, ForbiddenError, NotFoundError, type RequestContext } from '@mop/api-kit';
import { accessibleWhere, canOn } from '@mop/authz';
import { WEBHOOK_EMITTER, type WebhookEmitter } from '@mop/webhooks';
import { CouponCounterSync } from './coupon-counter-sync';
import { dispatchCommitted } from './coupon-events';
import { COUPON_INCLUDE, toCoupon } from './coupon.types';
import { assertMerchantOperating, ENROLLED_COUPON_MERCHANT } from './coupon.service';
import type { CheckCouponArgs, RedeemCouponInput, ReverseRedemptionInput } from './redemption.input';
import { type CouponRefusal, discountFor, type RedemptionAttempt, type RedemptionTerms, refusalError, refusalsOf } from './redemption.rules';
import { type CouponCheckType, REDEMPTION_INCLUDE, type RedemptionResultType, type RedemptionType, toRedemption, toRedemptionResult } from './redemption.types';

/** A coupon as the counter needs it: the stock's terms and store restriction, the merchant's clock and state. */
const COUNTER_INCLUDE = {
  stock: { select: { ...COUPON_INCLUDE.stock.select, usableWeekdays: true, usableFromMinute: true, usableToMinute: true, stores: { select: { storeId: true } } } },
  merchant: { select: { timeZone: true, status: true } },
} satisfies Prisma.CouponInclude;
type CounterCoupon = Prisma.CouponGetPayload<{ include: typeof COUNTER_INCLUDE }>;

/** What a redemption's idempotency key stands for: the same key must come with the same request. */
interface RedeemRequest {
  couponId: string;
  storeId: string | null;
  orderRef: string | null;
  orderAmount: number;
}

/** The conditional UPDATE found the coupon (or the redemption) no longer as it was read. */
class ChangedMeanwhile extends Error {}

/**
 * The counter: looking a coupon up by its code, redeeming it, reversing a redemption (a refund).
 * Exactly once (DESIGN.md §4.2): a redemption is one transaction with a conditional UPDATE of the
 * coupon (AVAILABLE → REDEEMED) and the redemption INSERT, whose request id is unique per merchant, so
 * a retried request finds its first result and a racing one finds the coupon taken. Redemptions are
 * their own ledger (§4.6): the row names who, with which request id, and no audit event is written.
 * The stock's row is not touched here (its redeemed count is kept apart: it is a hot row).
 */
@Injectable()
export class RedemptionService {
  private readonly logger = new Logger(RedemptionService.name);

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(WEBHOOK_EMITTER) private readonly events: WebhookEmitter,
    private readonly sync: CouponCounterSync,
  ) {}

  /** Whether the coupon with this code can be redeemed here and now, and for how much. Changes nothing. */
  async check(ctx: RequestContext, args: CheckCouponArgs): Promise<CouponCheckType> {
    const storeId = counterStore(ctx, args.storeId ?? null);
    const coupon = await this.byCode(ctx, args.code);
    if (storeId) await this.assertStoreOf(coupon.merchantId, storeId);
    const terms = termsOf(coupon);
    const attempt: RedemptionAttempt = { now: new Date(), timeZone: coupon.merchant.timeZone, storeId, orderAmount: args.orderAmount ?? null };
    const reasons = refusalsOf(terms, attempt);
    const usable = reasons.length === 0;
    // A clerk sees the redemption only if it was made at one of its stores (the ability says which).
    const last = coupon.status === 'REDEEMED'
      ? await this.db.redemption.findFirst({ where: { AND: [accessibleWhere(ctx.ability, 'Redemption'), { couponId: coupon.id, reversedAt: null }] }, include: REDEMPTION_INCLUDE })
      : null;
    return {
      coupon: toCoupon(coupon),
      usable,
      reasons,
      discount: usable && attempt.orderAmount != null ? discountFor(terms, attempt.orderAmount) : null,
      lastRedemption: last ? toRedemption(last) : null,
    };
  }

  async redeem(ctx: RequestContext, input: RedeemCouponInput): Promise<RedemptionResultType> {
    const storeId = counterStore(ctx, input.storeId ?? null);
    const coupon = await this.byCode(ctx, input.code);
    this.assertMay(ctx, 'redeem', coupon);
    const request: RedeemRequest = { couponId: coupon.id, storeId, orderRef: input.orderRef ?? null, orderAmount: input.orderAmount };
    // A replay gets its first answer whatever happened to the coupon since (reversed, expired, revoked).
    const first = await this.firstRedemption(coupon.merchantId, input.requestId, request);
    if (first) return first;
    if (storeId) await this.assertStoreOf(coupon.merchantId, storeId);
    const now = new Date();
    const terms = termsOf(coupon);
    const attempt: RedemptionAttempt = { now, timeZone: coupon.merchant.timeZone, storeId, orderAmount: input.orderAmount };
    const [refusal] = refusalsOf(terms, attempt);
    if (refusal) throw refusalError(refusal, terms, attempt);

    let done: { result: RedemptionResultType; deliveries: string[] };
    try {
      done = await this.db.$transaction(async (tx) => {
        const taken = await tx.$executeRaw`
          UPDATE coupons SET status = 'REDEEMED', "redeemedAt" = ${now}, version = version + 1, "updatedAt" = ${now}
          WHERE id = ${coupon.id}::uuid AND status = 'AVAILABLE' AND "validFrom" <= ${now} AND "validUntil" > ${now}`;
        if (taken === 0) throw new ChangedMeanwhile();
        const row = await tx.redemption.create({
          data: {
            couponId: coupon.id,
            merchantId: coupon.merchantId,
            redeemRequestId: input.requestId,
            orderRef: request.orderRef,
            storeId,
            orderAmount: input.orderAmount,
            discountAmount: discountFor(terms, input.orderAmount),
            currency: coupon.stock.currency,
            redeemedByUserId: ctx.userId,
            redeemedByApiKeyId: ctx.apiKey?.id ?? null,
            redeemedByProviderId: ctx.actingProviderId,
            redeemedAt: now,
          },
          include: REDEMPTION_INCLUDE,
        });
        const deliveries = await this.events.emit(tx, [
          {
            id: `coupon.redeemed:${row.id}`,
            type: 'coupon.redeemed',
            merchantId: coupon.merchantId,
            occurredAt: now,
            data: {
              couponId: coupon.id, code: coupon.code, stockId: coupon.stockId, customerRef: coupon.customerRef, redemptionId: row.id, requestId: input.requestId,
              storeId, orderRef: request.orderRef, orderAmount: row.orderAmount, discountAmount: row.discountAmount, currency: row.currency, redeemedAt: now,
            },
          },
        ]);
        return { result: toRedemptionResult(row), deliveries };
      });
    } catch (err) {
      const raced = err instanceof ChangedMeanwhile || isUniqueViolation(err, ['merchantId', 'redeemRequestId']) || isUniqueViolation(err, ['redemptions_one_active_per_coupon']);
      if (!raced) throw err;
      // Another request got there first: the same request (a retry racing itself) gets its answer,
      // another one learns why the coupon is no longer redeemable.
      const earlier = await this.firstRedemption(coupon.merchantId, input.requestId, request);
      if (earlier) return earlier;
      throw await this.whyNotRedeemable(coupon.id, storeId, input.orderAmount);
    }
    await dispatchCommitted(this.events, done.deliveries, this.logger);
    this.sync.markDirty(coupon.stockId);
    return done.result;
  }

  /**
   * REDEEMED → AVAILABLE (the order was refunded) while the coupon is still valid. The coupon is
   * updated first, as in a redemption, so the two lock in the same order.
   */
  async reverse(ctx: RequestContext, input: ReverseRedemptionInput): Promise<RedemptionType> {
    const redemption = await this.db.redemption.findFirst({
      where: { id: input.redemptionId, coupon: { AND: [accessibleWhere(ctx.ability, 'Coupon', 'lookup'), ENROLLED_COUPON_MERCHANT] } },
      include: { ...REDEMPTION_INCLUDE, coupon: { select: { ...REDEMPTION_INCLUDE.coupon.select, customerRef: true, validUntil: true, merchant: { select: { status: true } } } } },
    });
    if (!redemption) throw new NotFoundError('Redemption', input.redemptionId);
    this.assertMay(ctx, 'reverse', { merchantId: redemption.merchantId, merchant: redemption.coupon.merchant });
    if (!canOn(ctx.ability, 'read', 'Redemption', redemption)) throw new ForbiddenError('This coupon was redeemed elsewhere: you can reverse redemptions made at your own stores only.');
    const reason = input.reason?.trim() || null;
    const first = await this.firstReversal(redemption.merchantId, input.requestId, redemption.id, reason);
    if (first) return first;
    if (redemption.reversedAt) throw alreadyReversed(redemption.reversedAt);
    const now = new Date();
    if (redemption.coupon.validUntil.getTime() <= now.getTime()) throw expiredForReversal(redemption.coupon.validUntil);

    let done: { result: RedemptionType; deliveries: string[] };
    try {
      done = await this.db.$transaction(async (tx) => {
        const given = await tx.$executeRaw`
          UPDATE coupons SET status = 'AVAILABLE', "redeemedAt" = NULL, version = version + 1, "updatedAt" = ${now}
          WHERE id = ${redemption.couponId}::uuid AND status = 'REDEEMED' AND "validUntil" > ${now}`;
        if (given === 0) throw new ChangedMeanwhile();
        const { count } = await tx.redemption.updateMany({
          where: { id: redemption.id, reversedAt: null },
          data: { reversedAt: now, reverseRequestId: input.requestId, reversedByUserId: ctx.userId, reversedByApiKeyId: ctx.apiKey?.id ?? null, reverseReason: reason },
        });
        // The coupon is REDEEMED by another (later) redemption: this one was reversed meanwhile.
        if (count === 0) throw new ChangedMeanwhile();
        const row = await tx.redemption.findUniqueOrThrow({ where: { id: redemption.id }, include: REDEMPTION_INCLUDE });
        const deliveries = await this.events.emit(tx, [
          {
            id: `coupon.reversed:${row.id}`,
            type: 'coupon.reversed',
            merchantId: row.merchantId,
            occurredAt: now,
            data: {
              couponId: row.couponId, code: row.coupon.code, stockId: row.coupon.stockId, customerRef: redemption.coupon.customerRef, redemptionId: row.id,
              requestId: input.requestId, reason, orderRef: row.orderRef, discountAmount: row.discountAmount, currency: row.currency, reversedAt: now,
            },
          },
        ]);
        return { result: toRedemption(row), deliveries };
      });
    } catch (err) {
      if (!(err instanceof ChangedMeanwhile) && !isUniqueViolation(err, ['merchantId', 'reverseRequestId'])) throw err;
      const earlier = await this.firstReversal(redemption.merchantId, input.requestId, redemption.id, reason);
      if (earlier) return earlier;
      const fresh = await this.db.redemption.findUniqueOrThrow({ where: { id: redemption.id }, include: { coupon: { select: { validUntil: true } } } });
      if (fresh.reversedAt) throw alreadyReversed(fresh.reversedAt);
      if (fresh.coupon.validUntil.getTime() <= Date.now()) throw expiredForReversal(fresh.coupon.validUntil);
      throw new ConflictError('The coupon changed meanwhile: look it up again.', { reason: 'COUPON_CHANGED' });
    }
    await dispatchCommitted(this.events, done.deliveries, this.logger);
    this.sync.markDirty(redemption.coupon.stockId);
    return done.result;
  }

  /**
   * The coupon with this code, if the caller may see it. Another tenant's code is NOT_FOUND exactly
   * like a code that does not exist: a code says nothing about who issued it.
   */
  private async byCode(ctx: RequestContext, code: string): Promise<CounterCoupon> {
    const coupon = await this.db.coupon.findFirst({ where: { AND: [accessibleWhere(ctx.ability, 'Coupon', 'lookup'), ENROLLED_COUPON_MERCHANT, { code: code.trim() }] }, include: COUNTER_INCLUDE });
    if (!coupon) throw new AppError('NOT_FOUND', 'No coupon has this code: check it with the customer.', { subject: 'Coupon', field: 'code' });
    return coupon;
  }

  private assertMay(ctx: RequestContext, action: 'redeem' | 'reverse', coupon: { merchantId: string; merchant: { status: string } }): void {
    if (!canOn(ctx.ability, action, 'Coupon', coupon)) {
      throw new ForbiddenError(
        ctx.actingProviderId
          ? `No active authorization of this merchant lets you ${action} its coupons (it takes the COUPONS_REDEEM scope).`
          : `You may look this coupon up but not ${action === 'redeem' ? 'redeem it' : 'reverse its redemption'}.`,
      );
    }
    assertMerchantOperating(ctx, coupon.merchant.status);
  }

  /** The store must be the merchant's, and open: a redemption says where it happened. */
  private async assertStoreOf(merchantId: string, storeId: string): Promise<void> {
    const store = await this.db.store.findFirst({ where: { id: storeId, merchantId }, select: { name: true, status: true } });
    if (!store) throw new BadUserInputError('storeId', `Store ${storeId} is not a store of this coupon's merchant.`);
    if (store.status !== 'OPEN') throw new BadUserInputError('storeId', `${store.name} is closed: coupons are redeemed at open stores.`);
  }

  /** The result of an earlier redemption with this request id, if the same request; CONFLICT if another. */
  private async firstRedemption(merchantId: string, requestId: string, request: RedeemRequest): Promise<RedemptionResultType | null> {
    const row = await this.db.redemption.findUnique({ where: { merchantId_redeemRequestId: { merchantId, redeemRequestId: requestId } }, include: REDEMPTION_INCLUDE });
    if (!row) return null;
    const same = row.couponId === request.couponId && row.storeId === request.storeId && row.orderRef === request.orderRef && row.orderAmount === request.orderAmount;
    if (!same) {
      throw new ConflictError('This requestId was already used for another redemption: use a new requestId for a new redemption.', { reason: 'IDEMPOTENCY_KEY_REUSED', field: 'requestId' });
    }
    return toRedemptionResult(row);
  }

  private async firstReversal(merchantId: string, requestId: string, redemptionId: string, reason: string | null): Promise<RedemptionType | null> {
    const row = await this.db.redemption.findUnique({ where: { merchantId_reverseRequestId: { merchantId, reverseRequestId: requestId } }, include: REDEMPTION_INCLUDE });
    if (!row) return null;
    if (row.id !== redemptionId || row.reverseReason !== reason) {
      throw new ConflictError('This requestId was already used for another reversal: use a new requestId for a new reversal.', { reason: 'IDEMPOTENCY_KEY_REUSED', field: 'requestId' });
    }
    return toRedemption(row);
  }

  /** Why the coupon could not be taken after all: it changed between the checks and the UPDATE. */
  private async whyNotRedeemable(couponId: string, storeId: string | null, orderAmount: number): Promise<AppError> {
    const coupon = await this.db.coupon.findUniqueOrThrow({ where: { id: couponId }, include: COUNTER_INCLUDE });
    const terms = termsOf(coupon);
    const attempt: RedemptionAttempt = { now: new Date(), timeZone: coupon.merchant.timeZone, storeId, orderAmount };
    const [refusal] = refusalsOf(terms, attempt);
    return refusal ? refusalError(refusal, terms, attempt) : new ConflictError('The coupon changed meanwhile: look it up again.', { reason: 'COUPON_CHANGED' });
  }
}

/**
 * The store a counter operation happens at. A clerk works at its own stores only, and says which;
 * others may leave it out (the stock's store restriction may still ask for it).
 */
function counterStore(ctx: RequestContext, storeId: string | null): string | null {
  const id = storeId?.toLowerCase() ?? null;
  const m = ctx.principal?.membership;
  if (m?.role !== 'CLERK') return id;
  if (!id) throw new BadUserInputError('storeId', 'Choose the store you are working at: clerks look up and redeem coupons at their own stores.');
  if (!m.storeIds.includes(id)) throw new ForbiddenError('You can look up and redeem coupons at your own stores only.', 'storeId');
  return id;
}

function termsOf(coupon: CounterCoupon): RedemptionTerms {
  const { stock } = coupon;
  return {
    status: coupon.status, validFrom: coupon.validFrom, validUntil: coupon.validUntil, type: stock.type, faceValue: stock.faceValue, percentOff: stock.percentOff,
    maxDiscount: stock.maxDiscount, minSpend: stock.minSpend, currency: stock.currency, usableWeekdays: stock.usableWeekdays, usableFromMinute: stock.usableFromMinute,
    usableToMinute: stock.usableToMinute, storeIds: stock.stores.map((s) => s.storeId),
  };
}

function alreadyReversed(at: Date): ConflictError {
  return new ConflictError(`This redemption was already reversed at ${at.toISOString()}.`, { reason: 'ALREADY_REVERSED' });
}

function expiredForReversal(validUntil: Date): ConflictError {
  const reason: CouponRefusal = 'EXPIRED';
  return new ConflictError(`The coupon was valid until ${validUntil.toISOString()}: a redemption is reversed only while its coupon is still valid.`, { reason, validUntil: validUntil.toISOString() });
}
