import { Inject, Injectable } from '@nestjs/common';
import { type Db, type Prisma, PRISMA, type Tx } from '@mop/data-access';
import { accessibleWhere } from '@mop/authz';
import { type ListArgs, NotFoundError, type RequestContext, toPage } from '@mop/api-kit';
import type { WorkspaceKind } from '@mop/shared';
import type { AuditEventFilter } from './audit-event.types';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  changes?: Record<string, unknown> | null;
  /** The merchant whose data changed, when it is not the acting workspace's own merchant. */
  merchantId?: string | null;
  /** Set when a provider acts for a merchant. */
  onBehalfOfMerchantId?: string | null;
  /** The provider whose data changed, when it is not the acting workspace's own provider. */
  providerId?: string | null;
  /** For events before a session exists (sign-in): who the actor is. */
  actor?: { userId: string; label: string };
  /** The workspace the event belongs to when it is not the acting one (accepting an invitation joins another). */
  workspace?: { kind: WorkspaceKind; merchantId: string | null; providerId: string | null };
}

const SORTABLE = ['at', 'action', 'subjectType', 'actorLabel'] as const;

/**
 * The audit trail. `record` takes the transaction of the change it describes, so the event and the
 * change commit or roll back together (DESIGN.md §4.6).
 */
@Injectable()
export class AuditService {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async record(tx: Tx, ctx: RequestContext, entry: AuditEntry): Promise<void> {
    const key = ctx.apiKey;
    const keyWorkspace = key ? { kind: (key.merchantId ? 'MERCHANT' : 'PROVIDER') as WorkspaceKind, merchantId: key.merchantId, providerId: key.providerId } : null;
    const membership = entry.workspace ?? ctx.principal?.membership ?? keyWorkspace;
    const onBehalfOf = entry.onBehalfOfMerchantId ?? null;
    await tx.auditEvent.create({
      data: {
        actorUserId: entry.actor?.userId ?? ctx.userId,
        actorApiKeyId: key?.id ?? null,
        actorLabel: entry.actor?.label ?? ctx.actorLabel,
        workspaceKind: membership?.kind ?? null,
        workspaceId: membership?.merchantId ?? membership?.providerId ?? null,
        onBehalfOfMerchantId: onBehalfOf,
        merchantId: entry.merchantId ?? onBehalfOf ?? membership?.merchantId ?? null,
        providerId: entry.providerId ?? membership?.providerId ?? null,
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId ?? null,
        changes: (entry.changes ?? undefined) as Prisma.InputJsonValue | undefined,
        requestId: ctx.requestId,
        ip: ctx.ip,
      },
    });
  }

  async list(ctx: RequestContext, args: ListArgs, filter: AuditEventFilter = {}) {
    const page = toPage(args, SORTABLE, ['at', 'desc']);
    return this.db.auditEvent.findMany({ where: this.where(ctx, filter), ...page });
  }

  async count(ctx: RequestContext, filter: AuditEventFilter = {}): Promise<number> {
    return this.db.auditEvent.count({ where: this.where(ctx, filter) });
  }

  async get(ctx: RequestContext, id: string) {
    const event = await this.db.auditEvent.findFirst({ where: { AND: [accessibleWhere(ctx.ability, 'AuditEvent'), { id }] } });
    if (!event) throw new NotFoundError('Audit event', id);
    return event;
  }

  private where(ctx: RequestContext, f: AuditEventFilter): Prisma.AuditEventWhereInput {
    const conditions: Prisma.AuditEventWhereInput[] = [accessibleWhere(ctx.ability, 'AuditEvent')];
    if (f.ids?.length) conditions.push({ id: { in: f.ids } });
    if (f.action) conditions.push({ action: { startsWith: f.action } });
    if (f.subjectType) conditions.push({ subjectType: f.subjectType });
    if (f.actorUserId) conditions.push({ actorUserId: f.actorUserId });
    if (f.merchantId) conditions.push({ merchantId: f.merchantId });
    if (f.at_gte) conditions.push({ at: { gte: f.at_gte } });
    if (f.at_lte) conditions.push({ at: { lte: f.at_lte } });
    if (f.q) {
      conditions.push({
        OR: [
          { action: { contains: f.q, mode: 'insensitive' } },
          { actorLabel: { contains: f.q, mode: 'insensitive' } },
          { subjectType: { contains: f.q, mode: 'insensitive' } },
          { subjectId: { contains: f.q } },
          { requestId: f.q },
        ],
      });
    }
    return { AND: conditions };
  }
}
