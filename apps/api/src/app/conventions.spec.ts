import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  getNullableType,
  GraphQLEnumType,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  GraphQLString,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { type Db, PRISMA } from '@mop/data-access';
import { DEMO_IDS, DEMO_PASSWORD } from '@mop/data-access/testing';
import { type ApiHarness, errorCode, type GqlResult, startApi } from '../testing/api-harness';

const LOGIN = 'mutation Login($input: LoginInput!) { login(input: $input) { token } }';

/** No error, whatever its code, carries a stack or the original exception. */
function expectNoInternals(res: GqlResult): void {
  for (const error of res.errors ?? []) {
    expect(error.extensions).not.toHaveProperty('stacktrace');
    expect(error.extensions).not.toHaveProperty('exception');
  }
}

function expectBadInput(res: GqlResult, field?: string): void {
  expect(res.status).not.toBe(500);
  expect(res.errors?.length).toBeGreaterThan(0);
  for (const error of res.errors ?? []) expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  if (field) expect(res.errors?.[0].extensions?.field).toBe(field);
  expectNoInternals(res);
}

async function sessionsOf(db: Db, userId: string): Promise<number> {
  return db.session.count({ where: { userId } });
}

describe('API conventions', () => {
  let api: ApiHarness;
  let owner: string;
  beforeAll(async () => {
    api = await startApi();
    owner = await api.login('owner@harbor.example');
  });
  afterAll(() => api.close());

  describe('query limits', () => {
    it('refuses a query nested deeper than the default depth limit', async () => {
      // The schema has no recursive types yet, so no valid query reaches depth 8: the depth rule must
      // still report, next to the unknown fields, before anything runs.
      const deep = '{ me { workspaces { a { b { c { d { e { f { g { h { i } } } } } } } } } } }';
      const res = await api.gql(deep, {}, { token: owner });
      expectBadInput(res, 'query');
      expect(res.data).toBeNull();
      expect(res.errors?.some((e) => /exceeds maximum operation depth of 8/.test(e.message))).toBe(true);
    });

    it('refuses a page of more than 100 rows, naming perPage', async () => {
      const res = await api.gql('{ allStores(perPage: 101) { id } }', {}, { token: owner });
      expectBadInput(res, 'perPage');
      expect(res.data).toBeNull();
    });

    it('accepts a page of 100 rows', async () => {
      const res = await api.gql<{ allStores: unknown[] }>('{ allStores(perPage: 100) { id } }', {}, { token: owner });
      expect(res.errors).toBeUndefined();
      expect(res.data?.allStores).toHaveLength(2);
    });

    it('refuses to sort by a field that is not listed as sortable', async () => {
      for (const sortField of ['passwordHash', 'licenceNumber; DROP TABLE stores', 'merchant.legalName']) {
        const res = await api.gql('query($s: String) { allStores(sortField: $s) { id } }', { s: sortField }, { token: owner });
        expectBadInput(res, 'sortField');
      }
    });
  });

  describe('malformed requests', () => {
    it('answers a syntax error with BAD_USER_INPUT, not a 500', async () => {
      const res = await api.gql('{ me { id ', {}, { token: owner });
      expectBadInput(res, 'query');
      expect(res.data).toBeNull();
    });

    it('answers an unknown field with BAD_USER_INPUT', async () => {
      const res = await api.gql('{ me { id passwordHash } }', {}, { token: owner });
      expectBadInput(res, 'query');
      expect(res.data).toBeNull();
    });

    it('answers a variable of the wrong type with BAD_USER_INPUT naming the argument', async () => {
      const res = await api.gql('query($p: Int) { allStores(perPage: $p) { id } }', { p: 'many' }, { token: owner });
      expectBadInput(res, 'perPage');
      expect(res.status).toBe(400);
      expect(res.errors?.[0].message).toMatch(/Int cannot represent/);
    });

    it('answers a malformed input variable with BAD_USER_INPUT naming the field, and runs nothing', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{}, 'input'],
        [{ input: null }, 'input'],
        [{ input: { email: 'manager@harbor.example' } }, 'password'],
        [{ input: { email: 42, password: DEMO_PASSWORD } }, 'email'],
        [{ input: { email: 'manager@harbor.example', password: DEMO_PASSWORD, role: 'PLATFORM_ADMIN' } }, 'role'],
      ];
      const before = await sessionsOf(api.db, DEMO_IDS.users.harborManager);
      for (const [variables, field] of cases) {
        const res = await api.gql(LOGIN, variables, { ip: '10.45.0.1' });
        expect({ variables, code: errorCode(res), field: res.errors?.[0].extensions?.field }).toEqual({ variables, code: 'BAD_USER_INPUT', field });
        expect(res.status).toBe(400);
        expectNoInternals(res);
      }
      expect(await sessionsOf(api.db, DEMO_IDS.users.harborManager)).toBe(before);
    });

    it('refuses a wrong variable the same way once its document has been answered (its cost is then reused)', async () => {
      const PROFILE = 'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }';
      expect((await api.gql(PROFILE, { input: { displayName: 'Hana Owner' } }, { token: owner })).errors).toBeUndefined();
      for (const [variables, field] of [
        [{}, 'input'],
        [{ input: { displayName: 42 } }, 'displayName'],
        [{ input: { displayName: 'Hana', role: 'OWNER' } }, 'role'],
      ] as [Record<string, unknown>, string][]) {
        const res = await api.gql(PROFILE, variables, { token: owner });
        expect({ variables, code: errorCode(res), field: res.errors?.[0].extensions?.field }).toEqual({ variables, code: 'BAD_USER_INPUT', field });
        expect(res.status).toBe(400);
      }
    });

    it('keeps stacks and exceptions out of every kind of error', async () => {
      const results = await Promise.all([
        api.gql('{ me { id } }'), // UNAUTHENTICATED
        api.gql('{ allUsers { id } }', {}, { token: owner }), // FORBIDDEN
        api.gql('query($id: ID!) { Store(id: $id) { id } }', { id: DEMO_IDS.stores.lumenCentral }, { token: owner }), // NOT_FOUND
        api.gql('{ nope }', {}, { token: owner }), // validation
      ]);
      expect(results.map(errorCode)).toEqual(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT']);
      for (const res of results) expectNoInternals(res);
    });
  });

  describe('internal failures', () => {
    afterEach(() => jest.restoreAllMocks());

    it('answers an unexpected database failure with a generic INTERNAL_SERVER_ERROR that leaks nothing', async () => {
      const db = api.app.get<Db>(PRISMA);
      // A real Postgres error (with SQL and a table name in its message) stands in for a broken database.
      jest.spyOn(db.store, 'findMany').mockImplementationOnce((() => db.$queryRawUnsafe('SELECT secret_column FROM stores_that_do_not_exist')) as never);
      const res = await api.gql('{ allStores { id } }', {}, { token: owner });
      expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
      expect(res.errors).toHaveLength(1);
      expect(res.errors?.[0].message).toMatch(/^Something went wrong on our side/);
      expect(Object.keys(res.errors?.[0].extensions ?? {})).toEqual(['code']);
      const body = JSON.stringify(res.errors);
      for (const leak of ['SELECT', 'stores_that_do_not_exist', 'secret_column', 'relation', 'prisma', 'Prisma', '.ts:', 'P20']) {
        expect(body).not.toContain(leak);
      }
      expect(body).not.toMatch(/\n\s+at /);
      // the next request is served normally
      const after = await api.gql<{ allStores: unknown[] }>('{ allStores { id } }', {}, { token: owner });
      expect(after.data?.allStores).toHaveLength(2);
    });
  });

  describe('introspection', () => {
    it('is allowed in test mode', async () => {
      const res = await api.gql<{ __schema: { queryType: { name: string } } }>('{ __schema { queryType { name } } }');
      expect(res.errors).toBeUndefined();
      expect(res.data?.__schema.queryType.name).toBe('Query');
    });
  });

  describe('request ids', () => {
    it('gives every response an x-request-id, errors included', async () => {
      const fastify = api.app.getHttpAdapter().getInstance();
      const responses = await Promise.all([
        api.gql('{ me { id } }', {}, { token: owner }),
        api.gql('{ me { id ', {}, { token: owner }),
        api.gql('{ me { id } }'),
      ]);
      for (const res of responses) expect(res.headers['x-request-id']).toEqual(expect.any(String));
      expect(new Set(responses.map((r) => r.headers['x-request-id'])).size).toBe(3);
      const health = await fastify.inject({ method: 'GET', url: '/health/live' });
      expect(health.headers['x-request-id']).toEqual(expect.any(String));
      const missing = await fastify.inject({ method: 'GET', url: '/no-such-route' });
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['x-request-id']).toEqual(expect.any(String));
    });

    it('echoes a valid incoming x-request-id and replaces an invalid one', async () => {
      const given = 'trace-0f1e2d3c4b5a';
      const echoed = await api.gql('{ me { id } }', {}, { token: owner, headers: { 'x-request-id': given } });
      expect(echoed.headers['x-request-id']).toBe(given);

      for (const bad of ['short', 'has spaces in it', 'x'.repeat(129), 'inject\\r\\nset-cookie']) {
        const replaced = await api.gql('{ me { id } }', {}, { token: owner, headers: { 'x-request-id': bad } });
        expect(replaced.headers['x-request-id']).not.toBe(bad);
        expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      }
    });

    it('stores the request id on the audit event of a mutation', async () => {
      const requestId = `audit-trace-${Date.now()}`;
      const res = await api.gql<{ login: { token: string } }>(
        LOGIN,
        { input: { email: 'manager@harbor.example', password: DEMO_PASSWORD } },
        { ip: '10.42.0.1', headers: { 'x-request-id': requestId } },
      );
      expect(res.data?.login.token).toEqual(expect.any(String));
      expect(res.headers['x-request-id']).toBe(requestId);
      const events = await api.db.auditEvent.findMany({ where: { requestId } });
      expect(events).toEqual([expect.objectContaining({ action: 'auth.login', actorUserId: DEMO_IDS.users.harborManager, requestId })]);
    });
  });

  describe('health', () => {
    it('is live', async () => {
      const res = await api.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/health/live' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok' });
    });

    it('is ready when Postgres and Redis answer', async () => {
      const res = await api.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/health/ready' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok', postgres: 'ok', redis: 'ok' });
    });
  });

  describe('CSRF prevention', () => {
    it('refuses a simple (text/plain) POST without executing it', async () => {
      const before = await sessionsOf(api.db, DEMO_IDS.users.harborMarketer);
      const res = await api.app.getHttpAdapter().getInstance().inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'text/plain' },
        remoteAddress: '10.43.0.1',
        payload: JSON.stringify({ query: LOGIN, variables: { input: { email: 'marketer@harbor.example', password: DEMO_PASSWORD } } }),
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).not.toContain('"token"');
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(await sessionsOf(api.db, DEMO_IDS.users.harborMarketer)).toBe(before);
    });

    it('refuses a GET that carries a mutation', async () => {
      const before = await sessionsOf(api.db, DEMO_IDS.users.harborMarketer);
      const query = encodeURIComponent('mutation { login(input: { email: "marketer@harbor.example", password: "Demo#2026pass" }) { token } }');
      const res = await api.app.getHttpAdapter().getInstance().inject({
        method: 'GET',
        url: `/graphql?query=${query}`,
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(await sessionsOf(api.db, DEMO_IDS.users.harborMarketer)).toBe(before);
    });
  });

  describe('ids', () => {
    it('answers a malformed id in any id argument with BAD_USER_INPUT naming the argument', async () => {
      const admin = await api.login('admin@mop.local');
      const { schema } = api.app.get(GraphQLSchemaHost);
      const operations = [
        ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((f) => ['query', f] as const),
        ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((f) => ['mutation', f] as const),
      ];
      const checked: string[] = [];
      for (const [kind, field] of operations) {
        for (const arg of field.args.filter(isIdArg)) {
          const query = operationWith(kind, field, arg);
          if (!query) continue;
          const res = await api.gql(query.text, query.variables, { token: admin });
          // Beside a placeholder input object (itself possibly invalid), either argument may be named first.
          const alsoInvalidInput = field.args.some((a) => a !== arg && a.type instanceof GraphQLNonNull && getNamedType(a.type) instanceof GraphQLInputObjectType);
          expect({ operation: field.name, code: errorCode(res), field: res.errors?.[0]?.extensions?.field }).toEqual({
            operation: field.name,
            code: 'BAD_USER_INPUT',
            field: alsoInvalidInput ? expect.any(String) : arg.name,
          });
          expectNoInternals(res);
          checked.push(`${field.name}(${arg.name})`);
        }
      }
      // the catalog grows; these must always be among the checked
      expect(checked).toEqual(expect.arrayContaining(['Store(id)', 'Merchant(id)', 'User(id)', 'disableUser(id)', 'revokeSession(id)', 'switchWorkspace(membershipId)']));
    });

    it("answers another tenant's record with NOT_FOUND, never FORBIDDEN", async () => {
      const provider = await api.login('admin@nimbus.example');
      const reads: [string, string, string][] = [
        ['Store', DEMO_IDS.stores.lumenCentral, owner],
        ['Merchant', DEMO_IDS.merchants.lumen, owner],
        // a provider sees the merchants it is authorized for, and no other
        ['Merchant', DEMO_IDS.merchants.lumen, provider],
        ['Store', DEMO_IDS.stores.lumenEast, provider],
      ];
      for (const [type, id, token] of reads) {
        const res = await api.gql(`query($id: ID!) { ${type}(id: $id) { id } }`, { id }, { token });
        expect({ type, id, code: errorCode(res) }).toEqual({ type, id, code: 'NOT_FOUND' });
        expect(res.data).toBeNull();
        expect(JSON.stringify(res.errors)).not.toContain('Lumen');
      }
      // the same reads of the owner's own records succeed
      const own = await api.gql('query($id: ID!) { Store(id: $id) { id } }', { id: DEMO_IDS.stores.harborHq }, { token: owner });
      expect(own.data).toEqual({ Store: { id: DEMO_IDS.stores.harborHq } });
    });

    it("answers another tenant's record the same way as a record that does not exist", async () => {
      const foreign = await api.gql('query($id: ID!) { Store(id: $id) { id } }', { id: DEMO_IDS.stores.lumenCentral }, { token: owner });
      const missing = await api.gql('query($id: ID!) { Store(id: $id) { id } }', { id: '30000000-0000-4000-8000-0000000000ff' }, { token: owner });
      expect(errorCode(foreign)).toBe('NOT_FOUND');
      expect(errorCode(missing)).toBe('NOT_FOUND');
      expect(foreign.errors?.[0].message.replace(DEMO_IDS.stores.lumenCentral, '<id>')).toBe(
        missing.errors?.[0].message.replace('30000000-0000-4000-8000-0000000000ff', '<id>'),
      );
    });
  });
});

describe('API conventions under small limits', () => {
  let api: ApiHarness;
  let owner: string;
  beforeAll(async () => {
    api = await startApi({ GRAPHQL_MAX_COST: '50', GRAPHQL_MAX_DEPTH: '2' });
    owner = await api.login('owner@harbor.example');
  });
  afterAll(() => api.close());

  it('refuses a valid operation deeper than GRAPHQL_MAX_DEPTH with one error, and runs nothing', async () => {
    const before = await sessionsOf(api.db, DEMO_IDS.users.harborManager);
    const res = await api.gql(
      'mutation($input: LoginInput!) { login(input: $input) { me { workspaces { name } } } }',
      { input: { email: 'manager@harbor.example', password: DEMO_PASSWORD } },
      { ip: '10.44.0.1' },
    );
    expectBadInput(res, 'query');
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0].message).toMatch(/exceeds maximum operation depth of 2/);
    expect(res.data).toBeNull();
    expect(await sessionsOf(api.db, DEMO_IDS.users.harborManager)).toBe(before);
  });

  it('runs an operation within the depth limit', async () => {
    const res = await api.gql('{ me { workspaces { name } } }', {}, { token: owner });
    expect(res.errors).toBeUndefined();
  });

  it('refuses an operation that costs more than GRAPHQL_MAX_COST', async () => {
    const res = await api.gql('{ allStores(perPage: 30) { id name code } }', {}, { token: owner });
    expectBadInput(res, 'query');
    expect(res.status).toBe(400);
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'query', cost: 91, maxCost: 50 });
    expect(res.data ?? null).toBeNull();
  });

  it('refuses a too costly mutation before any of it runs', async () => {
    // 30 aliased sign-ins cost 60: had any of them run, the user would have new sessions
    const before = await sessionsOf(api.db, DEMO_IDS.users.harborMarketer);
    const calls = Array.from({ length: 30 }, (_, i) => `s${i}: login(input: $input) { token }`).join(' ');
    const res = await api.gql(`mutation($input: LoginInput!) { ${calls} }`, { input: { email: 'marketer@harbor.example', password: DEMO_PASSWORD } }, { ip: '10.46.0.1' });
    expectBadInput(res, 'query');
    expect(res.errors?.[0].extensions).toMatchObject({ cost: 60, maxCost: 50 });
    expect(await sessionsOf(api.db, DEMO_IDS.users.harborMarketer)).toBe(before);
  });

  it('counts the page size given in a variable', async () => {
    const res = await api.gql('query($n: Int) { allStores(perPage: $n) { id name } }', { n: 40 }, { token: owner });
    expectBadInput(res, 'query');
    const cheap = await api.gql('query($n: Int) { allStores(perPage: $n) { id name } }', { n: 10 }, { token: owner });
    expect(cheap.errors).toBeUndefined();
  });
});

describe('API conventions in production mode', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ NODE_ENV: 'production' });
  });
  afterAll(() => api.close());

  it('refuses introspection', async () => {
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Merchant") { fields { name } } }']) {
      const res = await api.gql(query);
      expectBadInput(res);
      expect(res.data ?? null).toBeNull();
    }
  });

  it('still answers ordinary queries and __typename', async () => {
    const token = await api.login('owner@harbor.example');
    const res = await api.gql('{ __typename me { email } }', {}, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ __typename: 'Query', me: { email: 'owner@harbor.example' } });
  });

  it('leaves the test process in test mode', () => {
    expect(process.env['NODE_ENV']).toBe('test');
  });
});

// ── building an operation around one id argument from the schema

function isIdArg(arg: GraphQLArgument): boolean {
  const type = getNullableType(arg.type);
  return type === GraphQLID && (arg.name === 'id' || arg.name.endsWith('Id'));
}

/** An operation calling `field` with a malformed `arg` and placeholder values for its other required arguments. */
function operationWith(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, arg: GraphQLArgument) {
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const passed: string[] = [];
  for (const a of field.args) {
    if (a !== arg && !(a.type instanceof GraphQLNonNull)) continue;
    const value = a === arg ? 'not-a-uuid' : placeholder(a.type);
    if (value === undefined) return null;
    variables[a.name] = value;
    declarations.push(`$${a.name}: ${a.type.toString()}`);
    passed.push(`${a.name}: $${a.name}`);
  }
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return { text: `${kind}(${declarations.join(', ')}) { ${field.name}(${passed.join(', ')})${selection} }`, variables };
}

function placeholder(type: GraphQLInputType): unknown {
  const t = getNullableType(type);
  if (t === GraphQLString) return 'placeholder value';
  if (t === GraphQLID) return '00000000-0000-4000-8000-000000000000';
  if (t === GraphQLInt) return 1;
  if (t instanceof GraphQLEnumType) return t.getValues()[0].value;
  if (t instanceof GraphQLList) return [];
  if (t instanceof GraphQLScalarType) return undefined;
  if (t instanceof GraphQLInputObjectType) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(t.getFields())) {
      if (!(f.type instanceof GraphQLNonNull)) continue;
      const v = placeholder(f.type);
      if (v === undefined) return undefined;
      out[f.name] = v;
    }
    return out;
  }
  return undefined;
}
