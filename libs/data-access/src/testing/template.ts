/**
 * The migrated template database of test runs: `mop_test_tpl_<hash8>`, named from the migrations'
 * content so that reruns reuse it and a migration change builds a new one. Built under a pg advisory
 * lock (two Jest processes may start at once), in a temporary database renamed when complete.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH, migrationsHash, REPO_ROOT } from '../migrate/migrations';
import { databaseUrl, pgConfigFromUrl, quoteIdent, urlWithDatabase } from '../migrate/pg-config';

/** The server tests use: MOP_TEST_DATABASE_URL, else DATABASE_URL's server (its database is never touched). */
export function testServerUrl(): string {
  return process.env['MOP_TEST_DATABASE_URL'] || databaseUrl();
}

export const TEST_DB_PREFIX = 'mop_test_';
const TEMPLATE_PREFIX = 'mop_test_tpl_';
/** pg_advisory_lock key for building templates (any constant; "mop-tpl"). */
const LOCK_KEY = 0x6d6f70;
/** Per-test databases older than this are leftovers of crashed runs and dropped by the global setup. */
const STALE_AFTER_MS = 6 * 3600 * 1000;

export function templateName(migrationsDir = DEFAULT_MIGRATIONS_DIR): string {
  return `${TEMPLATE_PREFIX}${migrationsHash(migrationsDir).slice(0, 8)}`;
}

export async function withServerClient<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client(pgConfigFromUrl(testServerUrl(), 'postgres'));
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function databaseExists(c: Client, name: string): Promise<boolean> {
  const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  return Boolean(rowCount);
}

function runMigrateCli(args: string[]): void {
  const r = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', join(REPO_ROOT, 'libs/data-access/src/migrate/cli.ts'), ...args],
    { cwd: REPO_ROOT, encoding: 'utf8', env: process.env },
  );
  if (r.status !== 0) {
    throw new Error(`migrate ${args[0]} failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
}

/** Runs `prisma generate` when the generated client is missing or older than the schema. */
export function ensureGeneratedClient(): void {
  const client = join(REPO_ROOT, 'libs/data-access/src/generated/prisma/client.ts');
  if (existsSync(client) && statSync(client).mtimeMs >= statSync(DEFAULT_SCHEMA_PATH).mtimeMs) return;
  runMigrateCli(['generate']);
}

/** Builds the template database when it does not exist yet; returns its name. */
export async function ensureTemplateDatabase(): Promise<string> {
  const name = templateName();
  return withServerClient(async (c) => {
    if (await databaseExists(c, name)) return name;
    await c.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      if (await databaseExists(c, name)) return name;
      const building = `${name}_build_${process.pid}`;
      await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${quoteIdent(building)}`);
      try {
        runMigrateCli(['deploy', '--no-generate', '--url', urlWithDatabase(testServerUrl(), building)]);
        await c.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(name)}`);
        await c.query(`ALTER DATABASE ${quoteIdent(name)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
      } catch (err) {
        await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)} WITH (FORCE)`).catch(() => undefined);
        throw err;
      }
      return name;
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  });
}

/** `mop_test_<base36 ms>_<random>`: the time lets later runs recognise leftovers. */
export function newTestDatabaseName(random: string): string {
  return `${TEST_DB_PREFIX}${Date.now().toString(36)}_${random}`;
}

/** Drops per-test databases of crashed runs (older than 6 hours). */
export async function dropStaleTestDatabases(): Promise<string[]> {
  return withServerClient(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'mop\\_test\\_%' AND datname NOT LIKE 'mop\\_test\\_tpl\\_%'",
    );
    const dropped: string[] = [];
    for (const { datname } of rows) {
      const m = /^mop_test_([0-9a-z]+)_[0-9a-f]+$/.exec(datname);
      if (!m || Date.now() - parseInt(m[1], 36) < STALE_AFTER_MS) continue;
      await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`).catch(() => undefined);
      dropped.push(datname);
    }
    return dropped;
  });
}
