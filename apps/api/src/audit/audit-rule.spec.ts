import { randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { type ApiHarness, errorCode, startApi } from '../testing/api-harness';
import { FAILING_CALLS, MUTATION_CASES } from '../testing/mutation-cases';

/** DESIGN.md §4.6: every mutation leaves exactly one audit event, in its transaction; a failed one none. */
describe('audit rule', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  const eventsOf = (requestId: string) => api.db.auditEvent.findMany({ where: { requestId } });

  it('names every mutation of the schema', () => {
    const mutations = Object.keys(api.app.get(GraphQLSchemaHost).schema.getMutationType()?.getFields() ?? {}).sort();
    expect(MUTATION_CASES.map((c) => c.name).sort()).toEqual(mutations);
  });

  it.each(MUTATION_CASES.map((c) => [c.name, c] as const))('%s leaves exactly one audit event (or its ledger row)', async (_name, c) => {
    const call = await c.valid(api);
    const requestId = `audit-${randomUUID()}`;
    const res = await api.gql(c.document, call.variables, { token: call.token, headers: { 'x-request-id': requestId } });
    expect(res.errors).toBeUndefined();
    const events = await eventsOf(requestId);
    if (c.ledger) {
      // Its own ledger row is the record: no second row (DESIGN.md §4.6).
      expect(events).toHaveLength(0);
      await c.ledger(api, res.data as Record<string, unknown>, call);
      return;
    }
    expect(events).toHaveLength(1);
    expect(events[0].action).toBe(c.action);
    expect(events[0].actorLabel).not.toBe('anonymous');
  });

  it.each(MUTATION_CASES.map((c) => [c.name, c] as const))('%s with bad input leaves no audit event', async (_name, c) => {
    for (const call of await c.badInputs(api)) {
      const requestId = `audit-${randomUUID()}`;
      const res = await api.gql(call.document ?? c.document, call.variables, { token: call.token, headers: { 'x-request-id': requestId } });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(await eventsOf(requestId)).toHaveLength(0);
    }
  });

  it.each(FAILING_CALLS.map((f) => [f.name, f] as const))('%s fails and leaves no audit event', async (_name, f) => {
    const call = await f.call(api);
    const requestId = `audit-${randomUUID()}`;
    const res = await api.gql(call.document, call.variables, { token: call.token, headers: { 'x-request-id': requestId } });
    expect(errorCode(res)).toBe(call.code);
    expect(await eventsOf(requestId)).toHaveLength(0);
  });

  it('a merchant owner sees its merchant\'s events and no other tenant\'s; a platform admin sees all', async () => {
    const owner = await api.login('owner@harbor.example');
    await api.gql('mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id } }', { i: { displayName: 'Hana H. Owner' } }, { token: owner });
    const lumenOwner = await api.login('owner@lumen.example');
    await api.gql('mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id } }', { i: { displayName: 'Lena L. Owner' } }, { token: lumenOwner });

    const mine = await api.gql<{ allAuditEvents: { merchantId: string; action: string }[] }>(
      '{ allAuditEvents(perPage: 100, filter: { action: "user." }) { merchantId action } }', {}, { token: owner },
    );
    expect(mine.data?.allAuditEvents.length).toBeGreaterThan(0);
    expect(new Set(mine.data?.allAuditEvents.map((e) => e.merchantId))).toEqual(new Set(['20000000-0000-4000-8000-000000000001']));

    const all = await api.gql<{ allAuditEvents: { merchantId: string }[] }>(
      '{ allAuditEvents(perPage: 100, filter: { action: "user.updateProfile" }) { merchantId } }', {}, { token: await api.login('admin@mop.local') },
    );
    expect(new Set(all.data?.allAuditEvents.map((e) => e.merchantId))).toEqual(
      new Set(['20000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002', null].filter((x) => all.data?.allAuditEvents.some((e) => e.merchantId === x))),
    );
    expect(all.data?.allAuditEvents.some((e) => e.merchantId === '20000000-0000-4000-8000-000000000002')).toBe(true);
  });
});
