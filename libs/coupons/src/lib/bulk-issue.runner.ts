import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type BulkIssueRun, type Db, PRISMA, type Tx } from '@mop/data-access';
import { AppError } from '@mop/api-kit';
import { QueueName } from '@mop/queues';
import { bulkIssueJob } from './bulk-issue.jobs';
import { type ClaimableStock, CouponClaimService } from './claim.service';

/** Items one transaction takes (locked, claimed, recorded with the run's counters). */
export const BULK_ISSUE_CHUNK = 200;
/** Claims of a chunk in flight at once: in list order, a few at a time. */
const PARALLEL_CLAIMS = 4;
/** How long a PENDING or RUNNING run may go without progress before the sweep looks for its job. */
export const BULK_ISSUE_SWEEP_GRACE_MS = 2 * 60_000;
const SWEEP_BATCH = 100;

/** Refusals that hold for every customer after this one: the rest of the run is skipped without asking. */
const RUN_STOPPERS = new Set(['SOLD_OUT', 'NOT_ACTIVE', 'NOT_STARTED', 'CLAIM_WINDOW_OVER', 'MERCHANT_NOT_ACTIVE', 'AUTHORIZATION_REVOKED']);
/** Refusals about one customer: skipped, and the run goes on. */
const CUSTOMER_REFUSALS = new Set(['CUSTOMER_LIMIT', 'DAILY_LIMIT']);

interface ItemRow {
  id: string;
  customerRef: string;
}

interface Outcome {
  status: 'ISSUED' | 'SKIPPED' | 'FAILED';
  couponId: string | null;
  reason: string | null;
  error: string | null;
}

interface Stop {
  reason: string;
  error: string;
}

/** What a pass over a run ended with (also the job's return value). */
export interface BulkIssueProgress {
  runId: string;
  status: BulkIssueRun['status'];
  total: number;
  issued: number;
  skipped: number;
  failed: number;
}

/** The claim request id of a run's customer: the same on every pass, so a retried claim returns the first coupon. */
export function bulkIssueRequestId(runId: string, customerRef: string): string {
  return `bulk:${runId}:${customerRef}`;
}

/**
 * Runs a bulk issue (the worker's RunBulkIssue job): PENDING items in list order, a chunk per
 * transaction, locked with SKIP LOCKED so that two workers on one run share it; each item is a claim
 * with a deterministic request id, so a pass that dies after some claims committed (a crash, a failed
 * commit) gets the same coupons back on the next pass instead of issuing twice. The items and the
 * run's counters commit together per chunk: the counters are the progress the console polls. A
 * refusal that holds for everyone (sold out, paused, window over) skips the rest without claiming.
 */
@Injectable()
export class BulkIssueRunner {
  private readonly logger = new Logger(BulkIssueRunner.name);

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly claims: CouponClaimService,
    @InjectQueue(QueueName.Coupons) private readonly queue: Queue,
  ) {}

  /**
   * One pass: until no PENDING item is left to take. An unexpected error (the database, a bug) aborts
   * the chunk — its items stay PENDING and the job is retried — except on the job's `finalAttempt`,
   * where it is recorded as the item's failure so that the run ends.
   */
  async run(runId: string, opts: { finalAttempt?: boolean } = {}): Promise<BulkIssueProgress | null> {
    const run = await this.db.bulkIssueRun.findUnique({ where: { id: runId } });
    if (!run) return null;
    if (run.status !== 'PENDING' && run.status !== 'RUNNING') return progressOf(run);
    await this.db.$executeRaw`
      UPDATE bulk_issue_runs SET status = 'RUNNING', "startedAt" = COALESCE("startedAt", now()), "updatedAt" = now()
      WHERE id = ${runId}::uuid AND status IN ('PENDING', 'RUNNING')`;
    let stop: Stop | null = null;
    for (;;) {
      stop = stop ?? (await this.whyStop(run));
      const taken = await this.chunk(run, stop, Boolean(opts.finalAttempt));
      if (taken.count === 0) break;
      stop = taken.stop;
    }
    return this.finish(runId);
  }

  /**
   * Runs waiting or running without progress whose job is gone (a worker crash past its retries, a
   * Redis that lost its data, an enqueue that failed after the start committed) get their job back,
   * under the same id.
   */
  async sweep(now = new Date()): Promise<number> {
    const stale = await this.db.bulkIssueRun.findMany({
      where: { status: { in: ['PENDING', 'RUNNING'] }, updatedAt: { lt: new Date(now.getTime() - BULK_ISSUE_SWEEP_GRACE_MS) } },
      select: { id: true },
      orderBy: { updatedAt: 'asc' },
      take: SWEEP_BATCH,
    });
    let requeued = 0;
    for (const { id } of stale) {
      const job = await this.queue.getJob(id);
      if (job) {
        const state = await job.getState();
        // Waiting, delayed or running: that job carries the run on.
        if (state !== 'completed' && state !== 'failed' && state !== 'unknown') continue;
        await job.remove().catch(() => undefined);
      }
      const { name, data, opts } = bulkIssueJob(id);
      await this.queue.add(name, data, opts);
      requeued += 1;
    }
    if (requeued) this.logger.warn(`re-enqueued ${requeued} bulk issue runs without a live job`);
    return requeued;
  }

  /** Takes the next PENDING items, issues them and records the outcome; `count` 0 when none was left to take. */
  private async chunk(run: BulkIssueRun, stopBefore: Stop | null, finalAttempt: boolean): Promise<{ count: number; stop: Stop | null }> {
    const stock = stopBefore ? null : await this.claims.claimable(run.stockId);
    return this.db.$transaction(
      async (tx) => {
        const items = await tx.$queryRaw<ItemRow[]>`
          SELECT id, "customerRef" FROM bulk_issue_items
          WHERE "runId" = ${run.id}::uuid AND status = 'PENDING'
          ORDER BY seq
          LIMIT ${BULK_ISSUE_CHUNK}
          FOR UPDATE SKIP LOCKED`;
        if (items.length === 0) return { count: 0, stop: stopBefore };
        let stop = stopBefore;
        let failure: { error: unknown } | null = null;
        const outcomes: Outcome[] = new Array<Outcome>(items.length);
        let next = 0;
        const lane = async () => {
          // After a failure no lane takes another item; the claims in flight finish before the chunk rolls back.
          while (next < items.length && !failure) {
            const i = next++;
            if (stop || !stock) {
              outcomes[i] = skipped(stop ?? { reason: 'NOT_ACTIVE', error: 'The stock is no longer handing out coupons.' });
              continue;
            }
            try {
              outcomes[i] = await this.issue(run, stock, items[i], finalAttempt);
            } catch (error) {
              failure = failure ?? { error };
              return;
            }
            const reason = outcomes[i].reason;
            if (outcomes[i].status === 'SKIPPED' && reason && RUN_STOPPERS.has(reason)) stop = stop ?? { reason, error: outcomes[i].error ?? reason };
          }
        };
        await Promise.all(Array.from({ length: Math.min(PARALLEL_CLAIMS, items.length) }, lane));
        if (failure) throw (failure as { error: unknown }).error;
        await this.ledgerFirst(tx, run, items, outcomes);
        await this.record(tx, run.id, items, outcomes);
        return { count: items.length, stop };
      },
      { timeout: 5 * 60_000, maxWait: 30_000 },
    );
  }

  /** One customer's claim: ISSUED, SKIPPED with the refusal, FAILED with the error (or thrown, to retry the chunk). */
  private async issue(run: BulkIssueRun, stock: ClaimableStock, item: ItemRow, finalAttempt: boolean): Promise<Outcome> {
    try {
      const coupon = await this.claims.claimFor({
        stock,
        customerRef: item.customerRef,
        requestId: bulkIssueRequestId(run.id, item.customerRef),
        channel: 'BULK_ISSUE',
        actor: { userId: run.requestedById, apiKeyId: null, providerId: run.providerId, sandbox: false },
        bulkIssueRunId: run.id,
      });
      return { status: 'ISSUED', couponId: coupon.id, reason: null, error: null };
    } catch (err) {
      if (err instanceof AppError) {
        const ext = err.extensions as { code?: string; reason?: string };
        const reason = ext.reason ?? ext.code ?? 'ERROR';
        // The counters were being rebuilt the whole time: a moment later the claim goes through.
        if (reason === 'RETRY' && !finalAttempt) throw err;
        if (RUN_STOPPERS.has(reason) || CUSTOMER_REFUSALS.has(reason)) return skipped({ reason, error: err.message });
        return { status: 'FAILED', couponId: null, reason, error: err.message };
      }
      if (!finalAttempt) throw err;
      this.logger.error(`bulk issue ${run.id}: claiming for ${item.customerRef} failed on the last attempt: ${String(err)}`);
      return { status: 'FAILED', couponId: null, reason: 'ERROR', error: err instanceof Error ? err.message.slice(0, 500) : String(err).slice(0, 500) };
    }
  }

  /**
   * The coupon rows are the ledger: a customer not marked ISSUED whose deterministic claim did make a
   * coupon of this run (an earlier pass that died before recording it, a commit whose answer was lost)
   * is ISSUED with that coupon — never issued a second one.
   */
  private async ledgerFirst(tx: Tx, run: BulkIssueRun, items: ItemRow[], outcomes: Outcome[]): Promise<void> {
    const open = items.map((item, i) => ({ item, i })).filter(({ i }) => outcomes[i].status !== 'ISSUED');
    if (open.length === 0) return;
    const coupons = await tx.coupon.findMany({
      where: { merchantId: run.merchantId, claimRequestId: { in: open.map(({ item }) => bulkIssueRequestId(run.id, item.customerRef)) } },
      select: { id: true, stockId: true, customerRef: true, bulkIssueRunId: true },
    });
    const mine = new Map(coupons.filter((c) => c.stockId === run.stockId && c.bulkIssueRunId === run.id).map((c) => [c.customerRef, c.id]));
    for (const { item, i } of open) {
      const couponId = mine.get(item.customerRef);
      if (couponId) outcomes[i] = { status: 'ISSUED', couponId, reason: null, error: null };
    }
  }

  /** The chunk's items and the run's counters, in the chunk's transaction. */
  private async record(tx: Tx, runId: string, items: ItemRow[], outcomes: Outcome[]): Promise<void> {
    await tx.$executeRaw`
      UPDATE bulk_issue_items i
      SET status = v.status::"BulkIssueItemStatus", "couponId" = v.coupon, reason = v.reason, error = v.error, "updatedAt" = now()
      FROM unnest(${items.map((it) => it.id)}::uuid[], ${outcomes.map((o) => o.status)}::text[], ${outcomes.map((o) => o.couponId)}::uuid[],
                  ${outcomes.map((o) => o.reason)}::text[], ${outcomes.map((o) => o.error)}::text[]) AS v(id, status, coupon, reason, error)
      WHERE i.id = v.id`;
    const count = (status: Outcome['status']) => outcomes.filter((o) => o.status === status).length;
    await tx.$executeRaw`
      UPDATE bulk_issue_runs SET issued = issued + ${count('ISSUED')}, skipped = skipped + ${count('SKIPPED')}, failed = failed + ${count('FAILED')}, "updatedAt" = now()
      WHERE id = ${runId}::uuid`;
  }

  /**
   * Whether the run can issue at all now: the merchant still active and enrolled, and — for a run a
   * provider started — its authorization still granting COUPONS_MANAGE (a revocation takes effect on
   * the run's next chunk, as it would on the provider's next request).
   */
  private async whyStop(run: BulkIssueRun): Promise<Stop | null> {
    const stock = await this.claims.claimable(run.stockId);
    if (!stock || !stock.merchantActive || !stock.enrolled) {
      return { reason: 'MERCHANT_NOT_ACTIVE', error: 'The merchant is not active (or no longer runs merchant coupons): its coupons cannot be handed out.' };
    }
    if (run.providerId) {
      const granted = await this.db.authorization.count({
        where: { merchantId: run.merchantId, providerId: run.providerId, status: 'ACTIVE', expiresAt: { gt: new Date() }, scopes: { has: 'COUPONS_MANAGE' } },
      });
      if (granted === 0) return { reason: 'AUTHORIZATION_REVOKED', error: "The provider that started this run no longer holds the merchant's authorization to manage its coupons." };
    }
    return null;
  }

  /** Ends the run once no item is PENDING (another worker may still hold a chunk: it ends the run then). */
  private async finish(runId: string): Promise<BulkIssueProgress> {
    await this.db.$executeRaw`
      UPDATE bulk_issue_runs r
      SET status = (CASE WHEN r.failed = 0 THEN 'COMPLETED' WHEN r.failed = r.total THEN 'FAILED' ELSE 'PARTIAL' END)::"BulkIssueStatus",
          "finishedAt" = now(), "updatedAt" = now()
      WHERE r.id = ${runId}::uuid AND r.status = 'RUNNING'
        AND NOT EXISTS (SELECT 1 FROM bulk_issue_items i WHERE i."runId" = r.id AND i.status = 'PENDING')`;
    return progressOf(await this.db.bulkIssueRun.findUniqueOrThrow({ where: { id: runId } }));
  }
}

function skipped(stop: Stop): Outcome {
  return { status: 'SKIPPED', couponId: null, reason: stop.reason, error: stop.error };
}

function progressOf(run: BulkIssueRun): BulkIssueProgress {
  return { runId: run.id, status: run.status, total: run.total, issued: run.issued, skipped: run.skipped, failed: run.failed };
}
