import { enrolInApiAccess, makeApiKey } from '../../api-keys/api-key-fixtures';
import type { TenantRecords } from '../../testing/tenant-fixtures';
import { type Actor, type CaseContext, classify, everywhere, isProviderSide, type Operation, PLATFORM, readOperations, type Side } from './matrix-kit';

/** Keys are the merchant owner's and the provider admin's; the platform reads them all, its admin revokes. */
const READERS: Record<Side, Actor[]> = { own: [...PLATFORM, 'OWNER', 'PROVIDER_ADMIN'], other: PLATFORM };
const REVOKERS: Record<Side, Actor[]> = { own: ['PLATFORM_ADMIN', 'OWNER', 'PROVIDER_ADMIN'], other: ['PLATFORM_ADMIN'] };

const enrolled = new WeakMap<TenantRecords, Promise<void>>();

/**
 * A fresh key of the side's tenant for one cell: the provider's for provider staff, the merchant's for
 * everyone else. Both sides' merchants have API access, so the product gate does not decide the cells.
 */
async function keyFor(c: CaseContext) {
  let done = enrolled.get(c.t);
  if (!done) {
    done = enrolInApiAccess(c.api.db, c.t.merchantId);
    enrolled.set(c.t, done);
  }
  await done;
  const owner = isProviderSide(c.actor) ? { providerId: c.t.providerId } : { merchantId: c.t.merchantId };
  return (await makeApiKey(c.api.db, owner)).key;
}

export const API_KEY_OPERATIONS: Operation[] = [
  ...readOperations('ApiKey', 'ApiKeys', async (_t, _a, c) => (await keyFor(c)).id, READERS),
  {
    name: 'createApiKey',
    // In the active workspace only: there is no other tenant to aim at.
    expected: everywhere(['OWNER', 'PROVIDER_ADMIN']),
    run: async (c) => {
      await keyFor(c);
      const res = await c.api.gql('mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey { id } } }', { i: { name: 'Matrix key', scopes: ['COUPONS_READ'] } }, { token: c.token });
      return classify(res, (d) => Boolean(d['createApiKey']));
    },
  },
  {
    name: 'revokeApiKey',
    expected: REVOKERS,
    run: async (c) => {
      const key = await keyFor(c);
      return classify(await c.api.gql('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: key.id }, { token: c.token }), (d) => Boolean(d['revokeApiKey']));
    },
  },
];
