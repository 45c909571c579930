import { createHash } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type BulkIssueRun, type CouponStock, type Db, isUniqueViolation, type Prisma, PRISMA } from '@mop/data-access';
import { BadUserInputError, ConflictError, ForbiddenError, type ListArgs, NotFoundError, type RequestContext, toPage } from '@mop/api-kit';
import { AuditService } from '@mop/audit';
import { accessibleWhere, canOn } from '@mop/authz';
import { QueueName } from '@mop/queues';
import { bulkIssueJob } from './bulk-issue.jobs';
import {
  type BulkIssueItemsArgs,
  type BulkIssueItemType,
  type BulkIssueOutcomeType,
  type BulkIssueRunFilter,
  type BulkIssueRunType,
  MAX_BULK_ISSUE_ITEMS_PAGE,
  type StartBulkIssueInput,
} from './bulk-issue.types';
import { CouponStockAdminService } from './coupon-stock-admin.service';
import { COUPONS_PRODUCT, ENROLLED_MERCHANT } from './coupon-stock.service';

/** Items written per statement when a run is created (100,000 refs: 5 statements). */
const ITEM_INSERT_CHUNK = 20_000;
const SORTABLE = ['createdAt', 'status', 'finishedAt', 'total'] as const;
const ENROLLED_RUN_MERCHANT: Prisma.BulkIssueRunWhereInput = { merchant: { enrollments: { some: { status: 'ACTIVE', product: { code: COUPONS_PRODUCT } } } } };

type RunRow = BulkIssueRun & { stock: { name: string } };

/** The refs of a run: each once, in the order of their first occurrence (which decides who gets one when the stock runs short). */
export function distinctRefs(refs: readonly string[]): string[] {
  return [...new Set(refs)];
}

/** What a replayed start must send again: the same refs in the same order. */
export function refsDigest(refs: readonly string[]): string {
  return createHash('sha256').update(refs.join('\n')).digest('hex');
}

/**
 * Bulk issue, the request side: starting a run (access checked like a claim, the run and its items
 * written in one transaction with the audit event, then the job enqueued after the commit) and reading
 * runs and their items. The worker's BulkIssueRunner does the issuing.
 */
@Injectable()
export class BulkIssueService {
  private readonly logger = new Logger(BulkIssueService.name);

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly audit: AuditService,
    private readonly admin: CouponStockAdminService,
    @InjectQueue(QueueName.Coupons) private readonly queue: Queue,
  ) {}

  async start(ctx: RequestContext, input: StartBulkIssueInput): Promise<BulkIssueRunType> {
    const stockId = input.stockId.toLowerCase();
    const stock = await this.db.couponStock.findFirst({
      where: { AND: [accessibleWhere(ctx.ability, 'CouponStock'), ENROLLED_MERCHANT, { id: stockId }] },
      include: { merchant: { select: { status: true } } },
    });
    if (!stock) throw new NotFoundError('Coupon stock', input.stockId);
    if (!canOn(ctx.ability, 'create', 'BulkIssueRun', { merchantId: stock.merchantId })) throw new ForbiddenError('You may look at this stock but not issue its coupons in bulk.');
    if (stock.merchant.status !== 'ACTIVE') throw new ForbiddenError('The merchant is not active: its coupons cannot be handed out.');
    if (!stock.channels.includes('BULK_ISSUE')) {
      throw new BadUserInputError('stockId', `This stock is handed out through ${stock.channels.join(', ') || 'no channel'}, not BULK_ISSUE: choose a stock with the bulk issue channel.`);
    }
    const refs = distinctRefs(input.customerRefs);
    const digest = refsDigest(refs);
    const earlier = await this.replayOf(stock.merchantId, input.requestId, stock.id, digest);
    if (earlier) return earlier;
    assertIssuing(stock, new Date());

    let runId: string;
    try {
      runId = await this.db.$transaction(
        async (tx) => {
          const run = await tx.bulkIssueRun.create({
            data: {
              merchantId: stock.merchantId,
              stockId: stock.id,
              requestId: input.requestId,
              inputDigest: digest,
              requestedById: ctx.userId,
              providerId: ctx.actingProviderId,
              total: refs.length,
            },
          });
          // One array parameter per statement (not a row of parameters per item): 100,000 items in a second or two.
          for (let i = 0; i < refs.length; i += ITEM_INSERT_CHUNK) {
            await tx.$executeRaw`
              INSERT INTO bulk_issue_items (id, "runId", "merchantId", seq, "customerRef", status, "updatedAt")
              SELECT gen_random_uuid(), ${run.id}::uuid, ${stock.merchantId}::uuid, ${i}::int + r.n::int, r.ref, 'PENDING', now()
              FROM unnest(${refs.slice(i, i + ITEM_INSERT_CHUNK)}::text[]) WITH ORDINALITY AS r(ref, n)`;
          }
          await this.audit.record(tx, ctx, {
            action: 'bulk-issue.start',
            subjectType: 'BulkIssueRun',
            subjectId: run.id,
            ...this.admin.tenant(ctx, stock.merchantId),
            // Counts only: the refs identify the merchant's customers, and the audit is widely readable.
            changes: { stockId: stock.id, stockName: stock.name, received: input.customerRefs.length, customers: refs.length },
          });
          return run.id;
        },
        { timeout: 120_000, maxWait: 10_000 },
      );
    } catch (err) {
      // The same start, sent twice at once: the second finds the first's run.
      if (isUniqueViolation(err, ['merchantId', 'requestId'])) {
        const first = await this.replayOf(stock.merchantId, input.requestId, stock.id, digest);
        if (first) return first;
      }
      throw err;
    }
    await this.enqueue(runId);
    return this.load(runId);
  }

  async list(ctx: RequestContext, args: ListArgs, filter: BulkIssueRunFilter = {}): Promise<BulkIssueRunType[]> {
    const rows = await this.db.bulkIssueRun.findMany({ where: this.where(ctx, filter), include: { stock: { select: { name: true } } }, ...toPage(args, SORTABLE, ['createdAt', 'desc']) });
    return this.withNames(rows);
  }

  count(ctx: RequestContext, filter: BulkIssueRunFilter = {}): Promise<number> {
    return this.db.bulkIssueRun.count({ where: this.where(ctx, filter) });
  }

  async get(ctx: RequestContext, id: string): Promise<BulkIssueRunType> {
    const row = await this.db.bulkIssueRun.findFirst({ where: this.where(ctx, { ids: [id] }), include: { stock: { select: { name: true } } } });
    if (!row) throw new NotFoundError('Bulk issue run', id);
    return (await this.withNames([row]))[0];
  }

  /** A run's customers in list order, with the coupon each got or why none. */
  async items(ctx: RequestContext, args: BulkIssueItemsArgs): Promise<BulkIssueItemType[]> {
    const perPage = args.perPage ?? 100;
    const page = args.page ?? 0;
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_BULK_ISSUE_ITEMS_PAGE) throw new BadUserInputError('perPage', `perPage must be between 1 and ${MAX_BULK_ISSUE_ITEMS_PAGE}.`);
    if (!Number.isInteger(page) || page < 0) throw new BadUserInputError('page', 'page must be 0 or more.');
    const run = await this.get(ctx, args.runId.toLowerCase());
    const rows = await this.db.bulkIssueItem.findMany({
      where: { runId: run.id, ...(args.status ? { status: args.status } : {}) },
      orderBy: { seq: 'asc' },
      skip: page * perPage,
      take: perPage,
    });
    const couponIds = rows.map((r) => r.couponId).filter((id): id is string => id !== null);
    const coupons = couponIds.length ? await this.db.coupon.findMany({ where: { id: { in: couponIds } }, select: { id: true, code: true } }) : [];
    const codes = new Map(coupons.map((c) => [c.id, c.code]));
    return rows.map((r) => ({
      id: r.id, runId: r.runId, seq: r.seq, customerRef: r.customerRef, status: r.status, couponId: r.couponId,
      couponCode: r.couponId ? (codes.get(r.couponId) ?? null) : null, reason: r.reason, error: r.error, updatedAt: r.updatedAt,
    }));
  }

  /** How the run's items ended, by status and reason (for a run already read through the ability). */
  async outcomes(runId: string): Promise<BulkIssueOutcomeType[]> {
    const groups = await this.db.bulkIssueItem.groupBy({ by: ['status', 'reason'], where: { runId }, _count: { _all: true } });
    return groups.map((g) => ({ status: g.status, reason: g.reason, count: g._count._all })).sort((a, b) => b.count - a.count || `${a.status}${a.reason}`.localeCompare(`${b.status}${b.reason}`));
  }

  /** The run an earlier start with this request id made, if the same start; CONFLICT if another. */
  private async replayOf(merchantId: string, requestId: string, stockId: string, digest: string): Promise<BulkIssueRunType | null> {
    const earlier = await this.db.bulkIssueRun.findUnique({ where: { merchantId_requestId: { merchantId, requestId } } });
    if (!earlier) return null;
    if (earlier.stockId !== stockId || earlier.inputDigest !== digest) {
      throw new ConflictError('This request id was already used to start another bulk issue: use a new one for a new run.', { reason: 'IDEMPOTENCY_KEY_REUSED', field: 'requestId' });
    }
    // Its job may never have been enqueued (Redis was down after the commit): the same id makes this harmless.
    if (earlier.status === 'PENDING') await this.enqueue(earlier.id);
    return this.load(earlier.id);
  }

  /** After the commit. A failure here leaves a PENDING run that the worker's sweep enqueues. */
  private async enqueue(runId: string): Promise<void> {
    const { name, data, opts } = bulkIssueJob(runId);
    await this.queue.add(name, data, opts).catch((e: unknown) => this.logger.error(`enqueueing bulk issue run ${runId} failed (the sweep will): ${String(e)}`));
  }

  private async load(id: string): Promise<BulkIssueRunType> {
    const row = await this.db.bulkIssueRun.findUniqueOrThrow({ where: { id }, include: { stock: { select: { name: true } } } });
    return (await this.withNames([row]))[0];
  }

  private async withNames(rows: RunRow[]): Promise<BulkIssueRunType[]> {
    const userIds = [...new Set(rows.map((r) => r.requestedById).filter((id): id is string => id !== null))];
    const users = userIds.length ? await this.db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } }) : [];
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    return rows.map(({ stock, inputDigest: _digest, ...r }) => ({
      ...r,
      stockName: stock.name,
      requestedByName: r.requestedById ? (names.get(r.requestedById) ?? null) : null,
      pending: Math.max(r.total - r.issued - r.skipped - r.failed, 0),
    }));
  }

  private where(ctx: RequestContext, f: BulkIssueRunFilter): Prisma.BulkIssueRunWhereInput {
    return {
      AND: [
        accessibleWhere(ctx.ability, 'BulkIssueRun'),
        ENROLLED_RUN_MERCHANT,
        f.ids?.length ? { id: { in: f.ids.map((id) => id.toLowerCase()) } } : {},
        f.stockId ? { stockId: f.stockId.toLowerCase() } : {},
        f.status ? { status: f.status } : {},
      ],
    };
  }
}

/** A run starts only while the stock hands coupons out; the claims say why not, and so does this. */
function assertIssuing(stock: CouponStock, now: Date): void {
  if (stock.status === 'EXHAUSTED') throw new ConflictError('Nothing is left to hand out: every coupon of this stock has been claimed.', { reason: 'SOLD_OUT', status: stock.status });
  if (stock.status !== 'ACTIVE') {
    throw new ConflictError(`This stock is ${stock.status.toLowerCase()}: activate it before issuing its coupons in bulk.`, { reason: 'NOT_ACTIVE', status: stock.status });
  }
  if (now < stock.claimStartsAt) throw new ConflictError(`Claims open at ${stock.claimStartsAt.toISOString()}: start the bulk issue then.`, { reason: 'NOT_STARTED', claimStartsAt: stock.claimStartsAt.toISOString() });
  if (now >= stock.claimEndsAt) throw new ConflictError(`Claims closed at ${stock.claimEndsAt.toISOString()}.`, { reason: 'CLAIM_WINDOW_OVER' });
}
