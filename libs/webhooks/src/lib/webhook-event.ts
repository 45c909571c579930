import type { Tx } from '@mop/data-access';

/** The events a merchant's webhook endpoint may receive. */
export const WebhookEventTypes = ['coupon.claimed', 'coupon.redeemed', 'coupon.reversed', 'coupon.revoked', 'coupon.expired', 'coupon_stock.exhausted'] as const;
export type WebhookEventType = (typeof WebhookEventTypes)[number];

/**
 * One platform event for a merchant. `id` is deterministic (e.g. `coupon.redeemed:<redemptionId>`), so an
 * event recorded twice is delivered once per endpoint (unique (endpointId, eventId)).
 */
export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  merchantId: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

/**
 * The contract coupon code emits through: `emit` records deliveries inside the caller's transaction
 * (nothing is sent if it rolls back) and returns their ids; `dispatch` enqueues them once committed.
 */
export interface WebhookEmitter {
  emit(tx: Tx, events: WebhookEvent[]): Promise<string[]>;
  dispatch(deliveryIds: string[]): Promise<void>;
  /** The enabled endpoints of the merchant that take `type` (cached): for paths that write deliveries in their own SQL. */
  subscribers(merchantId: string, type: WebhookEventType): Promise<{ id: string }[]>;
}

/** The injection token of the emitter: `@Inject(WEBHOOK_EMITTER) events: WebhookEmitter`. */
export const WEBHOOK_EMITTER = Symbol('WEBHOOK_EMITTER');
