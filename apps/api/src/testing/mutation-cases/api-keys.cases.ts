import { DEMO_IDS } from '@mop/data-access/testing';
import { enrolInApiAccess, makeApiKey } from '../../api-keys/api-key-fixtures';
import type { ApiHarness } from '../api-harness';
import type { FailingCall, MutationCase } from './mutation-case';

/** Harbor's owner, once Harbor has API access (the demo data has none). */
async function harborOwner(api: ApiHarness) {
  await enrolInApiAccess(api.db, DEMO_IDS.merchants.harbor);
  return api.login('owner@harbor.example');
}
const nimbusAdmin = (api: ApiHarness) => api.login('admin@nimbus.example');

const CREATE = 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } secret } }';
const REVOKE = 'mutation($id: ID!) { revokeApiKey(id: $id) { id status } }';
const input = (overrides: Record<string, unknown> = {}) => ({ name: 'POS integration', scopes: ['COUPONS_READ', 'COUPONS_REDEEM'], ...overrides });

export const API_KEY_MUTATION_CASES: MutationCase[] = [
  {
    name: 'createApiKey',
    document: CREATE,
    action: 'api-key.create',
    valid: async (api) => ({ token: await harborOwner(api), variables: { input: input() } }),
    badInputs: async (api) => {
      const token = await harborOwner(api);
      return [
        { token, variables: { input: input({ name: '' }) }, field: 'name' },
        { token, variables: { input: input({ name: 'x'.repeat(81) }) }, field: 'name' },
        { token, variables: { input: input({ scopes: [] }) }, field: 'scopes' },
        { token, variables: { input: input({ scopes: ['COUPONS_READ', 'COUPONS_READ'] }) }, field: 'scopes' },
        { token, variables: { input: input({ expiresAt: new Date(Date.now() - 60_000).toISOString() }) }, field: 'expiresAt' },
        { token: await nimbusAdmin(api), variables: { input: input({ scopes: ['EVENTS_WRITE'] }) }, field: 'scopes' },
      ];
    },
  },
  {
    name: 'revokeApiKey',
    document: REVOKE,
    action: 'api-key.revoke',
    valid: async (api) => ({ token: await nimbusAdmin(api), variables: { id: (await makeApiKey(api.db, { providerId: DEMO_IDS.providers.nimbus })).key.id } }),
    badInputs: async (api) => [{ token: await nimbusAdmin(api), variables: { id: 'key-1' }, field: 'id' }],
  },
];

export const API_KEY_FAILING_CALLS: FailingCall[] = [
  {
    name: 'revokeApiKey of a revoked key',
    call: async (api) => {
      const { key } = await makeApiKey(api.db, { providerId: DEMO_IDS.providers.nimbus }, { revokedAt: new Date() });
      return { token: await nimbusAdmin(api), document: REVOKE, variables: { id: key.id }, code: 'CONFLICT' };
    },
  },
  {
    name: 'createApiKey as a marketer',
    call: async (api) => {
      await enrolInApiAccess(api.db, DEMO_IDS.merchants.harbor);
      return { token: await api.login('marketer@harbor.example'), document: CREATE, variables: { input: input() }, code: 'FORBIDDEN' };
    },
  },
];
