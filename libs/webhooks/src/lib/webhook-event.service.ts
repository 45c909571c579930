import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type Db, type DbOrTx, Prisma, PRISMA, type Tx } from '@mop/data-access';
import { QueueName } from '@mop/queues';
import type { WebhookEmitter, WebhookEvent } from './webhook-event';
import { deliveryJob, WEBHOOK_CONFIG, type WebhookConfig } from './webhook-jobs';

/** How long a merchant's endpoints are remembered: the claim path asks on every claim. */
const ENDPOINTS_CACHE_MS = 5_000;

interface EndpointRef {
  id: string;
  eventTypes: string[];
}

/**
 * Records webhook deliveries in the caller's transaction (an outbox: nothing goes out unless the change
 * commits) and enqueues them afterwards. One delivery per (endpoint, event id): an event recorded twice
 * is delivered once. A merchant without an enabled endpoint costs a cache lookup.
 */
@Injectable()
export class WebhookEventService implements WebhookEmitter {
  private readonly endpoints = new Map<string, { at: number; refs: Promise<EndpointRef[]> }>();

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @InjectQueue(QueueName.Webhooks) private readonly queue: Queue,
    @Inject(WEBHOOK_CONFIG) private readonly config: WebhookConfig,
  ) {}

  async emit(tx: Tx, events: WebhookEvent[]): Promise<string[]> {
    const rows: Prisma.WebhookDeliveryCreateManyInput[] = [];
    for (const event of events) {
      // Read through the caller's transaction on a miss: a second connection taken from the pool while
      // the transaction holds one would starve the pool under load (every connection waiting for one more).
      for (const endpoint of await this.endpointsOf(event.merchantId, event.type, tx)) {
        const payload = { id: event.id, type: event.type, createdAt: event.occurredAt.toISOString(), merchantId: event.merchantId, data: event.data };
        rows.push({ merchantId: event.merchantId, endpointId: endpoint.id, eventId: event.id, eventType: event.type, payload: payload as Prisma.InputJsonValue });
      }
    }
    if (rows.length === 0) return [];
    const created = await tx.webhookDelivery.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true } });
    return created.map((r) => r.id);
  }

  async dispatch(deliveryIds: string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    // New deliveries have not been replayed: their job id is their own id.
    await this.queue.addBulk(deliveryIds.map((id) => deliveryJob({ id, replays: 0 }, this.config)));
  }

  /**
   * The merchant's enabled endpoints that take `type` (cached for a few seconds): for a hot path that
   * writes its delivery rows itself, in its own statement. Call it before taking a connection.
   */
  async subscribers(merchantId: string, type: string): Promise<{ id: string }[]> {
    return (await this.endpointsOf(merchantId, type, this.db)).map((e) => ({ id: e.id }));
  }

  /** Drops the cached endpoints of a merchant (after its endpoints change). */
  forget(merchantId: string): void {
    this.endpoints.delete(merchantId);
  }

  /** The merchant's enabled endpoints that take `type`, from a cache of a few seconds (read with `db` on a miss). */
  private async endpointsOf(merchantId: string, type: string, db: DbOrTx): Promise<EndpointRef[]> {
    const now = Date.now();
    let refs = this.endpoints.get(merchantId);
    if (!refs || now - refs.at >= ENDPOINTS_CACHE_MS) {
      const loading = db.webhookEndpoint.findMany({ where: { merchantId, enabled: true }, select: { id: true, eventTypes: true } });
      refs = { at: now, refs: loading };
      this.endpoints.set(merchantId, refs);
      loading.catch(() => this.endpoints.delete(merchantId));
    }
    return (await refs.refs).filter((e) => e.eventTypes.length === 0 || e.eventTypes.includes(type));
  }
}
