import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEFAULT_SCHEMA_PATH, REPO_ROOT } from './migrations';
import { pgConfigFromUrl } from './pg-config';
import { testServerUrl } from '../testing/template';

// The schema engine is ESM + WebAssembly, which Jest's module system does not load: drive the CLI.
function cli(...args: string[]) {
  return spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', join(REPO_ROOT, 'libs/data-access/src/migrate/cli.ts'), ...args, '--url', testServerUrl()],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  );
}

async function shadowDatabases(): Promise<string[]> {
  const c = new Client(pgConfigFromUrl(testServerUrl(), 'postgres'));
  await c.connect();
  try {
    const { rows } = await c.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'",
    );
    return rows.map((r) => r.datname);
  } finally {
    await c.end();
  }
}

describe('db:migrate:check', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mop-schema-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes on the committed schema and migrations (hand-written constraints are not drift)', () => {
    const r = cli('check');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('in sync');
  });

  it('fails and prints the missing SQL when the schema changes without a migration', async () => {
    const before = await shadowDatabases();
    const schema = join(dir, 'schema.prisma');
    copyFileSync(DEFAULT_SCHEMA_PATH, schema);
    const text = readFileSync(schema, 'utf8').replace(
      /(model Product \{\n)/,
      '$1  tagline String?\n',
    );
    writeFileSync(schema, text);
    const r = cli('check', '--schema', schema);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ALTER TABLE "products" ADD COLUMN\s+"tagline" TEXT/);
    // The shadow database is dropped again. Another test run may have its own shadow database for a
    // moment: wait for those to go, a leaked one stays.
    let leaked: string[] = [];
    for (let i = 0; i < 50; i++) {
      leaked = (await shadowDatabases()).filter((d) => !before.includes(d));
      if (!leaked.length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(leaked).toEqual([]);
  });
});
