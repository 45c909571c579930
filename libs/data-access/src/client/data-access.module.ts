import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { Pool } from 'pg';
import { databaseUrl, pgConfigFromUrl } from '../migrate/pg-config';
import { createPrismaClient, type Db } from './prisma-client';

/** Injection token of the application's `Db`: `constructor(@Inject(PRISMA) private readonly db: Db)`. */
export const PRISMA = Symbol.for('mop.PRISMA');

/**
 * Injection token of a plain `pg` pool on the same database, for the few hot paths where one round trip
 * matters (claims, redemptions): `@Inject(PG_POOL) private readonly pg: Pool`. Everything else uses Prisma.
 */
export const PG_POOL = Symbol.for('mop.PG_POOL');

const OWNS_CLIENT = Symbol.for('mop.PRISMA_OWNED');

export interface DataAccessModuleOptions {
  /** Database URL (default DATABASE_URL or the development default). */
  url?: string;
  /** Pool size. */
  max?: number;
  /** Use this client instead of creating one (tests: `createTestDatabase().db`); it is not disconnected. */
  client?: Db;
}

/**
 * An idle connection the server ends (a restart, a dropped test database) is an 'error' event on the
 * pool: without a listener it would crash the process. The pool replaces the connection on next use.
 */
function createPgPool(url: string, max: number): Pool {
  const pool = new Pool({ ...pgConfigFromUrl(url), max });
  pool.on('error', (err) => new Logger('PgPool').warn(`an idle database connection ended: ${err.message}`));
  return pool;
}

/** Connections per pool: DATABASE_POOL_SIZE, else 10. */
function poolSize(options: DataAccessModuleOptions): number {
  const fromEnv = Number(process.env['DATABASE_POOL_SIZE']);
  return options.max ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 10);
}

function providers(options: DataAccessModuleOptions): Provider[] {
  return [
    {
      provide: PRISMA,
      useFactory: () => options.client ?? createPrismaClient(options.url ?? databaseUrl(), { max: poolSize(options) }),
    },
    { provide: OWNS_CLIENT, useValue: !options.client },
    { provide: PG_POOL, useFactory: () => createPgPool(options.url ?? databaseUrl(), poolSize(options)) },
  ];
}

/**
 * Global module providing the Prisma client under `PRISMA`. Importing the class itself reads
 * DATABASE_URL; `DataAccessModule.forRoot({...})` takes options. Disconnects on shutdown.
 */
@Global()
@Module({ providers: providers({}), exports: [PRISMA, PG_POOL] })
export class DataAccessModule implements OnApplicationShutdown {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(OWNS_CLIENT) private readonly ownsClient: boolean,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  static forRoot(options: DataAccessModuleOptions = {}): DynamicModule {
    return { module: DataAccessModule, global: true, providers: providers(options), exports: [PRISMA, PG_POOL] };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.ownsClient) await this.db.$disconnect();
    await this.pool.end();
  }
}
