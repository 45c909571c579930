import { Inject, Injectable, Logger } from '@nestjs/common';
import { type CouponStatus, type Db, PRISMA } from '@mop/data-access';
import { ConflictError, ForbiddenError, NotFoundError, type RequestContext } from '@mop/api-kit';
import { AuditService } from '@mop/audit';
import { accessibleWhere, canOn } from '@mop/authz';
import { WEBHOOK_EMITTER, type WebhookEmitter } from '@mop/webhooks';
import type { RevokeCouponArgs } from './coupon-admin.input';
import { dispatchCommitted } from './coupon-events';
import { assertMerchantOperating, ENROLLED_COUPON_MERCHANT } from './coupon.service';
import { COUPON_INCLUDE, type CouponType, toCoupon } from './coupon.types';

/**
 * What the merchant does to a customer's coupon outside the counter: revoking it (issued by mistake,
 * abused). Unlike redemptions, this is a console action: audited in its transaction (DESIGN.md §4.6).
 */
@Injectable()
export class CouponAdminService {
  private readonly logger = new Logger(CouponAdminService.name);

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly audit: AuditService,
    @Inject(WEBHOOK_EMITTER) private readonly events: WebhookEmitter,
  ) {}

  /** AVAILABLE → REVOKED, while it is still valid: one conditional UPDATE, so a redemption racing it wins or loses whole. */
  async revoke(ctx: RequestContext, { id, reason }: RevokeCouponArgs): Promise<CouponType> {
    const coupon = await this.db.coupon.findFirst({
      where: { AND: [accessibleWhere(ctx.ability, 'Coupon'), ENROLLED_COUPON_MERCHANT, { id }] },
      include: { merchant: { select: { status: true } } },
    });
    if (!coupon) throw new NotFoundError('Coupon', id);
    if (!canOn(ctx.ability, 'revoke', 'Coupon', coupon)) throw new ForbiddenError('Only owners, managers and marketers (or a provider managing coupons) revoke coupons.');
    assertMerchantOperating(ctx, coupon.merchant.status);
    const now = new Date();
    const refusal = whyNotRevocable(coupon.status, coupon.validUntil, now);
    if (refusal) throw refusal;
    const why = reason?.trim() || null;

    const deliveries = await this.db.$transaction(async (tx) => {
      const revoked = await tx.$executeRaw`
        UPDATE coupons SET status = 'REVOKED', "revokedAt" = ${now}, version = version + 1, "updatedAt" = ${now}
        WHERE id = ${id}::uuid AND status = 'AVAILABLE' AND "validUntil" > ${now}`;
      if (revoked === 0) return null;
      await this.audit.record(tx, ctx, {
        action: 'coupon.revoke',
        subjectType: 'Coupon',
        subjectId: id,
        // A provider acts on behalf of the merchant; the platform names whose coupon it was.
        ...(ctx.principal?.membership?.kind === 'PROVIDER' ? { onBehalfOfMerchantId: coupon.merchantId } : { merchantId: coupon.merchantId }),
        changes: { status: { from: 'AVAILABLE', to: 'REVOKED' }, ...(why ? { reason: why } : {}) },
      });
      return this.events.emit(tx, [
        {
          id: `coupon.revoked:${id}`,
          type: 'coupon.revoked',
          merchantId: coupon.merchantId,
          occurredAt: now,
          data: { couponId: id, code: coupon.code, stockId: coupon.stockId, customerRef: coupon.customerRef, reason: why, revokedAt: now },
        },
      ]);
    });
    if (!deliveries) {
      const fresh = await this.db.coupon.findUniqueOrThrow({ where: { id } });
      throw whyNotRevocable(fresh.status, fresh.validUntil, new Date()) ?? new ConflictError('The coupon changed meanwhile: reload it and try again.', { reason: 'COUPON_CHANGED' });
    }
    await dispatchCommitted(this.events, deliveries, this.logger);
    return toCoupon(await this.db.coupon.findUniqueOrThrow({ where: { id }, include: COUPON_INCLUDE }));
  }
}

function whyNotRevocable(status: CouponStatus, validUntil: Date, now: Date): ConflictError | null {
  const conflict = (message: string, reason: string) => new ConflictError(message, { reason, status });
  switch (status) {
    case 'REDEEMED':
      return conflict('This coupon has been redeemed: if its order was refunded, reverse the redemption first, then revoke it.', 'ALREADY_REDEEMED');
    case 'REVOKED':
      return conflict('This coupon has already been revoked.', 'ALREADY_REVOKED');
    case 'EXPIRED':
      return conflict('This coupon has expired: there is nothing left to revoke.', 'EXPIRED');
    case 'AVAILABLE':
      return validUntil.getTime() <= now.getTime() ? conflict('This coupon has expired: there is nothing left to revoke.', 'EXPIRED') : null;
  }
}
