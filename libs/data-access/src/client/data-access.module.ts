import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { databaseUrl } from '../migrate/pg-config';
import { createPrismaClient, type Db } from './prisma-client';

/** Injection token of the application's `Db`: `constructor(@Inject(PRISMA) private readonly db: Db)`. */
export const PRISMA = Symbol.for('mop.PRISMA');

const OWNS_CLIENT = Symbol.for('mop.PRISMA_OWNED');

export interface DataAccessModuleOptions {
  /** Database URL (default DATABASE_URL or the development default). */
  url?: string;
  /** Pool size. */
  max?: number;
  /** Use this client instead of creating one (tests: `createTestDatabase().db`); it is not disconnected. */
  client?: Db;
}

function providers(options: DataAccessModuleOptions): Provider[] {
  return [
    {
      provide: PRISMA,
      useFactory: () => options.client ?? createPrismaClient(options.url ?? databaseUrl(), { max: options.max }),
    },
    { provide: OWNS_CLIENT, useValue: !options.client },
  ];
}

/**
 * Global module providing the Prisma client under `PRISMA`. Importing the class itself reads
 * DATABASE_URL; `DataAccessModule.forRoot({...})` takes options. Disconnects on shutdown.
 */
@Global()
@Module({ providers: providers({}), exports: [PRISMA] })
export class DataAccessModule implements OnApplicationShutdown {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(OWNS_CLIENT) private readonly ownsClient: boolean,
  ) {}

  static forRoot(options: DataAccessModuleOptions = {}): DynamicModule {
    return { module: DataAccessModule, global: true, providers: providers(options), exports: [PRISMA] };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.ownsClient) await this.db.$disconnect();
  }
}
