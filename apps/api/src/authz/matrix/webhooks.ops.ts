import { makeWebhookDelivery, makeWebhookEndpoint } from '../../webhooks/webhook-fixtures';
import { type Actor, type CaseContext, classify, everywhere, type Operation, PLATFORM, readOperations, type Side } from './matrix-kit';

/** A merchant's owner and managers run its endpoints (no product needed); platform staff read all, its admin changes all. */
const READERS: Record<Side, Actor[]> = { own: [...PLATFORM, 'OWNER', 'MANAGER'], other: PLATFORM };
const WRITERS: Record<Side, Actor[]> = { own: ['PLATFORM_ADMIN', 'OWNER', 'MANAGER'], other: ['PLATFORM_ADMIN'] };

/** A fresh endpoint of the side's merchant for one cell: disabled, so the matrix's coupon events do not fan out to it. */
const endpointFor = (c: CaseContext, enabled = false) => makeWebhookEndpoint(c.api.db, c.t.merchantId, { enabled });

/** A delivery that failed, to an enabled endpoint: replayable. */
async function failedDeliveryFor(c: CaseContext) {
  return makeWebhookDelivery(c.api.db, await endpointFor(c, true), { status: 'FAILED', attempts: 3, nextAttemptAt: null });
}

function endpointMutation(name: string, document: string, allowedWhen: (d: Record<string, unknown>) => boolean, variables: (id: string) => Record<string, unknown> = (id) => ({ id })): Operation {
  return {
    name,
    expected: WRITERS,
    run: async (c) => {
      const endpoint = await endpointFor(c);
      return classify(await c.api.gql(document, variables(endpoint.id), { token: c.token }), allowedWhen);
    },
  };
}

export const WEBHOOK_OPERATIONS: Operation[] = [
  ...readOperations('WebhookEndpoint', 'WebhookEndpoints', async (_t, _a, c) => (await endpointFor(c)).id, READERS),
  ...readOperations('WebhookDelivery', 'WebhookDeliveries', async (_t, _a, c) => (await failedDeliveryFor(c)).id, READERS),
  {
    name: 'createWebhookEndpoint',
    // In the active merchant workspace only: there is no other tenant to aim at.
    expected: everywhere(['OWNER', 'MANAGER']),
    run: async (c) => {
      const res = await c.api.gql('mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id } } }', { i: { url: 'https://hooks.example.com/matrix', eventTypes: [], enabled: false } }, { token: c.token });
      return classify(res, (d) => Boolean(d['createWebhookEndpoint']));
    },
  },
  endpointMutation(
    'updateWebhookEndpoint',
    'mutation($id: ID!, $i: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(id: $id, version: 1, input: $i) { id description } }',
    (d) => (d['updateWebhookEndpoint'] as { description: string } | null)?.description === 'Renamed by the matrix',
    (id) => ({ id, i: { description: 'Renamed by the matrix' } }),
  ),
  endpointMutation('rotateWebhookEndpointSecret', 'mutation($id: ID!) { rotateWebhookEndpointSecret(id: $id) { secret } }', (d) => Boolean(d['rotateWebhookEndpointSecret'])),
  endpointMutation('deleteWebhookEndpoint', 'mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }', (d) => Boolean(d['deleteWebhookEndpoint'])),
  {
    name: 'replayWebhookDelivery',
    expected: WRITERS,
    run: async (c) => {
      const delivery = await failedDeliveryFor(c);
      return classify(await c.api.gql('mutation($id: ID!) { replayWebhookDelivery(id: $id) { id status } }', { id: delivery.id }, { token: c.token }), (d) => (d['replayWebhookDelivery'] as { status: string } | null)?.status === 'PENDING');
    },
  },
];
