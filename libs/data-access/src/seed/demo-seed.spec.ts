import { verify } from '@node-rs/argon2';
import { createTestDatabase, type TestDatabase } from '../testing';
import { DEMO_IDS, DEMO_PASSWORD, seedDemo } from './demo-seed';

async function snapshot(t: TestDatabase) {
  const tables = await t.db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name::text FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`;
  const out: Record<string, unknown> = {};
  for (const { table_name } of tables) {
    // Whole rows: "changes nothing" means no insert, no update (updatedAt, version) and no delete.
    out[table_name] = await t.db.$queryRawUnsafe(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h, count(*)::int AS n FROM "${table_name}" t`,
    );
  }
  return out;
}

describe('seedDemo', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.drop());

  it('seeds the demo workspaces and is idempotent', async () => {
    await seedDemo(t.db);
    const first = await snapshot(t);
    await seedDemo(t.db);
    expect(await snapshot(t)).toEqual(first);

    expect(await t.db.user.count()).toBe(14);
    expect(await t.db.merchant.count()).toBe(3);
    expect(await t.db.store.count()).toBe(5);
    expect(await t.db.application.count({ where: { status: 'SUBMITTED' } })).toBe(1);
    expect(await t.db.product.count()).toBe(5);

    const owner = await t.db.user.findUniqueOrThrow({ where: { email: 'owner@harbor.example' } });
    expect(owner.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(owner.passwordHash, DEMO_PASSWORD)).toBe(true);

    const consultant = await t.db.user.findUniqueOrThrow({
      where: { email: 'consultant@mop.local' },
      include: { memberships: { orderBy: { workspaceKey: 'asc' } } },
    });
    expect(consultant.memberships.map((m) => [m.workspaceKey, m.role])).toEqual([
      [`merchant:${DEMO_IDS.merchants.lumen}`, 'MANAGER'],
      [`provider:${DEMO_IDS.providers.nimbus}`, 'PROVIDER_OPERATOR'],
    ]);

    const clerk = await t.db.membership.findFirstOrThrow({
      where: { user: { email: 'clerk@harbor.example' } },
      include: { stores: { include: { store: true } } },
    });
    expect(clerk.stores.map((s) => s.store.code)).toEqual(['HQ']);

    const auth = await t.db.authorization.findUniqueOrThrow({ where: { id: DEMO_IDS.authorizations.nimbusHarbor } });
    expect(auth).toMatchObject({ status: 'ACTIVE', decidedById: DEMO_IDS.users.harborOwner });
    expect(auth.scopes.sort()).toEqual(['COUPONS_MANAGE', 'MESSAGES_SEND', 'REPORTS_VIEW']);

    const enrolled = await t.db.productEnrollment.findMany({
      where: { merchantId: DEMO_IDS.merchants.harbor, status: 'ACTIVE' },
      include: { product: true },
    });
    expect(enrolled.map((e) => e.product.code).sort()).toEqual(['CUSTOMER_MESSAGES', 'MERCHANT_COUPONS']);
  });
});
