import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Db } from '@mop/data-access';
import { createTestDatabase, DEMO_PASSWORD, seedDemo, type TestDatabase } from '@mop/data-access/testing';
import { createApiApp } from '../app/bootstrap';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; [k: string]: unknown } }[];
  headers: Record<string, unknown>;
}

export interface ApiHarness {
  app: NestFastifyApplication;
  db: Db;
  database: TestDatabase;
  redisPrefix: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: { token?: string | null; ip?: string; headers?: Record<string, string> }): Promise<GqlResult<T>>;
  /** Signs in and returns the session token. */
  login(email: string, password?: string, ip?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real API (Fastify, Apollo, guards, Prisma) on a database of its own, seeded with the demo
 * data, and its own Redis key prefix: a test file owns all of its state. Requests go through
 * Fastify's `inject`, so no port is opened.
 */
export async function startApi(env: Record<string, string> = {}): Promise<ApiHarness> {
  const database = await createTestDatabase();
  await seedDemo(database.db);
  const redisPrefix = `test:${randomBytes(6).toString('hex')}`;
  // The overrides apply while the app reads its configuration, then the previous values come back:
  // a second harness in the same file (other limits, production mode) starts from a clean slate.
  const overrides: Record<string, string> = { NODE_ENV: 'test', DATABASE_URL: database.url, REDIS_PREFIX: redisPrefix, ...env };
  const previous = Object.fromEntries(Object.keys(overrides).map((k) => [k, process.env[k]]));
  Object.assign(process.env, overrides);
  let app: NestFastifyApplication;
  try {
    app = await createApiApp({ logger: false });
    await app.init();
  } finally {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.ready();

  const gql: ApiHarness['gql'] = async (query, variables = {}, options = {}) => {
    const res = await fastify.inject({
      method: 'POST',
      url: '/graphql',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.headers ?? {}),
      },
      remoteAddress: options.ip ?? '127.0.0.1',
      payload: JSON.stringify({ query, variables }),
    });
    const body = res.json() as { data?: unknown; errors?: GqlResult['errors'] };
    return { status: res.statusCode, data: (body.data ?? null) as never, errors: body.errors, headers: res.headers };
  };

  const login = async (email: string, password = DEMO_PASSWORD, ip?: string) => {
    const res = await gql<{ login: { token: string } }>(
      'mutation Login($input: LoginInput!) { login(input: $input) { token } }',
      { input: { email, password } },
      { ip: ip ?? `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
    );
    if (!res.data?.login) throw new Error(`login as ${email} failed: ${JSON.stringify(res.errors)}`);
    return res.data.login.token;
  };

  return {
    app,
    db: database.db,
    database,
    redisPrefix,
    gql,
    login,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export function errorCode(result: GqlResult): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
