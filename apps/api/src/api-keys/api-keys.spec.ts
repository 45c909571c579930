import { createHash } from 'node:crypto';
import { ApiKeyService, LAST_USED_GRANULARITY_MS } from '@mop/api-keys';
import { DEMO_IDS } from '@mop/data-access/testing';
import { type ApiHarness, errorCode, type GqlResult, startApi } from '../testing/api-harness';
import { makeApiKey } from './api-key-fixtures';

const KEY_FIELDS = 'id name prefix scopes merchantId providerId status lastUsedAt expiresAt revokedAt createdAt createdByName';
const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { ${KEY_FIELDS} } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { ${KEY_FIELDS} } }`;
const GET = 'query($id: ID!) { ApiKey(id: $id) { id status } }';

type Key = { id: string; name: string; prefix: string; scopes: string[]; merchantId: string | null; providerId: string | null; status: string; lastUsedAt: string | null; createdByName: string | null };
type Created = { secret: string; apiKey: Key };

function data<T>(res: GqlResult, key: string): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return (res.data as Record<string, T>)[key];
}

describe('API keys', () => {
  let api: ApiHarness;
  let keys: ApiKeyService;
  let harborOwner: string;
  let lumenOwner: string;
  let nimbusAdmin: string;

  beforeAll(async () => {
    api = await startApi();
    keys = api.app.get(ApiKeyService);
    harborOwner = await api.login('owner@harbor.example');
    lumenOwner = await api.login('owner@lumen.example');
    nimbusAdmin = await api.login('admin@nimbus.example');
    // Harbor has no API access in the demo data: its owner enables it (no review needed).
    for (const token of [harborOwner, lumenOwner]) {
      const product = await api.db.product.findUniqueOrThrow({ where: { code: 'API_ACCESS' } });
      const res = await api.gql<{ applyForProduct: { enrollmentStatus: string } }>('mutation($id: ID!) { applyForProduct(productId: $id) { enrollmentStatus } }', { id: product.id }, { token });
      expect(data<{ enrollmentStatus: string }>(res, 'applyForProduct').enrollmentStatus).toBe('ACTIVE');
    }
  });
  afterAll(() => api.close());

  it('refuses a merchant without API access with PRODUCT_NOT_ENABLED', async () => {
    const owner = await api.login('owner@harbor.example');
    await api.db.productEnrollment.updateMany({ where: { merchantId: DEMO_IDS.merchants.harbor, product: { code: 'API_ACCESS' } }, data: { status: 'SUSPENDED' } });
    try {
      const res = await api.gql(CREATE, { input: { name: 'Too early', scopes: ['COUPONS_READ'] } }, { token: owner });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PRODUCT_NOT_ENABLED', product: 'API_ACCESS' });
    } finally {
      await api.db.productEnrollment.updateMany({ where: { merchantId: DEMO_IDS.merchants.harbor, product: { code: 'API_ACCESS' } }, data: { status: 'ACTIVE' } });
    }
  });

  it('returns the secret once, stores only its hash, and audits without it', async () => {
    const created = data<Created>(await api.gql(CREATE, { input: { name: '  POS integration ', scopes: ['COUPONS_REDEEM', 'COUPONS_READ'] } }, { token: harborOwner }), 'createApiKey');
    expect(created.secret).toMatch(new RegExp(`^mop_${created.apiKey.prefix}_[A-Za-z0-9_-]{43}$`));
    expect(created.apiKey).toMatchObject({ name: 'POS integration', scopes: ['COUPONS_REDEEM', 'COUPONS_READ'], merchantId: DEMO_IDS.merchants.harbor, providerId: null, status: 'ACTIVE', lastUsedAt: null });
    expect(created.apiKey.createdByName).toBeTruthy();

    const row = await api.db.apiKey.findUniqueOrThrow({ where: { id: created.apiKey.id } });
    expect(row.secretHash).toBe(createHash('sha256').update(created.secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(created.secret.split('_').pop());

    const again = await api.gql<{ ApiKey: Record<string, unknown> }>(`query($id: ID!) { ApiKey(id: $id) { ${KEY_FIELDS} } }`, { id: created.apiKey.id }, { token: harborOwner });
    expect(JSON.stringify(again.data)).not.toContain(created.secret);
    expect(again.data?.ApiKey).toMatchObject({ id: created.apiKey.id, prefix: created.apiKey.prefix });

    const [event] = await api.db.auditEvent.findMany({ where: { subjectId: created.apiKey.id, action: 'api-key.create' } });
    expect(event.changes).toEqual({ name: 'POS integration', scopes: ['COUPONS_REDEEM', 'COUPONS_READ'], prefix: created.apiKey.prefix });
    expect(event.merchantId).toBe(DEMO_IDS.merchants.harbor);
    expect(JSON.stringify(await api.db.auditEvent.findMany({ where: { subjectId: created.apiKey.id } }))).not.toContain(created.secret);
  });

  it('authenticate() accepts the key and refuses a wrong, a malformed, a revoked and an expired one', async () => {
    const created = data<Created>(await api.gql(CREATE, { input: { name: 'Auth', scopes: ['COUPONS_CLAIM'] } }, { token: harborOwner }), 'createApiKey');
    const ok = await keys.authenticate(created.secret);
    expect(ok).toMatchObject({ merchantId: DEMO_IDS.merchants.harbor, providerId: null, scopes: ['COUPONS_CLAIM'] });
    expect(ok?.key.id).toBe(created.apiKey.id);

    const last = created.secret.at(-1) === 'A' ? 'B' : 'A';
    expect(await keys.authenticate(created.secret.slice(0, -1) + last)).toBeNull();
    expect(await keys.authenticate(`mop_000000000000_${created.secret.split('_').slice(2).join('_')}`)).toBeNull();
    expect(await keys.authenticate('not a key')).toBeNull();
    expect(await keys.authenticate('')).toBeNull();

    const expired = await makeApiKey(api.db, { merchantId: DEMO_IDS.merchants.harbor }, { expiresAt: new Date(Date.now() - 1000) });
    expect(await keys.authenticate(expired.secret)).toBeNull();

    data(await api.gql(REVOKE, { id: created.apiKey.id }, { token: harborOwner }), 'revokeApiKey');
    expect(await keys.authenticate(created.secret)).toBeNull();
  });

  it('authenticate() touches lastUsedAt at most once a minute', async () => {
    const { key, secret } = await makeApiKey(api.db, { providerId: DEMO_IDS.providers.nimbus }, { scopes: ['COUPONS_MANAGE'] });
    expect((await keys.authenticate(secret))?.providerId).toBe(DEMO_IDS.providers.nimbus);
    const first = (await api.db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await keys.authenticate(secret);
    expect((await api.db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(first);

    const earlier = new Date(Date.now() - LAST_USED_GRANULARITY_MS - 1000);
    await api.db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: earlier } });
    await keys.authenticate(secret);
    const touched = (await api.db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt ?? new Date(0);
    expect(touched.getTime()).toBeGreaterThan(earlier.getTime() + LAST_USED_GRANULARITY_MS);
    const listed = await api.gql<{ ApiKey: { lastUsedAt: string } }>('query($id: ID!) { ApiKey(id: $id) { lastUsedAt } }', { id: key.id }, { token: nimbusAdmin });
    expect(listed.data?.ApiKey.lastUsedAt).toBe(touched.toISOString());
  });

  it('revokes once; a second revoke is CONFLICT', async () => {
    const created = data<Created>(await api.gql(CREATE, { input: { name: 'Twice', scopes: ['REPORTS_VIEW'] } }, { token: nimbusAdmin }), 'createApiKey');
    expect(created.apiKey).toMatchObject({ providerId: DEMO_IDS.providers.nimbus, merchantId: null });
    const revoked = data<Key & { revokedAt: string }>(await api.gql(REVOKE, { id: created.apiKey.id }, { token: nimbusAdmin }), 'revokeApiKey');
    expect(revoked.status).toBe('REVOKED');
    expect(errorCode(await api.gql(REVOKE, { id: created.apiKey.id }, { token: nimbusAdmin }))).toBe('CONFLICT');
    expect(await api.db.auditEvent.count({ where: { subjectId: created.apiKey.id, action: 'api-key.revoke' } })).toBe(1);
    const list = await api.gql<{ allApiKeys: { id: string }[] }>('query($f: ApiKeyFilter) { allApiKeys(filter: $f, perPage: 100) { id } }', { f: { status: 'REVOKED' } }, { token: nimbusAdmin });
    expect(list.data?.allApiKeys.map((k) => k.id)).toContain(created.apiKey.id);
  });

  it("keeps Harbor and Lumen apart: another tenant's key is NOT_FOUND and absent from lists", async () => {
    const lumenKey = data<Created>(await api.gql(CREATE, { input: { name: 'Lumen POS', scopes: ['COUPONS_READ'] } }, { token: lumenOwner }), 'createApiKey');
    expect(errorCode(await api.gql(GET, { id: lumenKey.apiKey.id }, { token: harborOwner }))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(REVOKE, { id: lumenKey.apiKey.id }, { token: harborOwner }))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(REVOKE, { id: lumenKey.apiKey.id }, { token: nimbusAdmin }))).toBe('NOT_FOUND');
    const harborList = await api.gql<{ allApiKeys: { merchantId: string | null }[] }>('{ allApiKeys(perPage: 100) { merchantId } }', {}, { token: harborOwner });
    expect(harborList.data?.allApiKeys.length).toBeGreaterThan(0);
    expect(new Set(harborList.data?.allApiKeys.map((k) => k.merchantId))).toEqual(new Set([DEMO_IDS.merchants.harbor]));
    expect((await api.gql(GET, { id: lumenKey.apiKey.id }, { token: lumenOwner })).data).toEqual({ ApiKey: { id: lumenKey.apiKey.id, status: 'ACTIVE' } });
  });

  it('refuses marketers and managers with FORBIDDEN', async () => {
    for (const email of ['marketer@harbor.example', 'manager@harbor.example', 'operator@nimbus.example']) {
      const token = await api.login(email);
      expect(errorCode(await api.gql(CREATE, { input: { name: 'Nope', scopes: ['COUPONS_READ'] } }, { token }))).toBe('FORBIDDEN');
    }
  });

  it('refuses every bad input with BAD_USER_INPUT naming the field, and creates nothing', async () => {
    const before = await api.db.apiKey.count();
    const cases: [string, Record<string, unknown>, string][] = [
      [harborOwner, { name: '', scopes: ['COUPONS_READ'] }, 'name'],
      [harborOwner, { name: '   ', scopes: ['COUPONS_READ'] }, 'name'],
      [harborOwner, { name: 'x'.repeat(81), scopes: ['COUPONS_READ'] }, 'name'],
      [harborOwner, { name: 'No scopes', scopes: [] }, 'scopes'],
      [harborOwner, { name: 'Twice', scopes: ['COUPONS_READ', 'COUPONS_READ'] }, 'scopes'],
      [harborOwner, { name: 'Past', scopes: ['COUPONS_READ'], expiresAt: new Date(Date.now() - 60_000).toISOString() }, 'expiresAt'],
      [nimbusAdmin, { name: 'Claims', scopes: ['COUPONS_READ', 'COUPONS_CLAIM'] }, 'scopes'],
    ];
    for (const [token, input, field] of cases) {
      const res = await api.gql(CREATE, { input }, { token });
      expect({ input, code: res.errors?.[0].extensions?.code, field: res.errors?.[0].extensions?.field }).toEqual({ input, code: 'BAD_USER_INPUT', field });
    }
    expect((await api.gql(REVOKE, { id: 'key-1' }, { token: harborOwner })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await api.db.apiKey.count()).toBe(before);
  });

  it('accepts an expiry in the future and reports EXPIRED once it passes', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const created = data<Created & { apiKey: { expiresAt: string } }>(await api.gql(CREATE, { input: { name: 'Temporary', scopes: ['EVENTS_WRITE'], expiresAt } }, { token: harborOwner }), 'createApiKey');
    expect(created.apiKey).toMatchObject({ status: 'ACTIVE', expiresAt });
    await api.db.apiKey.update({ where: { id: created.apiKey.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await api.gql(GET, { id: created.apiKey.id }, { token: harborOwner })).data).toEqual({ ApiKey: { id: created.apiKey.id, status: 'EXPIRED' } });
  });
});
