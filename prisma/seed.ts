/**
 * `npm run db:seed`: the demo data (libs/data-access/src/seed/demo-seed.ts) into DATABASE_URL.
 * Idempotent. Every account's password is Demo#2026pass.
 */
import { createPrismaClient } from '../libs/data-access/src/client/prisma-client';
import { databaseUrl, redactUrl } from '../libs/data-access/src/migrate/pg-config';
import { DEMO_PASSWORD, seedDemo } from '../libs/data-access/src/seed/demo-seed';

async function main(): Promise<void> {
  const url = databaseUrl();
  const db = createPrismaClient(url, { max: 2 });
  try {
    await seedDemo(db);
    const [users, merchants, memberships] = await Promise.all([db.user.count(), db.merchant.count(), db.membership.count()]);
    console.log(
      `Seeded ${redactUrl(url)}: ${users} users, ${merchants} merchants, ${memberships} memberships. Password: ${DEMO_PASSWORD}`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
