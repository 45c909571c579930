import { DEMO_IDS } from '@mop/data-access/testing';
import { makeWebhookDelivery, makeWebhookEndpoint } from '../../webhooks/webhook-fixtures';
import type { ApiHarness } from '../api-harness';
import type { FailingCall, MutationCase } from './mutation-case';

const harborOwner = (api: ApiHarness) => api.login('owner@harbor.example');
/** Disabled: the events other cases emit for Harbor do not fan out to it. */
const harborEndpoint = (api: ApiHarness) => makeWebhookEndpoint(api.db, DEMO_IDS.merchants.harbor, { enabled: false });

const CREATE = 'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } secret } }';
const UPDATE = 'mutation($id: ID!, $version: Int!, $input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(id: $id, version: $version, input: $input) { id version } }';
const ROTATE = 'mutation($id: ID!) { rotateWebhookEndpointSecret(id: $id) { endpoint { id } secret } }';
const DELETE = 'mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }';
const REPLAY = 'mutation($id: ID!) { replayWebhookDelivery(id: $id) { id status } }';
const input = (overrides: Record<string, unknown> = {}) => ({ url: 'https://pos.harbor.example/hooks', description: 'POS', eventTypes: ['coupon.claimed'], enabled: false, ...overrides });

export const WEBHOOK_MUTATION_CASES: MutationCase[] = [
  {
    name: 'createWebhookEndpoint',
    document: CREATE,
    action: 'webhook-endpoint.create',
    valid: async (api) => ({ token: await harborOwner(api), variables: { input: input() } }),
    badInputs: async (api) => {
      const token = await harborOwner(api);
      return [
        { token, variables: { input: input({ url: 'http://pos.harbor.example/hooks' }) }, field: 'url' },
        { token, variables: { input: input({ url: 'not a url' }) }, field: 'url' },
        { token, variables: { input: input({ url: 'https://user:pw@pos.harbor.example/hooks' }) }, field: 'url' },
        { token, variables: { input: input({ eventTypes: ['coupon.lost'] }) }, field: 'eventTypes' },
        { token, variables: { input: input({ eventTypes: ['coupon.claimed', 'coupon.claimed'] }) }, field: 'eventTypes' },
        { token, variables: { input: input({ description: 'x'.repeat(201) }) }, field: 'description' },
      ];
    },
  },
  {
    name: 'updateWebhookEndpoint',
    document: UPDATE,
    action: 'webhook-endpoint.update',
    valid: async (api) => ({ token: await harborOwner(api), variables: { id: (await harborEndpoint(api)).id, version: 1, input: { description: 'Till 2', eventTypes: ['coupon.redeemed'] } } }),
    badInputs: async (api) => {
      const token = await harborOwner(api);
      const { id } = await harborEndpoint(api);
      return [
        { token, variables: { id, version: 1, input: { url: 'ftp://pos.harbor.example/hooks' } }, field: 'url' },
        { token, variables: { id, version: 1, input: { eventTypes: ['everything'] } }, field: 'eventTypes' },
        { token, variables: { id: 'endpoint-1', version: 1, input: { enabled: true } }, field: 'id' },
      ];
    },
  },
  {
    name: 'rotateWebhookEndpointSecret',
    document: ROTATE,
    action: 'webhook-endpoint.rotate-secret',
    valid: async (api) => ({ token: await harborOwner(api), variables: { id: (await harborEndpoint(api)).id } }),
    badInputs: async (api) => [{ token: await harborOwner(api), variables: { id: 'endpoint-1' }, field: 'id' }],
  },
  {
    name: 'deleteWebhookEndpoint',
    document: DELETE,
    action: 'webhook-endpoint.delete',
    valid: async (api) => ({ token: await harborOwner(api), variables: { id: (await harborEndpoint(api)).id } }),
    badInputs: async (api) => [{ token: await harborOwner(api), variables: { id: 'endpoint-1' }, field: 'id' }],
  },
  {
    name: 'replayWebhookDelivery',
    document: REPLAY,
    action: 'webhook-delivery.replay',
    valid: async (api) => {
      // Enabled: a delivery to a disabled endpoint is not replayed (CONFLICT).
      const endpoint = await makeWebhookEndpoint(api.db, DEMO_IDS.merchants.harbor, { enabled: true });
      const delivery = await makeWebhookDelivery(api.db, endpoint, { status: 'FAILED', attempts: 8, nextAttemptAt: null });
      return { token: await harborOwner(api), variables: { id: delivery.id } };
    },
    badInputs: async (api) => [{ token: await harborOwner(api), variables: { id: 'delivery-1' }, field: 'id' }],
  },
];

export const WEBHOOK_FAILING_CALLS: FailingCall[] = [
  {
    name: 'updateWebhookEndpoint with a stale version',
    call: async (api) => {
      const { id } = await harborEndpoint(api);
      return { token: await harborOwner(api), document: UPDATE, variables: { id, version: 7, input: { enabled: true } }, code: 'CONFLICT' };
    },
  },
  {
    name: 'replayWebhookDelivery of a delivery still pending',
    call: async (api) => {
      const delivery = await makeWebhookDelivery(api.db, await makeWebhookEndpoint(api.db, DEMO_IDS.merchants.harbor), { status: 'PENDING' });
      return { token: await harborOwner(api), document: REPLAY, variables: { id: delivery.id }, code: 'CONFLICT' };
    },
  },
  {
    name: 'createWebhookEndpoint as a marketer',
    call: async (api) => ({ token: await api.login('marketer@harbor.example'), document: CREATE, variables: { input: input() }, code: 'FORBIDDEN' }),
  },
];
