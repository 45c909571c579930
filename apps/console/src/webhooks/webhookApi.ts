import { graphqlRequest } from '../graphql';

/** The events an endpoint may subscribe to, in the order the form offers them (the server's WebhookEventTypes). */
export const WEBHOOK_EVENT_TYPES = ['coupon.claimed', 'coupon.redeemed', 'coupon.reversed', 'coupon.revoked', 'coupon.expired', 'coupon_stock.exhausted'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const DELIVERY_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface WebhookEndpointRecord {
  id: string;
  merchantId: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  enabled: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookAttemptRecord {
  id: string;
  attemptNo: number;
  startedAt: string;
  durationMs: number | null;
  statusCode: number | null;
  error: string | null;
  responseBody: string | null;
}

export interface WebhookDeliveryRecord {
  id: string;
  endpointId: string;
  endpointUrl: string;
  eventId: string;
  eventType: string;
  payload: unknown;
  status: DeliveryStatus;
  attempts: number;
  replays: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  attemptLog?: WebhookAttemptRecord[];
}

/** What the form edits; the server validates the URL and the event types again. */
export interface WebhookEndpointInput {
  url: string;
  description: string | null;
  eventTypes: string[];
  enabled: boolean;
}

export const ENDPOINT_FIELDS = 'id merchantId url description eventTypes enabled version createdAt updatedAt';
/** What the deliveries list shows: no payload and no attempt log (the detail page reads those). */
export const DELIVERY_LIST_FIELDS = ['id', 'endpointId', 'endpointUrl', 'eventId', 'eventType', 'status', 'attempts', 'replays', 'lastError', 'nextAttemptAt', 'deliveredAt', 'createdAt'];
const DELIVERY_FIELDS = DELIVERY_LIST_FIELDS.join(' ');

/** The form's values as the API takes them (trimmed, without react-admin's extras). */
export function toEndpointInput(values: Partial<WebhookEndpointInput>): WebhookEndpointInput {
  const description = (values.description ?? '').trim();
  return {
    url: (values.url ?? '').trim(),
    description: description ? description : null,
    eventTypes: WEBHOOK_EVENT_TYPES.filter((t) => (values.eventTypes ?? []).includes(t)),
    enabled: values.enabled ?? true,
  };
}

/** The signing secret is in this answer only. */
export async function createWebhookEndpoint(input: WebhookEndpointInput): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
  const data = await graphqlRequest<{ createWebhookEndpoint: { endpoint: WebhookEndpointRecord; secret: string } }>(
    `mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT_FIELDS} } } }`,
    { input },
  );
  return data.createWebhookEndpoint;
}

/** With the version the editor started from: a stale one is CONFLICT. */
export async function updateWebhookEndpoint(id: string, version: number, input: WebhookEndpointInput): Promise<WebhookEndpointRecord> {
  const data = await graphqlRequest<{ updateWebhookEndpoint: WebhookEndpointRecord }>(
    `mutation UpdateWebhookEndpoint($id: ID!, $version: Int!, $input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(id: $id, version: $version, input: $input) { ${ENDPOINT_FIELDS} } }`,
    { id, version, input },
  );
  return data.updateWebhookEndpoint;
}

export async function rotateWebhookEndpointSecret(id: string): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
  const data = await graphqlRequest<{ rotateWebhookEndpointSecret: { endpoint: WebhookEndpointRecord; secret: string } }>(
    `mutation RotateWebhookEndpointSecret($id: ID!) { rotateWebhookEndpointSecret(id: $id) { secret endpoint { ${ENDPOINT_FIELDS} } } }`,
    { id },
  );
  return data.rotateWebhookEndpointSecret;
}

export async function deleteWebhookEndpoint(id: string): Promise<WebhookEndpointRecord> {
  const data = await graphqlRequest<{ deleteWebhookEndpoint: WebhookEndpointRecord }>(
    `mutation DeleteWebhookEndpoint($id: ID!) { deleteWebhookEndpoint(id: $id) { ${ENDPOINT_FIELDS} } }`,
    { id },
  );
  return data.deleteWebhookEndpoint;
}

export async function replayWebhookDelivery(id: string): Promise<WebhookDeliveryRecord> {
  const data = await graphqlRequest<{ replayWebhookDelivery: WebhookDeliveryRecord }>(
    `mutation ReplayWebhookDelivery($id: ID!) { replayWebhookDelivery(id: $id) { ${DELIVERY_FIELDS} } }`,
    { id },
  );
  return data.replayWebhookDelivery;
}
