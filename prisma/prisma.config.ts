/**
 * Prisma CLI config for machines that can run the native schema engine (with internet):
 *   npx prisma migrate deploy --config prisma/prisma.config.ts
 * This repo's own tooling (npm run db:*) does not need it. See prisma/README.md.
 */
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: './schema.prisma',
  migrations: { path: './migrations', seed: 'node -r @swc-node/register prisma/seed.ts' },
  datasource: { url: process.env['DATABASE_URL'] || 'postgresql://postgres@127.0.0.1:5432/mop' },
});
