/**
 * Jest globalSetup (jest.preset.js): generates the Prisma client if it is stale and builds the
 * migrated template database once per migrations content; `createTestDatabase()` clones it.
 */
import {
  dropStaleTestDatabases,
  ensureGeneratedClient,
  ensureTemplateDatabase,
} from './template';

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  ensureGeneratedClient();
  const template = await ensureTemplateDatabase();
  process.env['MOP_TEST_TEMPLATE_DB'] = template;
  await dropStaleTestDatabases().catch(() => undefined);
  if (process.env['MOP_TEST_VERBOSE']) {
    console.log(`\n[data-access] template ${template} ready in ${Date.now() - started} ms`);
  }
}
