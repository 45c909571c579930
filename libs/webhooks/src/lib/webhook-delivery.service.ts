import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type Db, type Prisma, PRISMA, type WebhookDelivery } from '@mop/data-access';
import { ConflictError, ForbiddenError, type ListArgs, NotFoundError, type RequestContext, toPage } from '@mop/api-kit';
import { AuditService } from '@mop/audit';
import { accessibleWhere, canOn } from '@mop/authz';
import { QueueName } from '@mop/queues';
import type { WebhookAttemptType, WebhookDeliveryFilter, WebhookDeliveryType } from './webhook-delivery.types';
import { deliveryJob, WEBHOOK_CONFIG, type WebhookConfig } from './webhook-jobs';

const SORTABLE = ['createdAt', 'updatedAt', 'status', 'eventType', 'attempts', 'deliveredAt'] as const;

type DeliveryRow = WebhookDelivery & { endpoint: { url: string; enabled: boolean } };
const WITH_ENDPOINT = { endpoint: { select: { url: true, enabled: true } } } as const;

/**
 * What was sent to a merchant's endpoints, with every attempt, and replays by hand: a replay sends the
 * same event again as a new job (`<id>:replay:<n>`), continuing the delivery's attempt log.
 */
@Injectable()
export class WebhookDeliveryService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @InjectQueue(QueueName.Webhooks) private readonly queue: Queue,
    @Inject(WEBHOOK_CONFIG) private readonly config: WebhookConfig,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, args: ListArgs, f: WebhookDeliveryFilter = {}): Promise<WebhookDeliveryType[]> {
    const rows = await this.db.webhookDelivery.findMany({ where: this.where(ctx, f), include: WITH_ENDPOINT, ...toPage(args, SORTABLE, ['createdAt', 'desc']) });
    return rows.map(present);
  }

  count(ctx: RequestContext, f: WebhookDeliveryFilter = {}): Promise<number> {
    return this.db.webhookDelivery.count({ where: this.where(ctx, f) });
  }

  async get(ctx: RequestContext, id: string): Promise<WebhookDeliveryType> {
    return present(await this.load(ctx, id));
  }

  /** The attempts of a delivery the caller has already been allowed to see. */
  attemptsOf(deliveryId: string): Promise<WebhookAttemptType[]> {
    return this.db.webhookAttempt.findMany({
      where: { deliveryId },
      orderBy: { attemptNo: 'asc' },
      select: { id: true, attemptNo: true, startedAt: true, durationMs: true, statusCode: true, error: true, responseBody: true },
    });
  }

  /** SUCCEEDED | FAILED → PENDING, sent again by a new job; a delivery still being sent is CONFLICT. */
  async replay(ctx: RequestContext, id: string): Promise<WebhookDeliveryType> {
    const delivery = await this.load(ctx, id);
    if (!canOn(ctx.ability, 'replay', 'WebhookDelivery', delivery)) throw new ForbiddenError();
    if (!delivery.endpoint.enabled) throw new ConflictError('The endpoint is disabled: enable it before sending this delivery again.', { reason: 'ENDPOINT_DISABLED' });
    const replayed = await this.db.$transaction(async (tx) => {
      const [row] = await tx.webhookDelivery.updateManyAndReturn({
        where: { id, status: { in: ['SUCCEEDED', 'FAILED'] } },
        data: { status: 'PENDING', replays: { increment: 1 }, nextAttemptAt: new Date(), lastError: null, deliveredAt: null },
      });
      if (!row) throw new ConflictError('This delivery is still being sent: wait for it to succeed or fail before sending it again.', { reason: 'PENDING' });
      await this.audit.record(tx, ctx, {
        action: 'webhook-delivery.replay',
        subjectType: 'WebhookDelivery',
        subjectId: id,
        merchantId: delivery.merchantId,
        changes: { status: { from: delivery.status, to: 'PENDING' }, eventId: delivery.eventId, endpointId: delivery.endpointId, replay: row.replays },
      });
      return row;
    });
    // After the commit: a job must never run ahead of the row it reads. Should this enqueue fail,
    // the sweeper sends the PENDING delivery a minute later.
    const { name, data, opts } = deliveryJob(replayed, this.config);
    await this.queue.add(name, data, opts);
    return present({ ...replayed, endpoint: delivery.endpoint });
  }

  private async load(ctx: RequestContext, id: string): Promise<DeliveryRow> {
    const delivery = await this.db.webhookDelivery.findFirst({ where: { AND: [accessibleWhere(ctx.ability, 'WebhookDelivery'), { id }] }, include: WITH_ENDPOINT });
    if (!delivery) throw new NotFoundError('WebhookDelivery', id);
    return delivery;
  }

  private where(ctx: RequestContext, f: WebhookDeliveryFilter): Prisma.WebhookDeliveryWhereInput {
    return {
      AND: [
        accessibleWhere(ctx.ability, 'WebhookDelivery'),
        f.ids?.length ? { id: { in: f.ids } } : {},
        f.endpointId ? { endpointId: f.endpointId } : {},
        f.status ? { status: f.status } : {},
        f.eventType ? { eventType: f.eventType } : {},
        f.q ? { eventId: { startsWith: f.q } } : {},
      ],
    };
  }
}

function present(d: DeliveryRow): WebhookDeliveryType {
  return {
    id: d.id,
    merchantId: d.merchantId,
    endpointId: d.endpointId,
    endpointUrl: d.endpoint.url,
    eventId: d.eventId,
    eventType: d.eventType,
    payload: d.payload,
    status: d.status,
    attempts: d.attempts,
    replays: d.replays,
    lastError: d.lastError,
    nextAttemptAt: d.status === 'PENDING' ? d.nextAttemptAt : null,
    deliveredAt: d.deliveredAt,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    // Resolved on demand (WebhookDeliveryResolver.attemptLog): lists rarely ask for it.
    attemptLog: [],
  };
}
