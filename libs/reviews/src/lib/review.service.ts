import { Inject, Injectable } from '@nestjs/common';
import { type Application, type Db, type Prisma, PRISMA, type Tx } from '@mop/data-access';
import {
  AppError,
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  type ListArgs,
  NotFoundError,
  type RequestContext,
  toPage,
} from '@mop/api-kit';
import { AuditService } from '@mop/audit';
import { accessibleWhere, canOn } from '@mop/authz';
import { ApplicationEffects } from './application-effects';
import {
  type ApplicationFilter,
  type ApplicationKindName,
  type ApplicationType,
  type BulkDecisionResult,
  REVIEW_TARGET_HOURS,
} from './application.types';

const SORTABLE = ['submittedAt', 'decidedAt', 'kind', 'status'] as const;
const HOUR_MS = 3_600_000;
type ApplicationRow = Prisma.ApplicationGetPayload<{ include: { events: true } }>;

export interface Submission {
  kind: ApplicationKindName;
  subjectType: string;
  subjectId: string;
  merchantId?: string | null;
  providerId?: string | null;
  /** The snapshot reviewers decide on. */
  payload: Record<string, unknown>;
}

/**
 * The one review workflow: applications are filed by the subject's module (in its transaction),
 * decided here by reviewers, and deciding runs the kind's effect in the same transaction.
 * `SUBMITTED → APPROVED | REJECTED | WITHDRAWN`; every other move is CONFLICT.
 */
@Injectable()
export class ReviewService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly effects: ApplicationEffects,
    private readonly audit: AuditService,
  ) {}

  async submit(tx: Tx, ctx: RequestContext, s: Submission): Promise<Application> {
    const application = await tx.application.create({
      data: {
        kind: s.kind,
        subjectType: s.subjectType,
        subjectId: s.subjectId,
        merchantId: s.merchantId ?? null,
        providerId: s.providerId ?? null,
        applicantUserId: ctx.userId,
        payload: s.payload as Prisma.InputJsonValue,
      },
    });
    await tx.applicationEvent.create({ data: { applicationId: application.id, kind: 'SUBMITTED', actorUserId: ctx.userId, actorLabel: actorLabel(ctx) } });
    return application;
  }

  /** An undecided application about the subject, if any: one at a time per subject. */
  pendingFor(tx: Tx, subjectType: string, subjectId: string) {
    return tx.application.findFirst({ where: { subjectType, subjectId, status: 'SUBMITTED' } });
  }

  async list(ctx: RequestContext, args: ListArgs, filter: ApplicationFilter = {}): Promise<ApplicationType[]> {
    const rows = await this.db.application.findMany({
      where: this.where(ctx, filter),
      include: { events: { orderBy: { at: 'asc' } } },
      ...toPage(args, SORTABLE, ['submittedAt', 'asc']),
    });
    return this.view(rows, false);
  }

  count(ctx: RequestContext, filter: ApplicationFilter = {}): Promise<number> {
    return this.db.application.count({ where: this.where(ctx, filter) });
  }

  async get(ctx: RequestContext, id: string): Promise<ApplicationType> {
    return (await this.view([await this.load(ctx, id)], true))[0];
  }

  /** The signed-in user's own applications (onboarding status), newest first. */
  async mine(ctx: RequestContext): Promise<ApplicationType[]> {
    const rows = await this.db.application.findMany({
      where: { applicantUserId: ctx.userId as string },
      include: { events: { orderBy: { at: 'asc' } } },
      orderBy: { submittedAt: 'desc' },
      take: 100,
    });
    return this.view(rows, true);
  }

  /** One of the signed-in user's own applications (an applicant has no workspace right to read the queue). */
  async own(ctx: RequestContext, id: string): Promise<ApplicationType> {
    const rows = await this.db.application.findMany({ where: { id, applicantUserId: ctx.userId as string }, include: { events: { orderBy: { at: 'asc' } } } });
    if (!rows.length) throw new NotFoundError('Application', id);
    return (await this.view(rows, true))[0];
  }

  approve(ctx: RequestContext, id: string, note?: string | null): Promise<ApplicationType> {
    return this.decide(ctx, id, 'APPROVED', note ?? null);
  }

  reject(ctx: RequestContext, id: string, reason: string): Promise<ApplicationType> {
    if (reason.trim().length < 3) throw new BadUserInputError('reason', 'Say why the application is rejected (at least 3 characters).');
    return this.decide(ctx, id, 'REJECTED', reason.trim());
  }

  /** Approves each application on its own: one failure does not undo the others. */
  async bulkApprove(ctx: RequestContext, ids: string[]): Promise<BulkDecisionResult> {
    const result: BulkDecisionResult = { approved: [], failed: [] };
    for (const id of [...new Set(ids)]) {
      try {
        await this.decide(ctx, id, 'APPROVED', null);
        result.approved.push(id);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        result.failed.push({ id, code: String(err.extensions['code']), message: err.message });
      }
    }
    return result;
  }

  async withdraw(ctx: RequestContext, id: string): Promise<ApplicationType> {
    const application = await this.db.application.findFirst({ where: { id, applicantUserId: ctx.userId as string } });
    if (!application) throw new NotFoundError('Application', id);
    this.assertUndecided(application);
    await this.db.$transaction(async (tx) => {
      await this.transition(tx, ctx, application, 'WITHDRAWN', null);
      await this.effects.of(application.kind).withdrawn(tx, ctx, application);
      await this.audit.record(tx, ctx, {
        action: 'application.withdraw',
        subjectType: 'Application',
        subjectId: id,
        merchantId: application.merchantId,
        providerId: application.providerId,
        changes: { kind: application.kind, status: { from: 'SUBMITTED', to: 'WITHDRAWN' } },
      });
    });
    return this.own(ctx, id);
  }

  private async decide(ctx: RequestContext, id: string, status: 'APPROVED' | 'REJECTED', note: string | null): Promise<ApplicationType> {
    const application = await this.load(ctx, id);
    if (!canOn(ctx.ability, 'decide', 'Application', application)) throw new ForbiddenError('Only platform reviewers decide applications.');
    if (application.applicantUserId === ctx.userId) throw new ForbiddenError('You cannot decide your own application.');
    this.assertUndecided(application);
    await this.db.$transaction(async (tx) => {
      await this.transition(tx, ctx, application, status, note);
      const effect = this.effects.of(application.kind);
      if (status === 'APPROVED') await effect.approved(tx, ctx, application);
      else await effect.rejected(tx, ctx, application, note as string);
      await this.audit.record(tx, ctx, {
        action: status === 'APPROVED' ? 'application.approve' : 'application.reject',
        subjectType: 'Application',
        subjectId: id,
        merchantId: application.merchantId,
        providerId: application.providerId,
        changes: { kind: application.kind, subjectId: application.subjectId, status: { from: 'SUBMITTED', to: status }, ...(note ? { note } : {}) },
      });
    });
    return this.get(ctx, id);
  }

  private assertUndecided(application: Application): void {
    if (application.status !== 'SUBMITTED') {
      throw new ConflictError(`This application is already ${application.status.toLowerCase()}.`, { status: application.status });
    }
  }

  /** The status move, conditional on the application still being SUBMITTED: two reviewers cannot both decide. */
  private async transition(tx: Tx, ctx: RequestContext, application: Application, status: 'APPROVED' | 'REJECTED' | 'WITHDRAWN', note: string | null) {
    const { count } = await tx.application.updateMany({
      where: { id: application.id, status: 'SUBMITTED' },
      data: {
        status,
        reason: note,
        decidedAt: new Date(),
        reviewerId: status === 'WITHDRAWN' ? null : ctx.userId,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new ConflictError('This application was decided meanwhile; reload it.');
    await tx.applicationEvent.create({ data: { applicationId: application.id, kind: status, actorUserId: ctx.userId, actorLabel: actorLabel(ctx), note } });
  }

  private async load(ctx: RequestContext, id: string): Promise<ApplicationRow> {
    const row = await this.db.application.findFirst({
      where: { AND: [accessibleWhere(ctx.ability, 'Application'), { id }] },
      include: { events: { orderBy: { at: 'asc' } } },
    });
    if (!row) throw new NotFoundError('Application', id);
    return row;
  }

  private where(ctx: RequestContext, f: ApplicationFilter): Prisma.ApplicationWhereInput {
    const conditions: Prisma.ApplicationWhereInput[] = [accessibleWhere(ctx.ability, 'Application')];
    if (f.ids?.length) conditions.push({ id: { in: f.ids } });
    if (f.kind) conditions.push({ kind: f.kind });
    if (f.status) conditions.push({ status: f.status });
    if (f.merchantId) conditions.push({ merchantId: f.merchantId });
    if (f.providerId) conditions.push({ providerId: f.providerId });
    if (f.olderThanHours !== undefined) conditions.push({ submittedAt: { lte: new Date(Date.now() - f.olderThanHours * HOUR_MS) } });
    if (f.q) {
      conditions.push({
        OR: ['displayName', 'legalName', 'name', 'productName', 'licenceNumber'].map((key) => ({ payload: { path: [key], string_contains: f.q } })),
      });
    }
    return { AND: conditions };
  }

  /** Rows as the API shows them: who applied and decided, age against the target, earlier attempts. */
  private async view(rows: ApplicationRow[], withHistory: boolean): Promise<ApplicationType[]> {
    const userIds = [...new Set(rows.flatMap((r) => [r.applicantUserId, r.reviewerId]).filter((id): id is string => !!id))];
    const users = new Map((await this.db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, displayName: true } })).map((u) => [u.id, u]));
    const earlier = new Map<string, ApplicationType[]>();
    if (withHistory && rows.length) {
      // One query for every row's subject (not one per row), then each row keeps those filed before it.
      const history = await this.view(
        await this.db.application.findMany({
          where: { OR: rows.map((r) => ({ subjectType: r.subjectType, subjectId: r.subjectId })), submittedAt: { lt: maxDate(rows.map((r) => r.submittedAt)) } },
          include: { events: { orderBy: { at: 'asc' } } },
          orderBy: { submittedAt: 'desc' },
        }),
        false,
      );
      for (const r of rows) {
        earlier.set(r.id, history.filter((h) => h.subjectType === r.subjectType && h.subjectId === r.subjectId && h.submittedAt < r.submittedAt).slice(0, 20));
      }
    }
    const now = Date.now();
    return rows.map((r) => {
      const payload = (r.payload ?? {}) as Record<string, unknown>;
      const ageHours = ((r.decidedAt?.getTime() ?? now) - r.submittedAt.getTime()) / HOUR_MS;
      return {
        ...r,
        subjectName: String(payload['displayName'] ?? payload['name'] ?? payload['productName'] ?? r.subjectType),
        applicantEmail: r.applicantUserId ? users.get(r.applicantUserId)?.email ?? null : null,
        applicantName: r.applicantUserId ? users.get(r.applicantUserId)?.displayName ?? null : null,
        reviewerName: r.reviewerId ? users.get(r.reviewerId)?.displayName ?? null : null,
        ageHours: Math.round(ageHours * 100) / 100,
        overdue: r.status === 'SUBMITTED' && ageHours > REVIEW_TARGET_HOURS,
        events: r.events,
        earlierApplications: earlier.get(r.id) ?? [],
      };
    });
  }
}

function maxDate(dates: Date[]): Date {
  return new Date(Math.max(...dates.map((d) => d.getTime())));
}

function actorLabel(ctx: RequestContext): string {
  return ctx.principal?.user.email ?? 'anonymous';
}
