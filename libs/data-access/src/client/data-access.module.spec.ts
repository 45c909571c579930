import { Test } from '@nestjs/testing';
import { createTestDatabase, type TestDatabase } from '../testing';
import { DataAccessModule, PRISMA } from './data-access.module';
import type { Db } from './prisma-client';

describe('DataAccessModule', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.drop());

  it('provides a client on the configured database under PRISMA and disconnects on shutdown', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [DataAccessModule.forRoot({ url: t.url, max: 2 })] }).compile();
    const app = await moduleRef.init();
    const db = app.get<Db>(PRISMA);
    expect(db).not.toBe(t.db);
    await expect(db.merchant.count()).resolves.toBe(0);
    const disconnect = jest.spyOn(db, '$disconnect');
    await app.close();
    expect(disconnect).toHaveBeenCalled();
  });

  it('uses a given client without disconnecting it', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [DataAccessModule.forRoot({ client: t.db })] }).compile();
    const app = await moduleRef.init();
    expect(app.get(PRISMA)).toBe(t.db);
    await app.close();
    await expect(t.db.user.count()).resolves.toBe(0);
  });
});
