import { PrismaPg } from '@prisma/adapter-pg';
import type { ITXClientDenyList } from '@prisma/client/runtime/client';
import { PrismaClient } from '../generated/prisma/client';
import { databaseUrl, pgConfigFromUrl } from '../migrate/pg-config';
import { createCaslExtension } from './casl';

export interface CreatePrismaClientOptions {
  /** Pool size (default 10). */
  max?: number;
}

/**
 * A Prisma client on `@prisma/adapter-pg`, extended for CASL (`accessibleBy` with empty rule sets).
 * `databaseUrl` defaults to DATABASE_URL or postgresql://postgres@127.0.0.1:5432/mop.
 */
export function createPrismaClient(url: string = databaseUrl(), opts: CreatePrismaClientOptions = {}) {
  const adapter = new PrismaPg({ ...pgConfigFromUrl(url), max: opts.max ?? 10 });
  return new PrismaClient({ adapter }).$extends(createCaslExtension());
}

/** The application's database client. */
export type Db = ReturnType<typeof createPrismaClient>;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<Db, ITXClientDenyList>;
/** Either: for functions that work inside or outside a transaction. */
export type DbOrTx = Db | Tx;
