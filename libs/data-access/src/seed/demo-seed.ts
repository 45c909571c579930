/**
 * The demo data set (prisma/seed.ts, tests, the console's demo accounts). Idempotent: rows have
 * fixed ids or are looked up by their unique keys, and existing rows are left as they are.
 */
import { hash, type Algorithm } from '@node-rs/argon2';
import type { Role, WorkspaceKind } from '../generated/prisma/client';
import type { Db, Tx } from '../client/prisma-client';

/** The one password of every demo account. */
export const DEMO_PASSWORD = 'Demo#2026pass';

/** `Algorithm` is a `const enum` that SWC cannot inline (the runtime object is empty): Argon2id = 2. */
const ARGON2ID = 2 as Algorithm;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

/** Fixed, readable ids of the demo rows. */
export const DEMO_IDS = {
  merchants: {
    harbor: '20000000-0000-4000-8000-000000000001',
    lumen: '20000000-0000-4000-8000-000000000002',
    /** Applied, waiting in the review queue. */
    maple: '20000000-0000-4000-8000-000000000003',
  },
  stores: {
    harborHq: '30000000-0000-4000-8000-000000000001',
    harborPier: '30000000-0000-4000-8000-000000000002',
    lumenCentral: '30000000-0000-4000-8000-000000000003',
    lumenEast: '30000000-0000-4000-8000-000000000004',
    mapleMain: '30000000-0000-4000-8000-000000000005',
  },
  applications: {
    mapleOnboarding: '70000000-0000-4000-8000-000000000001',
  },
  providers: {
    nimbus: '40000000-0000-4000-8000-000000000001',
  },
  authorizations: {
    nimbusHarbor: '60000000-0000-4000-8000-000000000001',
  },
  users: {
    admin: '10000000-0000-4000-8000-000000000001',
    reviewer: '10000000-0000-4000-8000-000000000002',
    harborOwner: '10000000-0000-4000-8000-000000000011',
    harborManager: '10000000-0000-4000-8000-000000000012',
    harborMarketer: '10000000-0000-4000-8000-000000000013',
    harborClerk: '10000000-0000-4000-8000-000000000014',
    lumenOwner: '10000000-0000-4000-8000-000000000021',
    lumenManager: '10000000-0000-4000-8000-000000000022',
    lumenMarketer: '10000000-0000-4000-8000-000000000023',
    lumenClerk: '10000000-0000-4000-8000-000000000024',
    nimbusAdmin: '10000000-0000-4000-8000-000000000031',
    nimbusOperator: '10000000-0000-4000-8000-000000000032',
    consultant: '10000000-0000-4000-8000-000000000041',
    mapleApplicant: '10000000-0000-4000-8000-000000000051',
  },
} as const;

export const DEMO_PRODUCTS = [
  {
    code: 'MERCHANT_COUPONS',
    name: 'Merchant coupons',
    description: 'Create coupon stocks, let customers claim them and redeem them at the counter or by API.',
    requirements: 'An active merchant with at least one store; a budget you are ready to put behind the coupons.',
    requiresReview: true,
  },
  {
    code: 'CUSTOMER_MESSAGES',
    name: 'Customer messages',
    description: 'Order, payment and subscription messages to your customers, now or on a schedule.',
    requirements: 'Approved message templates; customers who opted in to subscription messages.',
    requiresReview: true,
  },
  {
    code: 'PUBLIC_COUPON_CHANNEL',
    name: 'Public coupon channel',
    description: "Publish coupons to the platform's public promotion channel (each stock is reviewed).",
    requirements: 'Merchant coupons enabled; each stock submitted to the channel is reviewed before it is listed.',
    requiresReview: true,
  },
  {
    code: 'MINI_PROGRAMS',
    name: 'Mini-programs',
    description: 'Register mini-programs and release reviewed versions.',
    requirements: 'An app id for each mini-program; every version is reviewed before release.',
    requiresReview: true,
  },
  {
    code: 'API_ACCESS',
    name: 'API access',
    description: 'Server-to-server API keys for claims, redemptions and order events.',
    requirements: 'A server that keeps API secrets out of browsers and apps.',
    requiresReview: false,
  },
] as const;

type MerchantRole = Extract<Role, 'OWNER' | 'MANAGER' | 'MARKETER' | 'CLERK'>;

interface DemoUser {
  id: string;
  email: string;
  displayName: string;
  memberships: Array<
    | { kind: 'PLATFORM'; role: Extract<Role, 'PLATFORM_ADMIN' | 'PLATFORM_REVIEWER'> }
    | { kind: 'MERCHANT'; merchantId: string; role: MerchantRole; storeIds?: string[] }
    | { kind: 'PROVIDER'; providerId: string; role: Extract<Role, 'PROVIDER_ADMIN' | 'PROVIDER_OPERATOR'> }
  >;
}

const M = DEMO_IDS.merchants;
const S = DEMO_IDS.stores;
const U = DEMO_IDS.users;
const P = DEMO_IDS.providers;

const USERS: DemoUser[] = [
  { id: U.admin, email: 'admin@mop.local', displayName: 'Avery Admin', memberships: [{ kind: 'PLATFORM', role: 'PLATFORM_ADMIN' }] },
  { id: U.reviewer, email: 'reviewer@mop.local', displayName: 'Riley Reviewer', memberships: [{ kind: 'PLATFORM', role: 'PLATFORM_REVIEWER' }] },
  { id: U.harborOwner, email: 'owner@harbor.example', displayName: 'Hana Owner', memberships: [{ kind: 'MERCHANT', merchantId: M.harbor, role: 'OWNER' }] },
  { id: U.harborManager, email: 'manager@harbor.example', displayName: 'Mason Manager', memberships: [{ kind: 'MERCHANT', merchantId: M.harbor, role: 'MANAGER' }] },
  { id: U.harborMarketer, email: 'marketer@harbor.example', displayName: 'Maya Marketer', memberships: [{ kind: 'MERCHANT', merchantId: M.harbor, role: 'MARKETER' }] },
  { id: U.harborClerk, email: 'clerk@harbor.example', displayName: 'Chen Clerk', memberships: [{ kind: 'MERCHANT', merchantId: M.harbor, role: 'CLERK', storeIds: [S.harborHq] }] },
  { id: U.lumenOwner, email: 'owner@lumen.example', displayName: 'Lena Owner', memberships: [{ kind: 'MERCHANT', merchantId: M.lumen, role: 'OWNER' }] },
  { id: U.lumenManager, email: 'manager@lumen.example', displayName: 'Leo Manager', memberships: [{ kind: 'MERCHANT', merchantId: M.lumen, role: 'MANAGER' }] },
  { id: U.lumenMarketer, email: 'marketer@lumen.example', displayName: 'Lily Marketer', memberships: [{ kind: 'MERCHANT', merchantId: M.lumen, role: 'MARKETER' }] },
  { id: U.lumenClerk, email: 'clerk@lumen.example', displayName: 'Liam Clerk', memberships: [{ kind: 'MERCHANT', merchantId: M.lumen, role: 'CLERK', storeIds: [S.lumenCentral] }] },
  { id: U.nimbusAdmin, email: 'admin@nimbus.example', displayName: 'Nora Admin', memberships: [{ kind: 'PROVIDER', providerId: P.nimbus, role: 'PROVIDER_ADMIN' }] },
  { id: U.nimbusOperator, email: 'operator@nimbus.example', displayName: 'Owen Operator', memberships: [{ kind: 'PROVIDER', providerId: P.nimbus, role: 'PROVIDER_OPERATOR' }] },
  // Signed up and applied as a merchant; no workspace until a reviewer approves.
  { id: U.mapleApplicant, email: 'applicant@maple.example', displayName: 'Mei Applicant', memberships: [] },
  {
    id: U.consultant,
    email: 'consultant@mop.local',
    displayName: 'Casey Consultant',
    memberships: [
      { kind: 'MERCHANT', merchantId: M.lumen, role: 'MANAGER' },
      { kind: 'PROVIDER', providerId: P.nimbus, role: 'PROVIDER_OPERATOR' },
    ],
  },
];

/** 'platform' | 'merchant:<id>' | 'provider:<id>' — what memberships.workspaceKey must hold. */
export function workspaceKey(kind: WorkspaceKind, merchantId?: string | null, providerId?: string | null): string {
  if (kind === 'PLATFORM') return 'platform';
  if (kind === 'MERCHANT') return `merchant:${merchantId}`;
  return `provider:${providerId}`;
}

export interface SeedDemoOptions {
  /** Hash to use for every account (tests pass a precomputed one to skip Argon2). */
  passwordHash?: string;
}

export interface SeedDemoResult {
  ids: typeof DEMO_IDS;
  password: string;
}

/** Seeds (or completes) the demo data. Running it twice changes nothing. */
export async function seedDemo(db: Db, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const existing = await db.user.findMany({ where: { id: { in: USERS.map((u) => u.id) } }, select: { id: true } });
  const needHash = existing.length < USERS.length;
  const passwordHash = options.passwordHash ?? (needHash ? await hashPassword(DEMO_PASSWORD) : '');

  await db.$transaction(async (tx) => {
    await seedTenants(tx);
    for (const u of USERS) await seedUser(tx, u, passwordHash);
    await seedCatalog(tx);
    await seedPendingApplication(tx);
    await tx.authorization.upsert({
      where: { id: DEMO_IDS.authorizations.nimbusHarbor },
      update: {},
      create: {
        id: DEMO_IDS.authorizations.nimbusHarbor,
        merchantId: M.harbor,
        providerId: P.nimbus,
        scopes: ['COUPONS_MANAGE', 'MESSAGES_SEND', 'REPORTS_VIEW'],
        status: 'ACTIVE',
        note: 'Nimbus runs our coupon campaigns and customer messages.',
        expiresAt: new Date(Date.now() + 365 * 24 * 3600 * 1000),
        requestedById: U.nimbusAdmin,
        decidedById: U.harborOwner,
        decidedAt: new Date(),
      },
    });
  }, { timeout: 30_000 });
  return { ids: DEMO_IDS, password: DEMO_PASSWORD };
}

/** A merchant application waiting in the review queue, so the demo reviewer has something to decide. */
async function seedPendingApplication(tx: Tx): Promise<void> {
  if (await tx.application.findUnique({ where: { id: DEMO_IDS.applications.mapleOnboarding } })) return;
  const firstStore = { code: 'MAIN', name: 'Maple Bakery · Xintiandi', address: '123 Taicang Rd, Huangpu, Shanghai', openingHours: [
    { weekday: 1, opens: '08:00', closes: '20:00' },
    { weekday: 6, opens: '09:00', closes: '22:00' },
  ] };
  const merchant = {
    legalName: 'Maple Bakery (Shanghai) Co., Ltd.',
    displayName: 'Maple Bakery',
    licenceNumber: '91310000MAPLE0003',
    category: 'Food & beverage',
    contactName: 'Mei Applicant',
    contactEmail: 'applicant@maple.example',
    contactPhone: '+86 21 5555 0303',
    country: 'CN',
    currency: 'CNY',
    timeZone: 'Asia/Shanghai',
  };
  await tx.merchant.create({ data: { id: M.maple, ...merchant, status: 'PENDING_REVIEW' } });
  await tx.store.create({ data: { id: S.mapleMain, merchantId: M.maple, ...firstStore } });
  await tx.application.create({
    data: {
      id: DEMO_IDS.applications.mapleOnboarding,
      kind: 'MERCHANT_ONBOARDING',
      subjectType: 'Merchant',
      subjectId: M.maple,
      merchantId: M.maple,
      applicantUserId: U.mapleApplicant,
      payload: { ...merchant, firstStore },
      submittedAt: new Date(Date.now() - 30 * 3_600_000),
      events: { create: { kind: 'SUBMITTED', actorUserId: U.mapleApplicant, actorLabel: 'applicant@maple.example', at: new Date(Date.now() - 30 * 3_600_000) } },
    },
  });
}

async function seedTenants(tx: Tx): Promise<void> {
  const merchants = [
    {
      id: M.harbor,
      legalName: 'Harbor Coffee Roasters Ltd.',
      displayName: 'Harbor Coffee',
      licenceNumber: '91310000HARBOR001',
      category: 'Food & beverage',
      contactName: 'Hana Owner',
      contactEmail: 'owner@harbor.example',
      contactPhone: '+86 21 5555 0101',
      stores: [
        { id: S.harborHq, code: 'HQ', name: 'Harbor Coffee · Bund', address: '1 Zhongshan East 1st Rd, Huangpu, Shanghai' },
        { id: S.harborPier, code: 'PIER', name: 'Harbor Coffee · Pier 7', address: 'Pier 7, North Bund, Hongkou, Shanghai' },
      ],
    },
    {
      id: M.lumen,
      legalName: 'Lumen Books Co., Ltd.',
      displayName: 'Lumen Books',
      licenceNumber: '91310000LUMEN0002',
      category: 'Retail',
      contactName: 'Lena Owner',
      contactEmail: 'owner@lumen.example',
      contactPhone: '+86 21 5555 0202',
      stores: [
        { id: S.lumenCentral, code: 'CENTRAL', name: 'Lumen Books · Central', address: '200 Nanjing West Rd, Jing’an, Shanghai' },
        { id: S.lumenEast, code: 'EAST', name: 'Lumen Books · East', address: '88 Century Ave, Pudong, Shanghai' },
      ],
    },
  ];
  for (const { stores, ...m } of merchants) {
    await tx.merchant.upsert({
      where: { licenceNumber: m.licenceNumber },
      update: {},
      create: { ...m, country: 'CN', currency: 'CNY', timeZone: 'Asia/Shanghai', status: 'ACTIVE' },
    });
    for (const s of stores) {
      await tx.store.upsert({
        where: { merchantId_code: { merchantId: m.id, code: s.code } },
        update: {},
        create: { ...s, merchantId: m.id },
      });
    }
  }
  await tx.serviceProvider.upsert({
    where: { licenceNumber: '91310000NIMBUS003' },
    update: {},
    create: {
      id: P.nimbus,
      name: 'Nimbus Digital',
      legalName: 'Nimbus Digital Technology Ltd.',
      licenceNumber: '91310000NIMBUS003',
      contactName: 'Nora Admin',
      contactEmail: 'admin@nimbus.example',
      website: 'https://nimbus.example',
      description: 'Marketing operations for restaurants and retail.',
      status: 'ACTIVE',
    },
  });
}

async function seedUser(tx: Tx, u: DemoUser, passwordHash: string): Promise<void> {
  const user = await tx.user.upsert({
    where: { email: u.email },
    update: {},
    create: { id: u.id, email: u.email, displayName: u.displayName, passwordHash },
  });
  for (const m of u.memberships) {
    const merchantId = m.kind === 'MERCHANT' ? m.merchantId : null;
    const providerId = m.kind === 'PROVIDER' ? m.providerId : null;
    const key = workspaceKey(m.kind, merchantId, providerId);
    const membership = await tx.membership.upsert({
      where: { userId_workspaceKey: { userId: user.id, workspaceKey: key } },
      update: {},
      create: { userId: user.id, kind: m.kind, merchantId, providerId, workspaceKey: key, role: m.role },
    });
    if (m.kind === 'MERCHANT') {
      for (const storeId of m.storeIds ?? []) {
        await tx.clerkStore.upsert({
          where: { membershipId_storeId: { membershipId: membership.id, storeId } },
          update: {},
          create: { membershipId: membership.id, storeId },
        });
      }
    }
  }
}

async function seedCatalog(tx: Tx): Promise<void> {
  const ids: Record<string, string> = {};
  for (const [i, p] of DEMO_PRODUCTS.entries()) {
    const wanted = { ...p, sortOrder: i + 1 };
    const existing = await tx.product.findUnique({ where: { code: p.code } });
    // Catalog copy follows the seed, but an unchanged row is left alone (a re-seed changes nothing).
    const unchanged = existing && (Object.keys(wanted) as (keyof typeof wanted)[]).every((k) => existing[k] === wanted[k]);
    const row = unchanged ? existing : await tx.product.upsert({ where: { code: p.code }, update: wanted, create: wanted });
    ids[p.code] = row.id;
  }
  for (const code of ['MERCHANT_COUPONS', 'CUSTOMER_MESSAGES']) {
    await tx.productEnrollment.upsert({
      where: { merchantId_productId: { merchantId: M.harbor, productId: ids[code] } },
      update: {},
      create: { merchantId: M.harbor, productId: ids[code], status: 'ACTIVE', activatedAt: new Date() },
    });
  }
}
