import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type Db, type Prisma, PRISMA, type Tx } from '@mop/data-access';
import { ConflictError, type RequestContext } from '@mop/api-kit';
import { AuditService } from '@mop/audit';
import { ApplicationEffects, ReviewService } from '@mop/reviews';
import { CouponStockAdminService, type LoadedStock } from './coupon-stock-admin.service';
import { CouponStockService } from './coupon-stock.service';
import type { CouponStockType } from './coupon-stock.types';
import { PublicChannelState } from './public-channel.types';
import { RequestBatcher } from './request-batcher';

const KIND = 'COUPON_PUBLIC_CHANNEL';
const SUBJECT = 'CouponStock';

/**
 * Publishing a stock on the public channel goes through the platform's review: the merchant (or a
 * provider for it) submits the stock's terms as they are, one open application per stock; approval
 * marks the stock approved and adds PUBLIC_CHANNEL to its channels in the decision's transaction.
 */
@Injectable()
export class CouponPublicChannelService implements OnModuleInit {
  private readonly latest = new RequestBatcher<string>((ids) => this.latestApplications(ids));

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly admin: CouponStockAdminService,
    private readonly stocks: CouponStockService,
    private readonly reviews: ReviewService,
    private readonly effects: ApplicationEffects,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.effects.register(KIND, {
      approved: (tx, _ctx, application) => this.publish(tx, application.subjectId),
      // The stock is untouched: its state is its latest application's, which the review has just decided.
      rejected: async () => undefined,
      withdrawn: async () => undefined,
    });
  }

  async submit(ctx: RequestContext, id: string): Promise<CouponStockType> {
    const stock = await this.admin.load(ctx, id, 'update');
    const refusal = whyNot(stock);
    if (refusal) throw refusal;
    const merchant = await this.db.merchant.findUniqueOrThrow({ where: { id: stock.merchantId }, select: { displayName: true } });
    await this.db.$transaction(async (tx) => {
      // Two submissions of the same stock at once: the second waits here, then finds the first one open.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`coupon-public-channel:${id}`}, 0))`;
      const current = await tx.couponStock.findUniqueOrThrow({ where: { id }, select: { status: true, publicChannelApproved: true } });
      const again = whyNot({ ...stock, ...current });
      if (again) throw again;
      const open = await this.reviews.pendingFor(tx, SUBJECT, id);
      if (open) throw new ConflictError('This stock is already waiting for review for the public channel.', { reason: 'ALREADY_SUBMITTED', applicationId: open.id });
      const application = await this.reviews.submit(tx, ctx, { kind: KIND, subjectType: SUBJECT, subjectId: id, merchantId: stock.merchantId, payload: snapshot(stock, merchant.displayName) });
      await this.audit.record(tx, ctx, {
        action: 'coupon-stock.submit-public-channel',
        subjectType: SUBJECT,
        subjectId: id,
        ...this.admin.tenant(ctx, stock.merchantId),
        changes: { applicationId: application.id },
      });
    });
    return this.stocks.reload(this.db, id);
  }

  /** The stock's standing with the public channel; the stocks of one answer are looked up together. */
  async state(ctx: RequestContext, stock: Pick<CouponStockType, 'id'> & { publicChannelApproved?: boolean }): Promise<PublicChannelState> {
    if (stock.publicChannelApproved) return 'APPROVED';
    const status = await this.latest.load(ctx, stock.id);
    if (status === 'SUBMITTED' || status === 'APPROVED' || status === 'REJECTED') return status;
    return 'NONE';
  }

  /** The status of each stock's latest public-channel application. */
  private async latestApplications(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.db.$queryRaw<{ subjectId: string; status: string }[]>`
      SELECT DISTINCT ON ("subjectId") "subjectId", status::text AS status FROM applications
      WHERE kind = ${KIND}::"ApplicationKind" AND "subjectType" = ${SUBJECT} AND "subjectId" = ANY(${ids}::uuid[])
      ORDER BY "subjectId", "submittedAt" DESC, "createdAt" DESC`;
    return new Map(rows.map((r) => [r.subjectId, r.status]));
  }

  /**
   * The approval's effect. The stock row is also written by edits and claims: a conditional UPDATE of
   * the two columns only, and no new `version` (a merchant's open edit form does not go stale because
   * a reviewer approved; the edit keeps the channel, see `withReviewedChannels`).
   */
  private async publish(tx: Tx, stockId: string): Promise<void> {
    const count = await tx.$executeRaw`
      UPDATE coupon_stocks SET "publicChannelApproved" = true, "updatedAt" = ${new Date()},
        channels = CASE WHEN 'PUBLIC_CHANNEL' = ANY(channels) THEN channels ELSE array_append(channels, 'PUBLIC_CHANNEL'::"CouponChannel") END
      WHERE id = ${stockId}::uuid AND status <> 'ENDED'`;
    if (count === 0) {
      throw new ConflictError('This stock has ended since it was submitted: there is nothing left to publish. Reject the application instead.', { reason: 'STOCK_ENDED' });
    }
  }
}

function whyNot(stock: Pick<LoadedStock, 'status' | 'publicChannelApproved'>): ConflictError | null {
  if (stock.status === 'ENDED') return new ConflictError('This stock has ended: it can no longer be submitted to the public channel.', { reason: 'ENDED', status: stock.status });
  if (stock.publicChannelApproved) return new ConflictError('This stock is already approved for the public channel.', { reason: 'ALREADY_APPROVED' });
  return null;
}

/** The terms the reviewer decides on, as they are at submission (the live stock may change later). */
function snapshot(stock: LoadedStock, merchantName: string): Record<string, unknown> {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    name: stock.name,
    merchantName,
    description: stock.description,
    type: stock.type,
    faceValue: stock.faceValue,
    percentOff: stock.percentOff,
    maxDiscount: stock.maxDiscount,
    exchangeItem: stock.exchangeItem,
    minSpend: stock.minSpend,
    currency: stock.currency,
    claimStartsAt: iso(stock.claimStartsAt),
    claimEndsAt: iso(stock.claimEndsAt),
    validityKind: stock.validityKind,
    validFrom: iso(stock.validFrom),
    validUntil: iso(stock.validUntil),
    validDays: stock.validDays,
    usableWeekdays: stock.usableWeekdays,
    usableFromMinute: stock.usableFromMinute,
    usableToMinute: stock.usableToMinute,
    storeIds: stock.storeIds,
    totalQuantity: stock.totalQuantity,
    perCustomerLimit: stock.perCustomerLimit,
    perCustomerDailyLimit: stock.perCustomerDailyLimit,
    channels: stock.channels,
    codeMode: stock.codeMode,
    status: stock.status,
  } satisfies Prisma.InputJsonObject;
}
