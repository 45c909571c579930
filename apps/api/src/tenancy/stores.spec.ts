import { randomUUID } from 'node:crypto';
import { DEMO_IDS, makeStore } from '@mop/data-access/testing';
import { type ApiHarness, errorCode, type GqlResult, startApi } from '../testing/api-harness';

const STORE_FIELDS = 'id merchantId code name address status version openingHours { weekday opens closes }';
const CREATE = `mutation($input: StoreInput!) { createStore(input: $input) { ${STORE_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateStoreInput!) { updateStore(id: $id, input: $input) { ${STORE_FIELDS} } }`;
const CLOSE = `mutation($id: ID!) { closeStore(id: $id) { ${STORE_FIELDS} } }`;
const REOPEN = `mutation($id: ID!) { reopenStore(id: $id) { ${STORE_FIELDS} } }`;

interface StoreView {
  id: string;
  merchantId: string;
  code: string;
  name: string;
  address: string;
  status: 'OPEN' | 'CLOSED';
  version: number;
  openingHours: { weekday: number; opens: string; closes: string }[];
}

let codes = 0;
const freshCode = () => `T${Date.now().toString(36).toUpperCase()}${(codes += 1)}`;

describe('stores', () => {
  let api: ApiHarness;
  let owner: string;
  let manager: string;

  beforeAll(async () => {
    api = await startApi();
    owner = await api.login('owner@harbor.example');
    manager = await api.login('manager@harbor.example');
  });
  afterAll(() => api.close());

  const auditOf = async (requestId: string) => api.db.auditEvent.findMany({ where: { requestId } });

  async function call<T = Record<string, StoreView>>(document: string, variables: Record<string, unknown>, token: string | null) {
    const requestId = `stores-${randomUUID()}`;
    const res = (await api.gql<T>(document, variables, { token, headers: { 'x-request-id': requestId } })) as GqlResult<T>;
    return { res, events: await auditOf(requestId) };
  }

  async function create(token = owner, input: Record<string, unknown> = {}): Promise<StoreView> {
    const { res } = await call(CREATE, { input: { code: freshCode(), name: 'Harbor Coffee · Test', address: '9 Test Road', ...input } }, token);
    if (!res.data?.createStore) throw new Error(JSON.stringify(res.errors));
    return res.data.createStore;
  }

  describe('createStore', () => {
    it('creates an open store in the active merchant, with sorted opening hours and one audit event', async () => {
      const code = freshCode();
      const { res, events } = await call(
        CREATE,
        {
          input: {
            code,
            name: 'Harbor Coffee · Xintiandi',
            address: '  181 Taicang Rd, Huangpu  ',
            openingHours: [
              { weekday: 6, opens: '10:00', closes: '22:00' },
              { weekday: 1, opens: '14:00', closes: '20:00' },
              { weekday: 1, opens: '08:00', closes: '12:00' },
            ],
          },
        },
        manager,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.createStore).toEqual({
        id: expect.any(String),
        merchantId: DEMO_IDS.merchants.harbor,
        code,
        name: 'Harbor Coffee · Xintiandi',
        address: '181 Taicang Rd, Huangpu',
        status: 'OPEN',
        version: 1,
        openingHours: [
          { weekday: 1, opens: '08:00', closes: '12:00' },
          { weekday: 1, opens: '14:00', closes: '20:00' },
          { weekday: 6, opens: '10:00', closes: '22:00' },
        ],
      });
      expect(events).toEqual([expect.objectContaining({ action: 'store.create', subjectType: 'Store', subjectId: res.data?.createStore.id, merchantId: DEMO_IDS.merchants.harbor })]);
    });

    it('shows stores without opening hours with an empty list', async () => {
      const res = await api.gql<{ Store: StoreView }>(`query($id: ID!) { Store(id: $id) { ${STORE_FIELDS} } }`, { id: DEMO_IDS.stores.harborPier }, { token: owner });
      expect(res.data?.Store).toMatchObject({ code: 'PIER', openingHours: [], version: 1 });
    });

    it('refuses a code the merchant already uses with CONFLICT on code, and writes nothing', async () => {
      const before = await api.db.store.count();
      const { res, events } = await call(CREATE, { input: { code: 'HQ', name: 'Second HQ', address: 'Somewhere' } }, owner);
      expect(errorCode(res)).toBe('CONFLICT');
      expect(res.errors?.[0].extensions?.field).toBe('code');
      expect(events).toHaveLength(0);
      expect(await api.db.store.count()).toBe(before);
    });

    it("allows a code another merchant uses (codes are per merchant)", async () => {
      // CENTRAL is Lumen's
      const store = await create(owner, { code: 'CENTRAL' });
      expect(store.code).toBe('CENTRAL');
    });

    it.each([
      [{ weekday: 0, opens: '08:00', closes: '12:00' }, 'openingHours.0.weekday'],
      [{ weekday: 8, opens: '08:00', closes: '12:00' }, 'openingHours.0.weekday'],
      [{ weekday: 1, opens: '8:00', closes: '12:00' }, 'openingHours.0.opens'],
      [{ weekday: 1, opens: '24:00', closes: '24:00' }, 'openingHours.0.opens'],
      [{ weekday: 1, opens: '08:00', closes: '12:60' }, 'openingHours.0.closes'],
      [{ weekday: 1, opens: '12:00', closes: '08:00' }, 'openingHours.0.closes'],
      [{ weekday: 1, opens: '12:00', closes: '12:00' }, 'openingHours.0.closes'],
    ])('refuses opening hours %j naming %s', async (hours, field) => {
      const { res, events } = await call(CREATE, { input: { code: freshCode(), name: 'Bad hours', address: 'x', openingHours: [hours] } }, owner);
      expect({ code: errorCode(res), field: res.errors?.[0].extensions?.field }).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(events).toHaveLength(0);
    });

    it('refuses overlapping intervals on one day and accepts touching ones and a close at 24:00', async () => {
      const overlapping = await call(
        CREATE,
        { input: { code: freshCode(), name: 'Overlap', address: 'x', openingHours: [{ weekday: 3, opens: '08:00', closes: '13:00' }, { weekday: 3, opens: '12:00', closes: '18:00' }] } },
        owner,
      );
      expect({ code: errorCode(overlapping.res), field: overlapping.res.errors?.[0].extensions?.field }).toEqual({ code: 'BAD_USER_INPUT', field: 'openingHours' });
      const touching = await create(owner, { openingHours: [{ weekday: 3, opens: '08:00', closes: '12:00' }, { weekday: 3, opens: '12:00', closes: '24:00' }] });
      expect(touching.openingHours).toHaveLength(2);
    });

    it.each([
      [{ code: '', name: 'n', address: 'a' }, 'code'],
      [{ code: 'has space', name: 'n', address: 'a' }, 'code'],
      [{ code: 'X'.repeat(33), name: 'n', address: 'a' }, 'code'],
      [{ code: 'OK1', name: '   ', address: 'a' }, 'name'],
      [{ code: 'OK2', name: 'n'.repeat(121), address: 'a' }, 'name'],
      [{ code: 'OK3', name: 'n', address: '' }, 'address'],
    ])('refuses %j naming %s', async (input, field) => {
      const { res } = await call(CREATE, { input }, owner);
      expect({ code: errorCode(res), field: res.errors?.[0].extensions?.field }).toEqual({ code: 'BAD_USER_INPUT', field });
    });

    it('is for owners and managers of an active merchant, in their own merchant workspace', async () => {
      const input = { code: freshCode(), name: 'n', address: 'a' };
      expect(errorCode((await call(CREATE, { input }, await api.login('marketer@harbor.example'))).res)).toBe('FORBIDDEN');
      expect(errorCode((await call(CREATE, { input }, await api.login('clerk@harbor.example'))).res)).toBe('FORBIDDEN');
      expect(errorCode((await call(CREATE, { input }, await api.login('admin@nimbus.example'))).res)).toBe('FORBIDDEN');
      // a platform admin has no merchant to add the store to
      expect(errorCode((await call(CREATE, { input }, await api.login('admin@mop.local'))).res)).toBe('FORBIDDEN');
      expect(errorCode((await call(CREATE, { input }, null)).res)).toBe('UNAUTHENTICATED');
    });
  });

  describe('updateStore', () => {
    it('edits by version: the next edit needs the new version; a stale one is CONFLICT and changes nothing', async () => {
      const store = await create();
      const first = await call(UPDATE, { id: store.id, input: { name: 'Renamed', version: 1 } }, owner);
      expect(first.res.errors).toBeUndefined();
      expect(first.res.data?.updateStore).toMatchObject({ name: 'Renamed', address: store.address, version: 2 });
      expect(first.events).toEqual([expect.objectContaining({ action: 'store.update', subjectId: store.id, changes: { before: { name: store.name }, after: { name: 'Renamed' } } })]);

      const stale = await call(UPDATE, { id: store.id, input: { address: 'Lost update', version: 1 } }, manager);
      expect(errorCode(stale.res)).toBe('CONFLICT');
      expect(stale.events).toHaveLength(0);
      expect((await api.db.store.findUniqueOrThrow({ where: { id: store.id } })).address).toBe(store.address);

      const second = await call(UPDATE, { id: store.id, input: { openingHours: [{ weekday: 7, opens: '09:00', closes: '17:00' }], version: 2 } }, manager);
      expect(second.res.data?.updateStore).toMatchObject({ version: 3, openingHours: [{ weekday: 7, opens: '09:00', closes: '17:00' }] });
      const cleared = await call(UPDATE, { id: store.id, input: { openingHours: [], version: 3 } }, manager);
      expect(cleared.res.data?.updateStore).toMatchObject({ version: 4, openingHours: [] });
    });

    it('lets exactly one of two concurrent edits from the same version win', async () => {
      const store = await create();
      const results = await Promise.all(
        ['A', 'B', 'C', 'D'].map((n) => call(UPDATE, { id: store.id, input: { name: `Edit ${n}`, version: 1 } }, owner)),
      );
      expect(results.filter((r) => !r.res.errors)).toHaveLength(1);
      expect(results.filter((r) => errorCode(r.res) === 'CONFLICT')).toHaveLength(3);
      expect(results.reduce((n, r) => n + r.events.length, 0)).toBe(1);
      expect((await api.db.store.findUniqueOrThrow({ where: { id: store.id } })).version).toBe(2);
    });

    it('refuses an empty edit and bad opening hours with BAD_USER_INPUT', async () => {
      const store = await create();
      const empty = await call(UPDATE, { id: store.id, input: { version: 1 } }, owner);
      expect({ code: errorCode(empty.res), field: empty.res.errors?.[0].extensions?.field }).toEqual({ code: 'BAD_USER_INPUT', field: 'input' });
      const bad = await call(UPDATE, { id: store.id, input: { openingHours: [{ weekday: 2, opens: '18:00', closes: '09:00' }], version: 1 } }, owner);
      expect({ code: errorCode(bad.res), field: bad.res.errors?.[0].extensions?.field }).toEqual({ code: 'BAD_USER_INPUT', field: 'openingHours.0.closes' });
    });

    it("answers another merchant's store with NOT_FOUND and leaves it alone", async () => {
      const { res, events } = await call(UPDATE, { id: DEMO_IDS.stores.lumenCentral, input: { name: 'Taken over', version: 1 } }, owner);
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(events).toHaveLength(0);
      expect((await api.db.store.findUniqueOrThrow({ where: { id: DEMO_IDS.stores.lumenCentral } })).name).not.toBe('Taken over');
    });

    it('lets a platform admin edit any merchant\'s store, recorded against that merchant', async () => {
      const lumenStore = await makeStore(api.db, { merchantId: DEMO_IDS.merchants.lumen });
      const { res, events } = await call(UPDATE, { id: lumenStore.id, input: { address: 'Corrected address', version: 1 } }, await api.login('admin@mop.local'));
      expect(res.data?.updateStore).toMatchObject({ address: 'Corrected address', version: 2 });
      expect(events).toEqual([expect.objectContaining({ action: 'store.update', merchantId: DEMO_IDS.merchants.lumen })]);
    });
  });

  describe('closeStore and reopenStore', () => {
    it('closes an open store and reopens it; each move twice is CONFLICT and writes nothing', async () => {
      const store = await create();
      const closed = await call(CLOSE, { id: store.id }, owner);
      expect(closed.res.data?.closeStore).toMatchObject({ status: 'CLOSED', version: 2 });
      expect(closed.events).toEqual([expect.objectContaining({ action: 'store.close', subjectId: store.id, changes: { status: { from: 'OPEN', to: 'CLOSED' } } })]);

      const again = await call(CLOSE, { id: store.id }, owner);
      expect(errorCode(again.res)).toBe('CONFLICT');
      expect(again.events).toHaveLength(0);

      const reopened = await call(REOPEN, { id: store.id }, manager);
      expect(reopened.res.data?.reopenStore).toMatchObject({ status: 'OPEN', version: 3 });
      expect(reopened.events).toEqual([expect.objectContaining({ action: 'store.reopen' })]);

      const reopenAgain = await call(REOPEN, { id: store.id }, manager);
      expect(errorCode(reopenAgain.res)).toBe('CONFLICT');
      expect(reopenAgain.events).toHaveLength(0);
    });

    it('closes a store once when many close it at the same moment', async () => {
      const store = await create();
      const results = await Promise.all(Array.from({ length: 8 }, () => call(CLOSE, { id: store.id }, owner)));
      expect(results.filter((r) => !r.res.errors)).toHaveLength(1);
      expect(results.filter((r) => errorCode(r.res) === 'CONFLICT')).toHaveLength(7);
      expect(await api.db.auditEvent.count({ where: { action: 'store.close', subjectId: store.id } })).toBe(1);
    });

    it('a closing makes the store version move, so an edit started before it is stale', async () => {
      const store = await create();
      await call(CLOSE, { id: store.id }, owner);
      const { res } = await call(UPDATE, { id: store.id, input: { name: 'Edited while closing', version: 1 } }, manager);
      expect(errorCode(res)).toBe('CONFLICT');
    });

    it("answers another merchant's store with NOT_FOUND; a marketer and a clerk may not", async () => {
      expect(errorCode((await call(CLOSE, { id: DEMO_IDS.stores.lumenEast }, owner)).res)).toBe('NOT_FOUND');
      expect(errorCode((await call(CLOSE, { id: DEMO_IDS.stores.harborHq }, await api.login('marketer@harbor.example'))).res)).toBe('FORBIDDEN');
      expect(errorCode((await call(CLOSE, { id: DEMO_IDS.stores.harborHq }, await api.login('clerk@harbor.example'))).res)).toBe('FORBIDDEN');
      expect((await api.db.store.findUniqueOrThrow({ where: { id: DEMO_IDS.stores.harborHq } })).status).toBe('OPEN');
    });
  });

  describe('reads', () => {
    it('a clerk sees only the stores it is bound to', async () => {
      const clerk = await api.login('clerk@harbor.example');
      const res = await api.gql<{ allStores: { id: string }[] }>('{ allStores(perPage: 100) { id } }', {}, { token: clerk });
      expect(res.data?.allStores.map((s) => s.id)).toEqual([DEMO_IDS.stores.harborHq]);
      expect(errorCode(await api.gql('query($id: ID!) { Store(id: $id) { id } }', { id: DEMO_IDS.stores.harborPier }, { token: clerk }))).toBe('NOT_FOUND');
    });

    it('filters by status', async () => {
      const store = await create();
      await call(CLOSE, { id: store.id }, owner);
      const res = await api.gql<{ allStores: { id: string; status: string }[] }>('{ allStores(perPage: 100, filter: { status: CLOSED }) { id status } }', {}, { token: owner });
      expect(res.data?.allStores.map((s) => s.id)).toContain(store.id);
      expect(new Set(res.data?.allStores.map((s) => s.status))).toEqual(new Set(['CLOSED']));
    });
  });
});
