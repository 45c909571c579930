import { GraphQLSchemaHost } from '@nestjs/graphql';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { MUTATION_CASES } from '../testing/mutation-cases';

/** DESIGN.md §4.7: bad input gets BAD_USER_INPUT naming the field, and changes nothing. */
describe('bad input on every mutation', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  /** A digest of every row of the tables a mutation here can touch. */
  async function snapshot(): Promise<string> {
    const rows = await api.db.$queryRawUnsafe<{ digest: string }[]>(`
      SELECT md5(concat_ws('|',
        (SELECT coalesce(string_agg(u::text, ',' ORDER BY u.id), '') FROM users u),
        (SELECT coalesce(string_agg(s.id::text || s."revokedAt"::text || s."activeMembershipId"::text, ',' ORDER BY s.id), '') FROM sessions s),
        (SELECT coalesce(string_agg(m::text, ',' ORDER BY m.id), '') FROM memberships m),
        (SELECT count(*)::text FROM audit_events),
        (SELECT count(*)::text FROM idempotency_records)
      )) AS digest`);
    return rows[0].digest;
  }

  it('covers every mutation of the schema', () => {
    const mutations = Object.keys(api.app.get(GraphQLSchemaHost).schema.getMutationType()?.getFields() ?? {}).sort();
    expect(MUTATION_CASES.map((c) => c.name).sort()).toEqual(mutations);
  });

  it.each(MUTATION_CASES.map((c) => [c.name, c] as const))('%s rejects bad input with the field and changes nothing', async (_name, c) => {
    const calls = await c.badInputs(api);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      const before = await snapshot();
      const res = await api.gql(call.document ?? c.document, call.variables, { token: call.token });
      expect({ variables: call.variables, code: res.errors?.[0]?.extensions?.code, field: res.errors?.[0]?.extensions?.field }).toEqual({
        variables: call.variables,
        code: 'BAD_USER_INPUT',
        field: call.field,
      });
      expect(res.data ?? null).toBeNull();
      expect(JSON.stringify(res.errors)).not.toMatch(/stack|prisma|SELECT|at \w+ \(/i);
      expect(await snapshot()).toBe(before);
    }
  });
});
