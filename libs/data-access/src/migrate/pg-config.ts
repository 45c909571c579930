import { parse } from 'pg-connection-string';
import type { PoolConfig } from 'pg';
import { Client } from 'pg';

export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/mop';

/** DATABASE_URL from the environment, or the local development default. */
export function databaseUrl(): string {
  return process.env['DATABASE_URL'] || DEFAULT_DATABASE_URL;
}

/**
 * A `pg` config built from the URL's discrete fields. (With a `connectionString`, `pg` ignores a
 * `database` override — which would make the shadow database the main one.)
 */
export function pgConfigFromUrl(url: string, database?: string): PoolConfig {
  const p = parse(url);
  const config: PoolConfig = {
    host: p.host ?? '127.0.0.1',
    port: p.port ? Number(p.port) : 5432,
    user: p.user ? decodeURIComponent(p.user) : undefined,
    password: p.password ? decodeURIComponent(p.password) : undefined,
    database: database ?? (p.database ? decodeURIComponent(p.database) : undefined),
    application_name: p.application_name ?? undefined,
  };
  if (p.ssl) config.ssl = p.ssl as PoolConfig['ssl'];
  return config;
}

/** The database name in a URL. */
export function databaseName(url: string): string {
  const name = parse(url).database;
  if (!name) throw new Error(`DATABASE_URL has no database name: ${redactUrl(url)}`);
  return decodeURIComponent(name);
}

/** The same server, another database. */
export function urlWithDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<invalid url>';
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Runs `fn` with a client connected to the server's maintenance database (`postgres`). */
export async function withAdminClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(pgConfigFromUrl(url, 'postgres'));
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the URL's database when it does not exist. Returns true when it was created. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  return withAdminClient(url, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
      return true;
    } catch (err) {
      // 42P04 duplicate_database: someone else created it concurrently.
      if ((err as { code?: string }).code === '42P04') return false;
      throw err;
    }
  });
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await withAdminClient(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  });
}
