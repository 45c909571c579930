import { Inject, Injectable } from '@nestjs/common';
import { type CouponStock, type CouponStockStatus, type Db, Prisma, PRISMA, type Tx } from '@mop/data-access';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError, ProductNotEnabledError, type RequestContext } from '@mop/api-kit';
import { AuditService } from '@mop/audit';
import { CouponCounters, type CountedStock } from './coupon-counters';
import { accessibleWhere, canOn } from '@mop/authz';
import type { CouponStockBudgetInput, CouponStockInput } from './coupon-stock.input';
import { amountPerCoupon, changesBetween, EDITABLE_AFTER_ACTIVATION, fieldsOf, normalizeStock, type StockFields, validateStock, withReviewedChannels } from './coupon-stock.rules';
import { COUPONS_PRODUCT, CouponStockService, ENROLLED_MERCHANT, STOCK_INCLUDE } from './coupon-stock.service';
import type { CouponStockType } from './coupon-stock.types';

export type LoadedStock = CouponStock & { storeIds: string[]; merchantStatus: string };
type Move = 'activate' | 'pause' | 'end';

/** Where each lifecycle move may start from, and where it leads. */
const MOVES: Record<Move, { from: CouponStockStatus[]; to: CouponStockStatus }> = {
  activate: { from: ['DRAFT', 'PAUSED'], to: 'ACTIVE' },
  pause: { from: ['ACTIVE'], to: 'PAUSED' },
  end: { from: ['DRAFT', 'ACTIVE', 'PAUSED', 'EXHAUSTED'], to: 'ENDED' },
};

const LABELS: Record<keyof StockFields, string> = {
  name: 'The name', description: 'The description', type: 'The coupon type', faceValue: 'The face value', percentOff: 'The percentage off',
  maxDiscount: 'The maximum discount', exchangeItem: 'The exchanged item', minSpend: 'The minimum spend', claimStartsAt: 'The start of the claim window',
  claimEndsAt: 'The end of the claim window', validityKind: 'The kind of validity', validFrom: 'The start of validity', validUntil: 'The end of validity',
  validDays: 'The days of validity', usableWeekdays: 'The usable weekdays', usableFromMinute: 'The usable hours', usableToMinute: 'The usable hours',
  storeIds: 'The store restriction', totalQuantity: 'The total quantity', perCustomerLimit: 'The limit per customer',
  perCustomerDailyLimit: 'The daily limit per customer', budgetCount: 'The budget in coupons', budgetAmount: 'The budget in money', channels: 'The channels',
  codeMode: 'The code mode',
};

/**
 * Creating, editing and running coupon stocks: `DRAFT → ACTIVE ↔ PAUSED → ENDED`, `EXHAUSTED` while
 * nothing remains. Every state move is one conditional UPDATE (two people or a claim racing an edit
 * collide instead of both "succeeding"), with its audit event in the same transaction. The counters
 * keep `remaining = totalQuantity − claimedCount`, which the claim path (a later slice) relies on.
 */
@Injectable()
export class CouponStockAdminService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly audit: AuditService,
    private readonly stocks: CouponStockService,
    private readonly counters: CouponCounters,
  ) {}

  /**
   * Runs a change of a stock's terms with its claim counters in step: the transaction holds the stock's
   * advisory lock shared (a rebuild of the counters waits for it and reads the committed change), and
   * the counters take the new terms before the commit, so no claim is admitted under the old ones after
   * it. If the transaction fails afterwards, the counters are dropped and rebuilt from the database.
   */
  private async withCounters<T>(stockId: string, change: (tx: Tx) => Promise<T | null>, check?: (belowClaimed: number) => Error): Promise<T | null> {
    let configured = false;
    try {
      return await this.db.$transaction(async (tx) => {
        await CouponCounters.holdShared(tx, stockId);
        const result = await change(tx);
        if (result === null) return null;
        const stock = (await tx.couponStock.findUniqueOrThrow({ where: { id: stockId } })) as CountedStock;
        const applied = await this.counters.configure(stock, { checkLimit: Boolean(check) });
        configured = applied.applied;
        if (applied.belowClaimed !== undefined && check) throw check(applied.belowClaimed);
        return result;
      });
    } catch (err) {
      if (configured) await this.counters.drop(stockId);
      throw err;
    }
  }

  async create(ctx: RequestContext, input: CouponStockInput): Promise<CouponStockType> {
    const merchant = await this.merchantFor(ctx, input.merchantId ?? null);
    const fields = normalizeStock(input);
    validateStock(fields, { now: new Date(), claimEndsInFuture: true });
    await this.assertOpenStores(merchant.id, fields.storeIds);
    const m = ctx.principal?.membership;
    const { storeIds, ...data } = fields;
    const id = await this.db.$transaction(async (tx) => {
      const stock = await tx.couponStock.create({
        data: {
          ...data,
          merchantId: merchant.id,
          currency: merchant.currency,
          remaining: data.totalQuantity,
          createdById: ctx.userId,
          createdByProviderId: m?.kind === 'PROVIDER' ? m.providerId : null,
          stores: { create: storeIds.map((storeId) => ({ storeId, merchantId: merchant.id })) },
        },
      });
      await this.audit.record(tx, ctx, { action: 'coupon-stock.create', subjectType: 'CouponStock', subjectId: stock.id, ...this.tenant(ctx, merchant.id), changes: changesBetween({}, fields) });
      return stock.id;
    });
    return this.stocks.reload(this.db, id);
  }

  /**
   * A draft changes freely. Once activated, customers may hold its coupons: only the name, the
   * description and a later end of the claim window may change (quantity and budget through
   * `adjustBudget`); any other difference is CONFLICT naming the field.
   */
  async update(ctx: RequestContext, id: string, version: number, input: CouponStockInput): Promise<CouponStockType> {
    const stock = await this.load(ctx, id, 'update');
    if (stock.status === 'ENDED') throw new ConflictError('This stock has ended: it can no longer be edited.', { reason: 'ENDED', status: stock.status });
    if (stock.version !== version) throw staleStock();
    if (input.merchantId && input.merchantId.toLowerCase() !== stock.merchantId) {
      throw new BadUserInputError('merchantId', 'A stock stays with the merchant it was created for.');
    }
    const now = new Date();
    const current = fieldsOf(stock);
    const next = withReviewedChannels(normalizeStock(input), stock.publicChannelApproved);
    const changes = changesBetween(current, next);
    const changed = Object.keys(changes) as (keyof StockFields)[];
    const draft = stock.status === 'DRAFT';
    if (!draft) {
      const locked = changed.find((f) => !EDITABLE_AFTER_ACTIVATION.includes(f));
      if (locked) throw new ConflictError(lockedMessage(locked), { reason: 'LOCKED_FIELD', field: locked, status: stock.status });
      if (changes['claimEndsAt'] && next.claimEndsAt.getTime() < current.claimEndsAt.getTime()) {
        throw new ConflictError('Once a stock has been activated, its claim window can be extended but not shortened: pause or end it instead.', { reason: 'LOCKED_FIELD', field: 'claimEndsAt', status: stock.status });
      }
      if (changes['claimEndsAt'] && next.validUntil && next.claimEndsAt.getTime() > next.validUntil.getTime()) {
        throw new BadUserInputError('claimEndsAt', `Coupons of this stock are valid until ${next.validUntil.toISOString()}: the claim window cannot end after that.`);
      }
    }
    validateStock(next, { now, claimEndsInFuture: changed.includes('claimEndsAt'), publicChannelApproved: stock.publicChannelApproved });
    if (changed.includes('storeIds')) await this.assertOpenStores(stock.merchantId, next.storeIds);
    if (changed.length === 0) return this.stocks.reload(this.db, id);

    const { storeIds, ...all } = next;
    const patch = draft ? { ...all, remaining: all.totalQuantity - stock.claimedCount } : Object.fromEntries(changed.map((f) => [f, next[f]]));
    await this.withCounters(id, async (tx) => {
      // A claim may turn an active stock EXHAUSTED meanwhile: that is no reason to refuse a new name.
      const status = draft ? 'DRAFT' : { in: ['ACTIVE', 'PAUSED', 'EXHAUSTED'] as CouponStockStatus[] };
      // An approval to the public channel meanwhile changes the channels without a new version: do not write over it.
      const { count } = await tx.couponStock.updateMany({ where: { id, version, status, publicChannelApproved: stock.publicChannelApproved }, data: { ...patch, version: { increment: 1 } } });
      if (count === 0) throw staleStock();
      if (changed.includes('storeIds')) {
        await tx.couponStockStore.deleteMany({ where: { stockId: id } });
        await tx.couponStockStore.createMany({ data: storeIds.map((storeId) => ({ stockId: id, storeId, merchantId: stock.merchantId })) });
      }
      await this.audit.record(tx, ctx, { action: 'coupon-stock.update', subjectType: 'CouponStock', subjectId: id, ...this.tenant(ctx, stock.merchantId), changes });
      return true;
    });
    return this.stocks.reload(this.db, id);
  }

  activate(ctx: RequestContext, id: string) {
    return this.move(ctx, id, 'activate');
  }

  pause(ctx: RequestContext, id: string) {
    return this.move(ctx, id, 'pause');
  }

  end(ctx: RequestContext, id: string) {
    return this.move(ctx, id, 'end');
  }

  /**
   * Compare-and-set on the quantity and the money budget: the change applies only if both are still
   * what the caller decided on, never below what customers already hold, and `remaining` follows in
   * the same UPDATE (an active stock with nothing left becomes EXHAUSTED, and back).
   */
  async adjustBudget(ctx: RequestContext, id: string, input: CouponStockBudgetInput): Promise<CouponStockType> {
    const stock = await this.load(ctx, id, 'adjustBudget');
    if (stock.status === 'ENDED') throw new ConflictError('This stock has ended: its budget can no longer change.', { reason: 'ENDED', status: stock.status });
    const total = input.totalQuantity;
    const budget = input.budgetAmount ?? null;
    const expectedBudget = input.expectedBudgetAmount ?? null;
    if (budget != null && amountPerCoupon(stock) == null) {
      throw new BadUserInputError('budgetAmount', stock.type === 'EXCHANGE' ? 'An exchange coupon has no value to spend a budget in money on: leave it empty.' : 'A budget in money needs a maximum discount on the coupon: leave it empty.');
    }
    const now = new Date();
    // What customers hold is what the claim counters have admitted: they must exist to be asked.
    await this.counters.ensure(id);
    const unit = amountPerCoupon(stock);
    const belowClaimed = (claimed: number) =>
      claimed <= total && budget != null && unit != null && claimed * unit > budget
        ? new BadUserInputError('budgetAmount', `Coupons worth ${claimed * unit} (minor units) have already been claimed: the budget cannot go below that.`)
        : new BadUserInputError('totalQuantity', `${claimed} coupons have already been claimed: the total quantity cannot go below that.`);
    const applied = await this.withCounters(id, async (tx) => {
      const rows = await tx.$queryRaw<BudgetRow[]>`
        UPDATE coupon_stocks s SET
          "totalQuantity" = ${total},
          remaining = ${total} - s."claimedCount",
          "budgetAmount" = ${budget}::int,
          "budgetCount" = CASE WHEN s."budgetCount" IS NULL THEN NULL ELSE LEAST(s."budgetCount", ${total}) END,
          status = (CASE
            WHEN s.status = 'ACTIVE' AND ${total} - s."claimedCount" = 0 THEN 'EXHAUSTED'
            WHEN s.status = 'EXHAUSTED' AND ${total} - s."claimedCount" > 0 THEN 'ACTIVE'
            ELSE s.status::text END)::"CouponStockStatus",
          version = s.version + 1,
          "updatedAt" = ${now}
        FROM (SELECT id, status, remaining, "budgetCount" FROM coupon_stocks WHERE id = ${id}::uuid FOR UPDATE) old
        WHERE s.id = old.id
          AND s.status <> 'ENDED'
          AND s."totalQuantity" = ${input.expectedTotalQuantity}
          AND s."budgetAmount" IS NOT DISTINCT FROM ${expectedBudget}::int
          AND s."claimedCount" <= ${total}
          AND (${budget}::int IS NULL OR s."claimedAmount" <= ${budget}::int)
        RETURNING old.status::text AS "fromStatus", s.status::text AS "toStatus", old.remaining AS "fromRemaining", s.remaining AS "toRemaining",
          old."budgetCount" AS "fromBudgetCount", s."budgetCount" AS "toBudgetCount"`;
      const row = rows[0];
      if (!row) return null;
      const changes: Record<string, { from: unknown; to: unknown }> = {
        totalQuantity: { from: input.expectedTotalQuantity, to: total },
        remaining: { from: row.fromRemaining, to: row.toRemaining },
        budgetAmount: { from: expectedBudget, to: budget },
      };
      if (row.fromBudgetCount !== row.toBudgetCount) changes['budgetCount'] = { from: row.fromBudgetCount, to: row.toBudgetCount };
      if (row.fromStatus !== row.toStatus) changes['status'] = { from: row.fromStatus, to: row.toStatus };
      await this.audit.record(tx, ctx, { action: 'coupon-stock.adjust-budget', subjectType: 'CouponStock', subjectId: id, ...this.tenant(ctx, stock.merchantId), changes });
      return true;
    }, belowClaimed);
    if (!applied) throw await this.whyBudgetRefused(id, input);
    return this.stocks.reload(this.db, id);
  }

  private async whyBudgetRefused(id: string, input: CouponStockBudgetInput): Promise<Error> {
    const now = await this.db.couponStock.findUniqueOrThrow({ where: { id } });
    if (now.status === 'ENDED') return new ConflictError('This stock has ended: its budget can no longer change.', { reason: 'ENDED', status: now.status });
    const current = { totalQuantity: now.totalQuantity, budgetAmount: now.budgetAmount };
    if (now.totalQuantity !== input.expectedTotalQuantity || now.budgetAmount !== (input.expectedBudgetAmount ?? null)) {
      return new ConflictError('The budget was changed meanwhile: check the current figures and try again.', { reason: 'BUDGET_CHANGED', current });
    }
    if (now.claimedCount > input.totalQuantity) {
      return new BadUserInputError('totalQuantity', `${now.claimedCount} coupons have already been claimed: the total quantity cannot go below that.`);
    }
    if (input.budgetAmount != null && now.claimedAmount > input.budgetAmount) {
      return new BadUserInputError('budgetAmount', `Coupons worth ${now.claimedAmount} (minor units) have already been claimed: the budget cannot go below that.`);
    }
    return new ConflictError('The stock changed meanwhile: reload it and try again.', { reason: 'STOCK_CHANGED', current });
  }

  private async move(ctx: RequestContext, id: string, move: Move): Promise<CouponStockType> {
    const stock = await this.load(ctx, id, 'update');
    const now = new Date();
    const refusal = await this.whyNot(stock, move, now);
    if (refusal) throw refusal;
    const { from, to } = MOVES[move];
    // Only activation depends on the clock and the counters; they are checked again in the UPDATE.
    const guard = move === 'activate' ? Prisma.sql`AND s."claimEndsAt" > ${now} AND s.remaining > 0` : Prisma.empty;
    const moved = await this.withCounters(id, async (tx) => {
      const rows = await tx.$queryRaw<{ from: CouponStockStatus }[]>`
        UPDATE coupon_stocks s SET status = ${to}::"CouponStockStatus", version = s.version + 1, "updatedAt" = ${now}
        FROM (SELECT id, status FROM coupon_stocks WHERE id = ${id}::uuid FOR UPDATE) old
        WHERE s.id = old.id AND old.status::text IN (${Prisma.join(from)}) ${guard}
        RETURNING old.status::text AS "from"`;
      if (!rows[0]) return null;
      await this.audit.record(tx, ctx, {
        action: `coupon-stock.${move}`,
        subjectType: 'CouponStock',
        subjectId: id,
        ...this.tenant(ctx, stock.merchantId),
        changes: { status: { from: rows[0].from, to } },
      });
      return true;
    });
    if (!moved) {
      const fresh = await this.load(ctx, id, 'update');
      throw (await this.whyNot(fresh, move, new Date())) ?? new ConflictError('The stock changed meanwhile: reload it and try again.', { reason: 'STOCK_CHANGED' });
    }
    // Counters ready before the first customer arrives (a claim would build them otherwise).
    if (move === 'activate') await this.counters.ensure(id);
    return this.stocks.reload(this.db, id);
  }

  /** Why `move` cannot happen to the stock as it is now (a CONFLICT the merchant can act on), or null. */
  private async whyNot(stock: LoadedStock, move: Move, now: Date): Promise<ConflictError | null> {
    const { from } = MOVES[move];
    const status = stock.status;
    if (!from.includes(status)) {
      const conflict = (message: string) => new ConflictError(message, { reason: 'INVALID_TRANSITION', status });
      if (status === 'ENDED') return conflict(move === 'end' ? 'This stock has already ended.' : 'This stock has ended: an ended stock cannot be reopened.');
      if (move === 'activate' && status === 'ACTIVE') return conflict('This stock is already active.');
      if (move === 'activate' && status === 'EXHAUSTED') return conflict('Nothing remains to hand out: raise the total quantity (adjust the budget) and it becomes active again.');
      if (move === 'pause' && status === 'PAUSED') return conflict('This stock is already paused.');
      if (move === 'pause' && status === 'DRAFT') return conflict('Only an active stock can be paused: this one is still a draft.');
      if (move === 'pause' && status === 'EXHAUSTED') return conflict('Nothing remains to hand out, so there is nothing to pause: end the stock or raise its total quantity.');
      return conflict(`A ${status.toLowerCase()} stock cannot be ${move === 'end' ? 'ended' : `${move}d`}.`);
    }
    if (move !== 'activate') return null;
    if (stock.claimEndsAt.getTime() <= now.getTime()) {
      return new ConflictError(`The claim window ended at ${stock.claimEndsAt.toISOString()}: extend it (edit the stock) before activating.`, { reason: 'CLAIM_WINDOW_OVER', field: 'claimEndsAt' });
    }
    if (stock.remaining <= 0) {
      return new ConflictError('Nothing remains to hand out: raise the total quantity (adjust the budget) before activating.', { reason: 'NOTHING_REMAINS', field: 'totalQuantity' });
    }
    if (stock.budgetCount != null && stock.claimedCount >= stock.budgetCount) {
      return new ConflictError('The budget in coupons is used up: nothing more can be handed out.', { reason: 'BUDGET_SPENT', field: 'budgetCount' });
    }
    const unit = amountPerCoupon(stock);
    if (stock.budgetAmount != null && unit != null && stock.claimedAmount + unit > stock.budgetAmount) {
      return new ConflictError('The budget in money is used up: raise it (adjust the budget) before activating.', { reason: 'BUDGET_SPENT', field: 'budgetAmount' });
    }
    if (stock.codeMode === 'UPLOADED') return this.whyCodesShort(stock);
    return null;
  }

  /**
   * An uploaded-code stock hands each customer one of its codes: it runs only with an unused code for
   * every coupon it still promises (the claim path, which takes one code per claim, stops when none is left).
   */
  private async whyCodesShort(stock: LoadedStock): Promise<ConflictError | null> {
    const unused = await this.db.uploadedCode.count({ where: { stockId: stock.id, used: false } });
    if (unused >= stock.remaining) return null;
    const details = { reason: 'CODES_NOT_UPLOADED', field: 'codeMode', unusedCodes: unused, remaining: stock.remaining };
    const codes = (n: number) => `${n} ${n === 1 ? 'code' : 'codes'}`;
    if (unused === 0) {
      return new ConflictError(`This stock hands out the codes you upload, and none are uploaded yet: upload ${codes(stock.remaining)} (one for each coupon it hands out) with "Upload codes", then activate it.`, details);
    }
    return new ConflictError(
      `This stock still hands out ${stock.remaining} coupons but has only ${unused} unused uploaded ${unused === 1 ? 'code' : 'codes'}: upload ${stock.remaining - unused} more with "Upload codes" (or lower the total quantity), then activate it.`,
      details,
    );
  }

  /**
   * The merchant a new stock is for: the workspace's own, or the one a provider (or the platform)
   * names. It must allow the operation, be active and be enrolled in merchant coupons.
   */
  private async merchantFor(ctx: RequestContext, requested: string | null) {
    const m = ctx.principal?.membership;
    let merchantId: string;
    if (m?.kind === 'MERCHANT' && m.merchantId) {
      if (requested && requested.toLowerCase() !== m.merchantId) throw new ForbiddenError('A merchant workspace creates stocks for its own merchant only.', 'merchantId');
      merchantId = m.merchantId;
    } else {
      if (!requested) throw new BadUserInputError('merchantId', 'Choose the merchant the stock is for.');
      merchantId = requested.toLowerCase();
    }
    if (!canOn(ctx.ability, 'create', 'CouponStock', { merchantId })) {
      throw new ForbiddenError(m?.kind === 'PROVIDER' ? 'No active authorization of this merchant lets you manage its coupons.' : undefined, 'merchantId');
    }
    const merchant = await this.db.merchant.findUnique({
      where: { id: merchantId },
      select: { id: true, currency: true, status: true, enrollments: { where: { status: 'ACTIVE', product: { code: COUPONS_PRODUCT } }, select: { id: true } } },
    });
    if (!merchant) throw new NotFoundError('Merchant', merchantId);
    if (merchant.enrollments.length === 0) throw new ProductNotEnabledError(COUPONS_PRODUCT);
    if (merchant.status !== 'ACTIVE') throw new ForbiddenError('The merchant is not active: its coupons cannot change.');
    return merchant;
  }

  /** Another tenant's stock is NOT_FOUND, like one that does not exist; a visible one must allow `action`. */
  async load(ctx: RequestContext, id: string, action: 'update' | 'adjustBudget'): Promise<LoadedStock> {
    const row = await this.db.couponStock.findFirst({
      where: { AND: [accessibleWhere(ctx.ability, 'CouponStock'), ENROLLED_MERCHANT, { id }] },
      include: { ...STOCK_INCLUDE, merchant: { select: { status: true } } },
    });
    if (!row) throw new NotFoundError('Coupon stock', id);
    const { merchant, stores, ...stock } = row;
    if (!canOn(ctx.ability, action, 'CouponStock', stock)) {
      throw new ForbiddenError(action === 'adjustBudget' ? 'Only owners and managers (or an authorized provider) change the quantity and budget of a stock.' : undefined);
    }
    // A suspended merchant's staff lose their write rules; a provider's authorization does not say so.
    if (merchant.status !== 'ACTIVE' && ctx.principal?.membership?.kind !== 'PLATFORM') throw new ForbiddenError('The merchant is not active: its coupons cannot change.');
    return { ...stock, storeIds: stores.map((s) => s.storeId), merchantStatus: merchant.status };
  }

  private async assertOpenStores(merchantId: string, storeIds: string[]): Promise<void> {
    if (storeIds.length === 0) return;
    const stores = await this.db.store.findMany({ where: { id: { in: storeIds }, merchantId }, select: { id: true, name: true, status: true } });
    for (const id of storeIds) {
      const store = stores.find((s) => s.id === id);
      if (!store) throw new BadUserInputError('storeIds', `Store ${id} is not a store of this merchant: choose among its open stores (or none, for every store).`);
      if (store.status !== 'OPEN') throw new BadUserInputError('storeIds', `${store.name} is closed: choose among the open stores (or none, for every store).`);
    }
  }

  /** Whose stock it is, for the audit: a provider acts on behalf of the merchant. */
  tenant(ctx: RequestContext, merchantId: string) {
    return ctx.principal?.membership?.kind === 'PROVIDER' ? { onBehalfOfMerchantId: merchantId } : { merchantId };
  }
}

interface BudgetRow {
  fromStatus: string;
  toStatus: string;
  fromRemaining: number;
  toRemaining: number;
  fromBudgetCount: number | null;
  toBudgetCount: number | null;
}

function staleStock() {
  return new ConflictError('The stock was changed meanwhile: reload it and try again.', { reason: 'STALE_VERSION', field: 'version' });
}

function lockedMessage(field: keyof StockFields): string {
  if (field === 'totalQuantity' || field === 'budgetAmount') return `${LABELS[field]} of an activated stock changes through "Adjust budget".`;
  return `${LABELS[field]} cannot change once the stock has been activated (customers may already hold its coupons): only the name, the description and a later end of the claim window can.`;
}
