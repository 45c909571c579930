import { randomBytes, randomUUID } from 'node:crypto';
import { DEMO_IDS, makeMerchant, makeProvider } from '@mop/data-access/testing';
import type { Db } from '@mop/data-access';
import {
  ACTORS,
  type Actor,
  type CaseContext,
  classify,
  emailOf,
  everywhere,
  isProviderSide,
  type Operation,
  PLATFORM,
  randomIp,
  readOperations,
  SIGNED_IN,
} from './matrix-kit';
import type { TenantRecords } from '../../testing/tenant-fixtures';

/** Records this area's operations aim at, made once per tenant side and cached. */
interface AreaTargets {
  merchantApplicationId: string;
  providerApplicationId: string;
  couponStockId: string;
  productId: string;
}
const cache = new WeakMap<TenantRecords, Promise<AreaTargets>>();

function targets(c: CaseContext): Promise<AreaTargets> {
  let found = cache.get(c.t);
  if (!found) {
    found = makeTargets(c.api.db, c.t);
    cache.set(c.t, found);
  }
  return found;
}

async function makeTargets(db: Db, t: TenantRecords): Promise<AreaTargets> {
  const coupons = await db.product.findUniqueOrThrow({ where: { code: 'MERCHANT_COUPONS' } });
  // Both sides' merchants have merchant coupons, so the product gate is not what decides the cells.
  await db.productEnrollment.upsert({
    where: { merchantId_productId: { merchantId: t.merchantId, productId: coupons.id } },
    update: { status: 'ACTIVE' },
    create: { merchantId: t.merchantId, productId: coupons.id, status: 'ACTIVE' },
  });
  const merchantApplication = await db.application.create({
    data: { kind: 'PRODUCT_ENROLLMENT', subjectType: 'ProductEnrollment', subjectId: randomUUID(), merchantId: t.merchantId, payload: { productName: 'Merchant coupons' } },
  });
  const providerApplication = await db.application.create({
    data: { kind: 'PROVIDER_ONBOARDING', subjectType: 'ServiceProvider', subjectId: t.providerId, providerId: t.providerId, payload: { name: 'fixture' } },
  });
  const now = Date.now();
  const stock = await db.couponStock.create({
    data: {
      merchantId: t.merchantId,
      name: 'Matrix stock',
      type: 'FIXED_AMOUNT',
      faceValue: 500,
      currency: 'CNY',
      claimStartsAt: new Date(now),
      claimEndsAt: new Date(now + 86_400_000),
      validityKind: 'RELATIVE',
      validDays: 7,
      totalQuantity: 10,
      remaining: 10,
    },
  });
  return { merchantApplicationId: merchantApplication.id, providerApplicationId: providerApplication.id, couponStockId: stock.id, productId: coupons.id };
}

async function actorUserId(c: CaseContext): Promise<string | null> {
  const email = emailOf(c);
  if (!email) return null;
  return (await c.api.db.user.findUniqueOrThrow({ where: { email } })).id;
}

/** A decided (or undecided) onboarding application of `applicantUserId` about a fresh tenant. */
async function onboardingApplication(db: Db, kind: 'MERCHANT_ONBOARDING' | 'PROVIDER_ONBOARDING', applicantUserId: string, status: 'SUBMITTED' | 'REJECTED') {
  const tenant = kind === 'MERCHANT_ONBOARDING' ? await makeMerchant(db, { status: status === 'REJECTED' ? 'REJECTED' : 'PENDING_REVIEW' }) : await makeProvider(db, { status: status === 'REJECTED' ? 'REJECTED' : 'PENDING_REVIEW' });
  return db.application.create({
    data: {
      kind,
      subjectType: kind === 'MERCHANT_ONBOARDING' ? 'Merchant' : 'ServiceProvider',
      subjectId: tenant.id,
      merchantId: kind === 'MERCHANT_ONBOARDING' ? tenant.id : null,
      providerId: kind === 'PROVIDER_ONBOARDING' ? tenant.id : null,
      applicantUserId,
      status,
      payload: { fixture: true },
    },
  });
}

/** Someone else's: a user of the other tenant side. */
function strangerId(c: CaseContext) {
  return c.side === 'own' ? DEMO_IDS.users.lumenMarketer : DEMO_IDS.users.lumenManager;
}

function merchantInput() {
  const s = randomBytes(4).toString('hex').toUpperCase();
  return {
    legalName: `Matrix Shop ${s} Ltd.`, displayName: `Matrix Shop ${s}`, licenceNumber: `MATRIX${s}`, category: 'Retail', contactName: 'M', contactEmail: 'm@matrix.example',
    country: 'CN', currency: 'CNY', timeZone: 'Asia/Shanghai', firstStore: { code: 'MAIN', name: 'Main', address: '1 Matrix Road' },
  };
}

function providerInput() {
  const s = randomBytes(4).toString('hex').toUpperCase();
  return { name: `Matrix Agency ${s}`, legalName: `Matrix Agency ${s} Ltd.`, licenceNumber: `MAGENCY${s}`, contactName: 'M', contactEmail: 'm@matrix.example' };
}

/** A fresh SUBMITTED application filed by a user who is none of the actors. */
async function queuedApplication(c: CaseContext) {
  return onboardingApplication(c.api.db, 'MERCHANT_ONBOARDING', strangerId(c), 'SUBMITTED');
}

const MERCHANT_ROLES_BUT_CLERK: Actor[] = ['OWNER', 'MANAGER', 'MARKETER'];

/** Setting a tenant's status around a call, and putting it back: suspension must not leak into later cells. */
async function withTenantStatus<T>(db: Db, tenant: 'merchant' | 'provider', id: string, during: 'ACTIVE' | 'SUSPENDED', work: () => Promise<T>): Promise<T> {
  const delegate = tenant === 'merchant' ? db.merchant : db.serviceProvider;
  await (delegate as Db['merchant']).update({ where: { id }, data: { status: during, statusReason: during === 'SUSPENDED' ? 'matrix' : null } });
  try {
    return await work();
  } finally {
    await (delegate as Db['merchant']).update({ where: { id }, data: { status: 'ACTIVE', statusReason: null } });
  }
}

export const ONBOARDING_REVIEW_OPERATIONS: Operation[] = [
  ...readOperations('Application', 'Applications', async (_t, actor, c) => {
    const t = await targets(c);
    return isProviderSide(actor) ? t.providerApplicationId : t.merchantApplicationId;
  }, { own: [...PLATFORM, 'OWNER', 'PROVIDER_ADMIN'], other: PLATFORM }),
  ...readOperations('CouponStock', 'CouponStocks', async (_t, _a, c) => (await targets(c)).couponStockId, { own: [...PLATFORM, ...MERCHANT_ROLES_BUT_CLERK, 'PROVIDER_ADMIN', 'PROVIDER_OPERATOR'], other: PLATFORM }),
  // The catalog is the platform's: the same rows for every merchant, so both sides read alike.
  ...readOperations('Product', 'Products', async (_t, _a, c) => (await targets(c)).productId, everywhere([...PLATFORM, ...MERCHANT_ROLES_BUT_CLERK])),
  {
    name: 'myApplications',
    expected: everywhere(SIGNED_IN),
    run: async (c) => classify(await c.api.gql('{ myApplications { id } }', {}, { token: c.token }), (d) => Array.isArray(d['myApplications'])),
  },
  {
    name: 'signUp',
    expected: everywhere(ACTORS),
    run: async (c) =>
      classify(
        await c.api.gql('mutation($i: SignUpInput!) { signUp(input: $i) { token } }', { i: { email: `matrix-${randomBytes(5).toString('hex')}@test.example`, password: 'Matrix#2026pass', displayName: 'Matrix' } }, { token: c.token, ip: randomIp() }),
        (d) => Boolean(d['signUp']),
      ),
  },
  {
    name: 'applyAsMerchant',
    expected: everywhere(SIGNED_IN),
    run: async (c) => classify(await c.api.gql('mutation($i: MerchantApplicationInput!) { applyAsMerchant(input: $i) { id } }', { i: merchantInput() }, { token: c.token }), (d) => Boolean(d['applyAsMerchant'])),
  },
  {
    name: 'applyAsProvider',
    expected: everywhere(SIGNED_IN),
    run: async (c) => classify(await c.api.gql('mutation($i: ProviderApplicationInput!) { applyAsProvider(input: $i) { id } }', { i: providerInput() }, { token: c.token }), (d) => Boolean(d['applyAsProvider'])),
  },
  {
    name: 'resubmitMerchantApplication',
    // Only one's own rejected application; another user's is not found.
    expected: { own: SIGNED_IN, other: [] },
    run: async (c) => {
      const applicant = c.side === 'own' ? (await actorUserId(c)) ?? strangerId(c) : strangerId(c);
      const app = await onboardingApplication(c.api.db, 'MERCHANT_ONBOARDING', applicant, 'REJECTED');
      return classify(await c.api.gql('mutation($id: ID!, $i: MerchantApplicationInput!) { resubmitMerchantApplication(applicationId: $id, input: $i) { id } }', { id: app.id, i: merchantInput() }, { token: c.token }), (d) => Boolean(d['resubmitMerchantApplication']));
    },
  },
  {
    name: 'resubmitProviderApplication',
    expected: { own: SIGNED_IN, other: [] },
    run: async (c) => {
      const applicant = c.side === 'own' ? (await actorUserId(c)) ?? strangerId(c) : strangerId(c);
      const app = await onboardingApplication(c.api.db, 'PROVIDER_ONBOARDING', applicant, 'REJECTED');
      return classify(await c.api.gql('mutation($id: ID!, $i: ProviderApplicationInput!) { resubmitProviderApplication(applicationId: $id, input: $i) { id } }', { id: app.id, i: providerInput() }, { token: c.token }), (d) => Boolean(d['resubmitProviderApplication']));
    },
  },
  {
    name: 'withdrawApplication',
    expected: { own: SIGNED_IN, other: [] },
    run: async (c) => {
      const applicant = c.side === 'own' ? (await actorUserId(c)) ?? strangerId(c) : strangerId(c);
      const app = await onboardingApplication(c.api.db, 'MERCHANT_ONBOARDING', applicant, 'SUBMITTED');
      return classify(await c.api.gql('mutation($id: ID!) { withdrawApplication(id: $id) { id } }', { id: app.id }, { token: c.token }), (d) => Boolean(d['withdrawApplication']));
    },
  },
  {
    name: 'approveApplication',
    expected: everywhere(PLATFORM),
    run: async (c) => {
      const app = await queuedApplication(c);
      return classify(await c.api.gql('mutation($id: ID!) { approveApplication(id: $id) { id } }', { id: app.id }, { token: c.token }), (d) => Boolean(d['approveApplication']));
    },
  },
  {
    name: 'rejectApplication',
    expected: everywhere(PLATFORM),
    run: async (c) => {
      const app = await queuedApplication(c);
      return classify(await c.api.gql('mutation($id: ID!) { rejectApplication(id: $id, reason: "matrix") { id } }', { id: app.id }, { token: c.token }), (d) => Boolean(d['rejectApplication']));
    },
  },
  {
    name: 'bulkApproveApplications',
    expected: everywhere(PLATFORM),
    run: async (c) => {
      const app = await queuedApplication(c);
      return classify(await c.api.gql('mutation($ids: [ID!]!) { bulkApproveApplications(ids: $ids) { approved } }', { ids: [app.id] }, { token: c.token }), (d) =>
        (d['bulkApproveApplications'] as { approved: string[] }).approved.includes(app.id),
      );
    },
  },
  {
    name: 'suspendMerchant',
    expected: everywhere(['PLATFORM_ADMIN']),
    run: (c) =>
      withTenantStatus(c.api.db, 'merchant', c.t.merchantId, 'ACTIVE', async () =>
        classify(await c.api.gql('mutation($id: ID!) { suspendMerchant(id: $id, reason: "matrix") { id } }', { id: c.t.merchantId }, { token: c.token }), (d) => Boolean(d['suspendMerchant'])),
      ),
  },
  {
    name: 'reactivateMerchant',
    expected: everywhere(['PLATFORM_ADMIN']),
    run: (c) =>
      withTenantStatus(c.api.db, 'merchant', c.t.merchantId, 'SUSPENDED', async () =>
        classify(await c.api.gql('mutation($id: ID!) { reactivateMerchant(id: $id) { id } }', { id: c.t.merchantId }, { token: c.token }), (d) => Boolean(d['reactivateMerchant'])),
      ),
  },
  {
    name: 'suspendServiceProvider',
    expected: everywhere(['PLATFORM_ADMIN']),
    run: (c) =>
      withTenantStatus(c.api.db, 'provider', c.t.providerId, 'ACTIVE', async () =>
        classify(await c.api.gql('mutation($id: ID!) { suspendServiceProvider(id: $id, reason: "matrix") { id } }', { id: c.t.providerId }, { token: c.token }), (d) => Boolean(d['suspendServiceProvider'])),
      ),
  },
  {
    name: 'reactivateServiceProvider',
    expected: everywhere(['PLATFORM_ADMIN']),
    run: (c) =>
      withTenantStatus(c.api.db, 'provider', c.t.providerId, 'SUSPENDED', async () =>
        classify(await c.api.gql('mutation($id: ID!) { reactivateServiceProvider(id: $id) { id } }', { id: c.t.providerId }, { token: c.token }), (d) => Boolean(d['reactivateServiceProvider'])),
      ),
  },
  {
    name: 'applyForProduct',
    // In the owner's own merchant (the operation takes no merchant: it is the active workspace's).
    expected: everywhere(['OWNER']),
    run: async (c) => {
      const messages = await c.api.db.product.findUniqueOrThrow({ where: { code: 'CUSTOMER_MESSAGES' } });
      return classify(await c.api.gql('mutation($id: ID!) { applyForProduct(productId: $id) { id } }', { id: messages.id }, { token: c.token }), (d) => Boolean(d['applyForProduct']));
    },
  },
];
