import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SchemaFilter } from '@prisma/schema-engine-wasm';
import { engineError, openEngine, type OpenEngine } from './engine';
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH, loadMigrations, REPO_ROOT, writeMigration } from './migrations';
import { databaseUrl, ensureDatabase, redactUrl, urlWithDatabase } from './pg-config';

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

export interface MigrateOptions {
  /** Target database; default DATABASE_URL or the development default. */
  url?: string;
  schemaPath?: string;
  migrationsDir?: string;
  /** Progress output; default console.log. */
  log?: (line: string) => void;
}

function resolveOptions(o: MigrateOptions) {
  return {
    url: o.url ?? databaseUrl(),
    schemaPath: o.schemaPath ?? DEFAULT_SCHEMA_PATH,
    migrationsDir: o.migrationsDir ?? DEFAULT_MIGRATIONS_DIR,
    log: o.log ?? ((line: string) => console.log(line)),
  };
}

async function withEngine<T>(url: string, schemaPath: string, fn: (e: OpenEngine) => Promise<T>): Promise<T> {
  const open = await openEngine(url, schemaPath, readFileSync(schemaPath, 'utf8'));
  try {
    return await fn(open);
  } catch (err) {
    throw engineError(err);
  } finally {
    await open.close();
  }
}

/** `prisma migrate deploy`: creates the database if missing and applies pending migrations. */
export async function applyMigrations(options: MigrateOptions = {}): Promise<string[]> {
  const { url, schemaPath, migrationsDir, log } = resolveOptions(options);
  if (await ensureDatabase(url)) log(`Created database ${redactUrl(url)}`);
  return withEngine(url, schemaPath, async ({ engine }) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: loadMigrations(migrationsDir),
      filters: NO_FILTER,
    });
    log(
      appliedMigrationNames.length
        ? `Applied ${appliedMigrationNames.length} migration(s): ${appliedMigrationNames.join(', ')}`
        : 'No pending migrations.',
    );
    return appliedMigrationNames;
  });
}

export interface CreateMigrationOptions extends MigrateOptions {
  name: string;
  /** Write the migration file without applying it (to append hand-written SQL first). */
  createOnly?: boolean;
}

/**
 * `prisma migrate dev --name`: apply pending → devDiagnostic (drift stops here) → evaluateDataLoss
 * (warnings) → createMigration → write the file → apply (unless createOnly).
 * Returns the path of the new migration.sql, or null when the schema has no changes.
 */
export async function createMigration(options: CreateMigrationOptions): Promise<string | null> {
  const { url, schemaPath, migrationsDir, log } = resolveOptions(options);
  const name = options.name.trim().replace(/[^A-Za-z0-9_]+/g, '_');
  if (!name) throw new Error('A migration needs a --name.');
  if (await ensureDatabase(url)) log(`Created database ${redactUrl(url)}`);
  const schemaContent = readFileSync(schemaPath, 'utf8');
  const created = await withEngine(url, schemaPath, async ({ engine }) => {
    const pending = await engine.applyMigrations({ migrationsList: loadMigrations(migrationsDir), filters: NO_FILTER });
    if (pending.appliedMigrationNames.length) log(`Applied pending: ${pending.appliedMigrationNames.join(', ')}`);

    const migrationsList = loadMigrations(migrationsDir);
    const diagnostic = await engine.devDiagnostic({ migrationsList, filters: NO_FILTER });
    if (diagnostic.action.tag === 'reset') {
      throw new Error(
        `The database ${redactUrl(url)} has drifted from the migration history and would need a reset:\n` +
          `${diagnostic.action.reason}\nResolve it (e.g. drop the development database) and retry.`,
      );
    }
    const schema = { files: [{ path: schemaPath, content: schemaContent }] };
    const loss = await engine.evaluateDataLoss({ migrationsList, schema, filters: NO_FILTER });
    for (const w of loss.warnings) log(`⚠ ${w.message}`);
    if (loss.unexecutableSteps.length) {
      throw new Error(
        `The migration cannot be executed on the current database:\n${loss.unexecutableSteps.map((s) => `  • ${s.message}`).join('\n')}`,
      );
    }
    const out = await engine.createMigration({
      draft: Boolean(options.createOnly),
      migrationName: name,
      migrationsList,
      schema,
      filters: NO_FILTER,
    });
    if (out.migrationScript === null) {
      log('The schema has no changes: no migration created.');
      return null;
    }
    const file = writeMigration(migrationsDir, out.generatedMigrationName, out.migrationScript);
    log(`Created ${relative(REPO_ROOT, file)}`);
    return file;
  });
  if (created && !options.createOnly) await applyMigrations({ ...options, log });
  else if (created) log('Not applied (--create-only): edit it, then run `npm run db:migrate`.');
  return created;
}

export interface CheckResult {
  inSync: boolean;
  /** The SQL that a migration would need to contain (empty when in sync). */
  diff: string;
}

/**
 * Diff from the migrations folder (replayed on a shadow database) to prisma/schema.prisma.
 * Only needs a server to create the shadow database on; it never touches the URL's database.
 */
export async function checkMigrations(options: MigrateOptions = {}): Promise<CheckResult> {
  const { url, schemaPath, migrationsDir } = resolveOptions(options);
  const serverUrl = urlWithDatabase(url, 'postgres');
  return withEngine(serverUrl, schemaPath, async ({ engine }) => {
    const result = await engine.diff({
      from: { tag: 'migrations', ...loadMigrations(migrationsDir) },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }] },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    });
    const inSync = result.exitCode === 0;
    return { inSync, diff: inSync ? '' : (result.stdout ?? '').trim() };
  });
}

/** `prisma generate` with the schema-engine download disabled (generate never runs the engine). */
export function generateClient(schemaPath = DEFAULT_SCHEMA_PATH): void {
  const env = { ...process.env };
  env['PRISMA_SCHEMA_ENGINE_BINARY'] ||= process.execPath;
  env['PRISMA_HIDE_UPDATE_MESSAGE'] ||= '1';
  const bin = join(REPO_ROOT, 'node_modules/.bin/prisma');
  const r = spawnSync(bin, ['generate', '--schema', schemaPath], { stdio: 'inherit', env, cwd: REPO_ROOT });
  if (r.status !== 0) throw new Error(`prisma generate failed (exit ${r.status ?? r.signal})`);
}
