/**
 * Migration tooling on Prisma's WebAssembly schema engine (no native engine download needed).
 *
 *   node -r @swc-node/register libs/data-access/src/migrate/cli.ts <command> [options]
 *
 *   deploy [--no-generate]          create the database if missing, apply pending migrations, generate
 *   dev --name <name> [--create-only]  create a migration from schema changes (and apply it)
 *   check                           exit 1 and print the SQL when schema and migrations disagree
 *   generate                        prisma generate
 *
 * Common options: --url <postgres url> (default DATABASE_URL), --schema <path>, --migrations <dir>.
 */
import { dropAllShadowDatabases } from './adapter';
import { lastEnginePanic } from './engine';
import { applyMigrations, checkMigrations, createMigration, generateClient, type MigrateOptions } from './commands';

function parseArgs(argv: string[]) {
  const flags: Record<string, string | boolean> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) flags[k] = v;
      else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') && !['create-only', 'no-generate'].includes(k)) {
        flags[k] = argv[++i];
      } else flags[k] = true;
    } else positional.push(a);
  }
  return { command: positional[0], flags };
}

async function main(): Promise<number> {
  const { command, flags } = parseArgs(process.argv.slice(2));
  const str = (k: string) => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined);
  const common: MigrateOptions = { url: str('url'), schemaPath: str('schema'), migrationsDir: str('migrations') };
  switch (command) {
    case 'deploy':
      await applyMigrations(common);
      if (!flags['no-generate']) generateClient(common.schemaPath);
      return 0;
    case 'dev': {
      const name = str('name');
      if (!name) {
        console.error('Usage: npm run db:migrate:create -- --name <name> [--create-only]');
        return 2;
      }
      await createMigration({ ...common, name, createOnly: Boolean(flags['create-only']) });
      if (!flags['create-only'] && !flags['no-generate']) generateClient(common.schemaPath);
      return 0;
    }
    case 'check': {
      const { inSync, diff } = await checkMigrations(common);
      if (inSync) {
        console.log('prisma/schema.prisma and prisma/migrations are in sync.');
        return 0;
      }
      console.error('prisma/schema.prisma has changes that no migration contains. The missing SQL:\n');
      console.error(diff);
      console.error('\nCreate a migration: npm run db:migrate:create -- --name <name>');
      return 1;
    }
    case 'generate':
      generateClient(common.schemaPath);
      return 0;
    default:
      console.error('Usage: cli.ts <deploy|dev|check|generate> [--url …] [--schema …] [--migrations …]');
      return 2;
  }
}

// A Rust panic inside the wasm engine surfaces as an uncaught RuntimeError ("unreachable").
process.on('uncaughtException', (err) => {
  const panic = lastEnginePanic();
  console.error(panic ? `Schema engine panicked: ${panic}` : err);
  void dropAllShadowDatabases().finally(() => process.exit(1));
});

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
