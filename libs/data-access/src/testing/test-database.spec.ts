import { Client } from 'pg';
import { pgConfigFromUrl } from '../migrate/pg-config';
import { createTestDatabase, type TestDatabase } from './test-database';
import { makeMerchant } from './factories';
import { testServerUrl } from './template';

async function exists(name: string): Promise<boolean> {
  const c = new Client(pgConfigFromUrl(testServerUrl(), 'postgres'));
  await c.connect();
  try {
    return Boolean((await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount);
  } finally {
    await c.end();
  }
}

describe('createTestDatabase', () => {
  let a: TestDatabase;
  let b: TestDatabase;

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([a?.drop(), b?.drop()]);
  });

  it('gives each caller its own migrated, empty database (never the dev database)', async () => {
    expect(a.name).not.toBe(b.name);
    for (const t of [a, b]) {
      expect(t.name).toMatch(/^mop_test_[0-9a-z]+_[0-9a-f]+$/);
      expect(t.url).toContain(`/${t.name}`);
      expect(await t.db.merchant.count()).toBe(0);
      const [m] = await t.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM _prisma_migrations`;
      expect(m.n).toBeGreaterThan(0);
    }
  });

  it('isolates the databases from each other', async () => {
    const m = await makeMerchant(a.db);
    expect(await a.db.merchant.findUnique({ where: { id: m.id } })).not.toBeNull();
    expect(await b.db.merchant.findUnique({ where: { id: m.id } })).toBeNull();
  });

  it('is fast and drop() removes the database', async () => {
    const started = Date.now();
    const t = await createTestDatabase();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(1500);
    expect(await exists(t.name)).toBe(true);
    await t.drop();
    expect(await exists(t.name)).toBe(false);
  });
});
