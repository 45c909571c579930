/**
 * A migration-aware driver-adapter factory for the WebAssembly schema engine, built on
 * `@prisma/adapter-pg` with the three migration-path defects of 7.10 fixed (see
 * /work/shared/notes/prisma-offline.md and prisma/README.md):
 *  1. `executeScript` runs the whole script as one simple-protocol query (no splitting on `;`);
 *  2. the shadow database is created and dropped here, after its pool is closed;
 *  3. result fields of Postgres' `"char"` type (OID 18), which the adapter rejects, are read as
 *     text (OID 25) and reported to the engine as `Character` columns — the engine's schema
 *     describer reads e.g. `pg_constraint.contype` with `get_char` and panics on a `Text` column.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from '@prisma/driver-adapter-utils';
import { dropDatabase, pgConfigFromUrl, quoteIdent, withAdminClient } from './pg-config';

const OID_CHAR = 18;
const OID_TEXT = 25;

type Field = { dataTypeID: number };
type Result = { fields?: Field[]; rows?: unknown[] } | Result[];

/** Result rows → the indexes of their `"char"` columns (the adapter returns pg's rows array as is). */
const charColumns = new WeakMap<object, number[]>();

function fixResult<T>(res: T): T {
  const visit = (r: Result | undefined | null) => {
    if (!r) return;
    if (Array.isArray(r)) return r.forEach(visit);
    const indexes: number[] = [];
    (r.fields ?? []).forEach((f, i) => {
      if (f.dataTypeID === OID_CHAR) {
        f.dataTypeID = OID_TEXT;
        indexes.push(i);
      }
    });
    if (indexes.length && r.rows) charColumns.set(r.rows, indexes);
  };
  visit(res as unknown as Result);
  return res;
}

type QueryFn = (...args: unknown[]) => unknown;

/** Rewrites OID 18 fields of every result a pooled client returns (promise and callback forms). */
function patchClient(client: pg.PoolClient): void {
  const patched = client as unknown as { query: QueryFn; __mopCharFix?: boolean };
  if (patched.__mopCharFix) return;
  patched.__mopCharFix = true;
  const original = patched.query.bind(client) as QueryFn;
  patched.query = (...args: unknown[]) => {
    const cbIndex = args.findIndex((a) => typeof a === 'function');
    if (cbIndex >= 0) {
      const cb = args[cbIndex] as (err: unknown, res: unknown) => void;
      args[cbIndex] = (err: unknown, res: unknown) => cb(err, err ? res : fixResult(res));
      return original(...args);
    }
    const out = original(...args);
    if (out && typeof (out as Promise<unknown>).then === 'function') {
      return (out as Promise<unknown>).then(fixResult);
    }
    return out;
  };
}

function newPool(config: pg.PoolConfig): pg.Pool {
  // One connection: the engine's advisory lock and session settings must stay on one session.
  const pool = new pg.Pool({ ...config, max: 1 });
  pool.on('connect', patchClient);
  pool.on('error', () => undefined);
  return pool;
}

function withCharColumns(rs: SqlResultSet): SqlResultSet {
  const indexes = charColumns.get(rs.rows);
  if (indexes) for (const i of indexes) rs.columnTypes[i] = ColumnTypeEnum.Character;
  return rs;
}

async function queryRaw(q: SqlQuery, target: { queryRaw(q: SqlQuery): Promise<SqlResultSet> }) {
  return withCharColumns(await target.queryRaw(q));
}

function wrapTransaction(tx: Transaction): Transaction {
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (q) => queryRaw(q, tx),
    executeRaw: (q) => tx.executeRaw(q),
    commit: () => tx.commit(),
    rollback: () => tx.rollback(),
    createSavepoint: tx.createSavepoint?.bind(tx),
    rollbackToSavepoint: tx.rollbackToSavepoint?.bind(tx),
    releaseSavepoint: tx.releaseSavepoint?.bind(tx),
  };
}

async function connectPool(pool: pg.Pool, onDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
  const inner = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
  const adapter: SqlDriverAdapter = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (q) => queryRaw(q, inner),
    executeRaw: (q) => inner.executeRaw(q),
    startTransaction: async (level) => wrapTransaction(await inner.startTransaction(level)),
    // No arguments and no statement name: `pg` sends the script with the simple query protocol,
    // which runs all of its statements, like the native engine does.
    executeScript: async (script) => {
      await inner.executeRaw({ sql: script, args: [], argTypes: [] });
    },
    getConnectionInfo: () => inner.getConnectionInfo(),
    dispose: async () => {
      try {
        await inner.dispose();
      } finally {
        await onDispose?.();
      }
    },
  };
  return adapter;
}

const liveFactories = new Set<MigrationAdapterFactory>();

/** Drops the shadow databases of every open factory (for crash handlers: a wasm panic aborts the engine). */
export async function dropAllShadowDatabases(): Promise<void> {
  for (const f of [...liveFactories]) await f.cleanup();
}

export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  readonly adapterName = '@prisma/adapter-pg';
  /** Shadow databases created and not yet dropped (dropped by `cleanup` if the engine did not). */
  private readonly shadows = new Set<string>();

  constructor(private readonly url: string) {
    liveFactories.add(this);
  }

  async connect(): Promise<SqlDriverAdapter> {
    return connectPool(newPool(pgConfigFromUrl(this.url)));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const name = `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, '')}`;
    await withAdminClient(this.url, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
    this.shadows.add(name);
    const pool = newPool(pgConfigFromUrl(this.url, name));
    return connectPool(pool, async () => {
      await dropDatabase(this.url, name);
      this.shadows.delete(name);
    });
  }

  /** Drops shadow databases the engine left behind (on errors). */
  async cleanup(): Promise<void> {
    for (const name of [...this.shadows]) {
      await dropDatabase(this.url, name).catch(() => undefined);
      this.shadows.delete(name);
    }
    liveFactories.delete(this);
  }
}
