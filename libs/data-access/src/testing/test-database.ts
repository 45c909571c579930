import { randomBytes } from 'node:crypto';
import { createPrismaClient, type Db } from '../client/prisma-client';
import { quoteIdent, urlWithDatabase } from '../migrate/pg-config';
import { ensureTemplateDatabase, newTestDatabaseName, testServerUrl, withServerClient } from './template';

export interface TestDatabase {
  /** Connection URL of the new database. */
  url: string;
  name: string;
  /** A client on it (pool of 5). */
  db: Db;
  /** Disconnects `db` and drops the database. */
  drop(): Promise<void>;
}

let template: Promise<string> | undefined;

function templateDb(): Promise<string> {
  const fromSetup = process.env['MOP_TEST_TEMPLATE_DB'];
  template ??= fromSetup ? Promise.resolve(fromSetup) : ensureTemplateDatabase();
  return template;
}

/**
 * A fresh, migrated, empty database cloned from the template (`CREATE DATABASE … TEMPLATE …`),
 * for one test file to own: create it in `beforeAll`, `drop()` it in `afterAll`.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const tpl = await templateDb();
  const name = newTestDatabaseName(randomBytes(5).toString('hex'));
  await withServerClient(async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(tpl)}`);
        return;
      } catch (err) {
        // 55006: the template is momentarily in use (another run creating from it at the same instant).
        if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  });
  const url = urlWithDatabase(testServerUrl(), name);
  const db = createPrismaClient(url, { max: 5 });
  let dropped = false;
  return {
    url,
    name,
    db,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await db.$disconnect().catch(() => undefined);
      await withServerClient((c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    },
  };
}
