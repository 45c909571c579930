import { randomBytes, randomUUID } from 'node:crypto';
import { DEMO_IDS } from '@mop/data-access/testing';
import { type ApiHarness, errorCode, type GqlResult, startApi } from '../testing/api-harness';
import { merchantInput, SIGN_UP_DOC, signUp } from '../testing/onboarding-fixtures';

const APP_FIELDS = 'id kind status reason subjectId subjectName applicantEmail overdue ageHours events { kind note actorLabel } earlierApplications { id status reason }';
const APPLY_MERCHANT = `mutation($input: MerchantApplicationInput!) { applyAsMerchant(input: $input) { ${APP_FIELDS} } }`;
const RESUBMIT_MERCHANT = `mutation($id: ID!, $input: MerchantApplicationInput!) { resubmitMerchantApplication(applicationId: $id, input: $input) { ${APP_FIELDS} } }`;
const APPROVE = `mutation($id: ID!) { approveApplication(id: $id) { ${APP_FIELDS} } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectApplication(id: $id, reason: $reason) { ${APP_FIELDS} } }`;

type App = { id: string; status: string; reason: string | null; subjectId: string; overdue: boolean; events: { kind: string }[]; earlierApplications: { id: string; status: string; reason: string }[] };

function data<T>(res: GqlResult, key: string): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return (res.data as Record<string, T>)[key];
}

describe('sign-up, onboarding and the review queue', () => {
  let api: ApiHarness;
  let reviewer: string;
  let admin: string;
  beforeAll(async () => {
    api = await startApi();
    reviewer = await api.login('reviewer@mop.local');
    admin = await api.login('admin@mop.local');
  });
  afterAll(() => api.close());

  describe('sign-up', () => {
    it('creates an account signed in without a workspace', async () => {
      const { token } = await signUp(api);
      const me = await api.gql<{ me: { workspaces: unknown[]; activeWorkspace: unknown } }>('{ me { workspaces { kind } activeWorkspace { kind } } }', {}, { token });
      expect(me.data?.me).toEqual({ workspaces: [], activeWorkspace: null });
    });

    it('refuses a taken email with CONFLICT on the field, and a weak password with BAD_USER_INPUT', async () => {
      const taken = await api.gql(SIGN_UP_DOC, { input: { email: 'OWNER@harbor.example', password: 'Applicant#2026', displayName: 'X' } }, { ip: '10.201.0.1' });
      expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
      const weak = await api.gql(SIGN_UP_DOC, { input: { email: 'weak@test.example', password: 'short', displayName: 'X' } }, { ip: '10.201.0.2' });
      expect(weak.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    });
  });

  describe('merchant onboarding', () => {
    it('goes submitted → rejected (with the reason) → corrected and resubmitted → approved, and makes the applicant the owner', async () => {
      const applicant = await signUp(api);
      const input = merchantInput();
      const submitted = data<App>(await api.gql(APPLY_MERCHANT, { input }, { token: applicant.token }), 'applyAsMerchant');
      expect(submitted).toMatchObject({ status: 'SUBMITTED', overdue: false });
      expect(await api.db.merchant.findUniqueOrThrow({ where: { id: submitted.subjectId } })).toMatchObject({ status: 'PENDING_REVIEW' });
      expect(await api.db.store.count({ where: { merchantId: submitted.subjectId } })).toBe(1);

      const queue = await api.gql<{ allApplications: { id: string }[] }>('query($f: ApplicationFilter) { allApplications(filter: $f, perPage: 100) { id } }', { f: { status: 'SUBMITTED', kind: 'MERCHANT_ONBOARDING' } }, { token: reviewer });
      expect(queue.data?.allApplications.map((a) => a.id)).toContain(submitted.id);

      const rejected = data<App>(await api.gql(REJECT, { id: submitted.id, reason: 'The licence number does not match the legal name.' }, { token: reviewer }), 'rejectApplication');
      expect(rejected).toMatchObject({ status: 'REJECTED', reason: 'The licence number does not match the legal name.' });
      expect(await api.db.merchant.findUniqueOrThrow({ where: { id: submitted.subjectId } })).toMatchObject({ status: 'REJECTED', statusReason: 'The licence number does not match the legal name.' });
      const mine = await api.gql<{ myApplications: App[] }>(`{ myApplications { ${APP_FIELDS} } }`, {}, { token: applicant.token });
      expect(mine.data?.myApplications[0]).toMatchObject({ id: submitted.id, status: 'REJECTED', reason: 'The licence number does not match the legal name.' });

      const corrected = { ...input, legalName: `${input.legalName} (corrected)`, firstStore: { ...input.firstStore, name: 'Tea House · Flagship' } };
      const resubmitted = data<App>(await api.gql(RESUBMIT_MERCHANT, { id: submitted.id, input: corrected }, { token: applicant.token }), 'resubmitMerchantApplication');
      expect(resubmitted).toMatchObject({ status: 'SUBMITTED', subjectId: submitted.subjectId });
      expect(resubmitted.earlierApplications).toEqual([{ id: submitted.id, status: 'REJECTED', reason: 'The licence number does not match the legal name.' }]);
      expect(await api.db.store.findMany({ where: { merchantId: submitted.subjectId }, select: { name: true } })).toEqual([{ name: 'Tea House · Flagship' }]);
      expect(errorCode(await api.gql(RESUBMIT_MERCHANT, { id: submitted.id, input: corrected }, { token: applicant.token }))).toBe('CONFLICT');

      const approved = data<App>(await api.gql(APPROVE, { id: resubmitted.id }, { token: reviewer }), 'approveApplication');
      expect(approved.status).toBe('APPROVED');
      expect(approved.events.map((e) => e.kind)).toEqual(['SUBMITTED', 'APPROVED']);
      expect(await api.db.merchant.findUniqueOrThrow({ where: { id: submitted.subjectId } })).toMatchObject({ status: 'ACTIVE', statusReason: null });
      const me = await api.gql<{ me: { workspaces: { kind: string; role: string; id: string }[] } }>('{ me { workspaces { kind role id } } }', {}, { token: applicant.token });
      expect(me.data?.me.workspaces).toEqual([{ kind: 'MERCHANT', role: 'OWNER', id: submitted.subjectId }]);
    });

    it('refuses every move out of a decided application with CONFLICT', async () => {
      const applicant = await signUp(api);
      const app = data<App>(await api.gql(APPLY_MERCHANT, { input: merchantInput() }, { token: applicant.token }), 'applyAsMerchant');
      await api.gql(APPROVE, { id: app.id }, { token: reviewer });
      expect(errorCode(await api.gql(APPROVE, { id: app.id }, { token: reviewer }))).toBe('CONFLICT');
      expect(errorCode(await api.gql(REJECT, { id: app.id, reason: 'too late' }, { token: reviewer }))).toBe('CONFLICT');
      expect(errorCode(await api.gql('mutation($id: ID!) { withdrawApplication(id: $id) { id } }', { id: app.id }, { token: applicant.token }))).toBe('CONFLICT');
      expect(errorCode(await api.gql(RESUBMIT_MERCHANT, { id: app.id, input: merchantInput() }, { token: applicant.token }))).toBe('CONFLICT');
    });

    it('lets only one of two racing decisions through', async () => {
      const applicant = await signUp(api);
      const app = data<App>(await api.gql(APPLY_MERCHANT, { input: merchantInput() }, { token: applicant.token }), 'applyAsMerchant');
      const results = await Promise.all([
        api.gql(APPROVE, { id: app.id }, { token: reviewer }),
        api.gql(REJECT, { id: app.id, reason: 'racing reject' }, { token: admin }),
        api.gql(APPROVE, { id: app.id }, { token: admin }),
      ]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(2);
      expect(await api.db.applicationEvent.count({ where: { applicationId: app.id } })).toBe(2);
      expect(await api.db.auditEvent.count({ where: { subjectId: app.id, action: { in: ['application.approve', 'application.reject'] } } })).toBe(1);
    });

    it('refuses a second pending application, a taken licence, an unknown time zone and overlapping hours', async () => {
      const applicant = await signUp(api);
      await api.gql(APPLY_MERCHANT, { input: merchantInput() }, { token: applicant.token });
      expect(errorCode(await api.gql(APPLY_MERCHANT, { input: merchantInput() }, { token: applicant.token }))).toBe('CONFLICT');
      const other = await signUp(api);
      const taken = await api.gql(APPLY_MERCHANT, { input: merchantInput({ licenceNumber: '91310000HARBOR001' }) }, { token: other.token });
      expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'licenceNumber' });
      const zone = await api.gql(APPLY_MERCHANT, { input: merchantInput({ timeZone: 'Mars/Olympus' }) }, { token: other.token });
      expect(zone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone' });
      const hours = merchantInput();
      hours.firstStore.openingHours = [{ weekday: 2, opens: '09:00', closes: '13:00' }, { weekday: 2, opens: '12:00', closes: '18:00' }];
      expect((await api.gql(APPLY_MERCHANT, { input: hours }, { token: other.token })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await api.db.application.count({ where: { applicantUserId: other.userId } })).toBe(0);
    });

    it('lets the applicant withdraw while in review, and nobody else', async () => {
      const applicant = await signUp(api);
      const app = data<App>(await api.gql(APPLY_MERCHANT, { input: merchantInput() }, { token: applicant.token }), 'applyAsMerchant');
      const stranger = await signUp(api);
      expect(errorCode(await api.gql('mutation($id: ID!) { withdrawApplication(id: $id) { id } }', { id: app.id }, { token: stranger.token }))).toBe('NOT_FOUND');
      const withdrawn = await api.gql<{ withdrawApplication: { status: string } }>('mutation($id: ID!) { withdrawApplication(id: $id) { status } }', { id: app.id }, { token: applicant.token });
      expect(withdrawn.data?.withdrawApplication.status).toBe('WITHDRAWN');
      expect(errorCode(await api.gql(APPROVE, { id: app.id }, { token: reviewer }))).toBe('CONFLICT');
    });

    it('does not let a reviewer decide its own application', async () => {
      const app = data<App>(await api.gql(APPLY_MERCHANT, { input: merchantInput() }, { token: reviewer }), 'applyAsMerchant');
      expect(errorCode(await api.gql(APPROVE, { id: app.id }, { token: reviewer }))).toBe('FORBIDDEN');
      expect((await api.gql(APPROVE, { id: app.id }, { token: admin })).errors).toBeUndefined();
    });

    it('answers a decision on a kind nothing can carry out yet with CONFLICT, and changes nothing', async () => {
      const app = await api.db.application.create({
        data: { kind: 'MINIPROGRAM_RELEASE', subjectType: 'MiniProgramVersion', subjectId: randomUUID(), payload: { name: 'v1.0.0' } },
      });
      const res = await api.gql(APPROVE, { id: app.id }, { token: reviewer });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NO_EFFECT' });
      expect(await api.db.application.findUniqueOrThrow({ where: { id: app.id } })).toMatchObject({ status: 'SUBMITTED', decidedAt: null });
    });

    it('flags applications waiting longer than the 24 h target and filters by age', async () => {
      const applicant = await signUp(api);
      const app = data<App>(await api.gql(APPLY_MERCHANT, { input: merchantInput() }, { token: applicant.token }), 'applyAsMerchant');
      await api.db.application.update({ where: { id: app.id }, data: { submittedAt: new Date(Date.now() - 30 * 3_600_000) } });
      const old = await api.gql<{ allApplications: { id: string; overdue: boolean; ageHours: number }[] }>(
        'query($f: ApplicationFilter) { allApplications(filter: $f, perPage: 100) { id overdue ageHours } }', { f: { olderThanHours: 24 } }, { token: reviewer },
      );
      const found = old.data?.allApplications.find((a) => a.id === app.id);
      expect(found).toMatchObject({ overdue: true });
      expect(found?.ageHours).toBeGreaterThanOrEqual(30);
      const fresh = await api.gql<{ allApplications: { id: string }[] }>('query($f: ApplicationFilter) { allApplications(filter: $f, perPage: 100) { id } }', { f: { olderThanHours: 48 } }, { token: reviewer });
      expect(fresh.data?.allApplications.map((a) => a.id)).not.toContain(app.id);
    });

    it('bulk-approves what it can and reports the rest', async () => {
      const a = await signUp(api);
      const b = await signUp(api);
      const first = data<App>(await api.gql(APPLY_MERCHANT, { input: merchantInput() }, { token: a.token }), 'applyAsMerchant');
      const second = data<App>(await api.gql(APPLY_MERCHANT, { input: merchantInput() }, { token: b.token }), 'applyAsMerchant');
      await api.gql(REJECT, { id: second.id, reason: 'incomplete' }, { token: reviewer });
      const res = await api.gql<{ bulkApproveApplications: { approved: string[]; failed: { id: string; code: string }[] } }>(
        'mutation($ids: [ID!]!) { bulkApproveApplications(ids: $ids) { approved failed { id code message } } }', { ids: [first.id, second.id] }, { token: reviewer },
      );
      expect(res.data?.bulkApproveApplications.approved).toEqual([first.id]);
      expect(res.data?.bulkApproveApplications.failed).toEqual([expect.objectContaining({ id: second.id, code: 'CONFLICT' })]);
    });
  });

  describe('provider onboarding', () => {
    it('makes the approved applicant the provider admin', async () => {
      const applicant = await signUp(api);
      const s = randomBytes(4).toString('hex').toUpperCase();
      const res = await api.gql<{ applyAsProvider: App }>(`mutation($input: ProviderApplicationInput!) { applyAsProvider(input: $input) { ${APP_FIELDS} } }`, {
        input: { name: `Pixel Partners ${s}`, legalName: `Pixel Partners ${s} Ltd.`, licenceNumber: `PIXEL${s}`, contactName: 'Pia', contactEmail: 'pia@pixel.example', website: 'https://pixel.example' },
      }, { token: applicant.token });
      const app = res.data?.applyAsProvider as App;
      expect(app.status).toBe('SUBMITTED');
      await api.gql(APPROVE, { id: app.id }, { token: reviewer });
      const me = await api.gql<{ me: { workspaces: { kind: string; role: string }[] } }>('{ me { workspaces { kind role } } }', {}, { token: applicant.token });
      expect(me.data?.me.workspaces).toEqual([{ kind: 'PROVIDER', role: 'PROVIDER_ADMIN' }]);
      expect(await api.db.serviceProvider.findUniqueOrThrow({ where: { id: app.subjectId } })).toMatchObject({ status: 'ACTIVE' });
    });
  });

  describe('suspension', () => {
    const SUSPEND = 'mutation($id: ID!, $reason: String!) { suspendMerchant(id: $id, reason: $reason) { status statusReason } }';
    const REACTIVATE = 'mutation($id: ID!) { reactivateMerchant(id: $id) { status statusReason } }';

    it('lets a suspended merchant sign in and read, not operate, and says why; reactivation restores it', async () => {
      const lumen = DEMO_IDS.merchants.lumen;
      expect(errorCode(await api.gql(SUSPEND, { id: lumen, reason: 'Unpaid fees' }, { token: reviewer }))).toBe('FORBIDDEN');
      expect((await api.gql(SUSPEND, { id: lumen, reason: 'Unpaid fees' }, { token: admin })).data).toEqual({ suspendMerchant: { status: 'SUSPENDED', statusReason: 'Unpaid fees' } });
      expect(errorCode(await api.gql(SUSPEND, { id: lumen, reason: 'again' }, { token: admin }))).toBe('CONFLICT');

      const owner = await api.login('owner@lumen.example');
      const me = await api.gql<{ me: { activeWorkspace: { status: string; statusReason: string } } }>('{ me { activeWorkspace { status statusReason } } }', {}, { token: owner });
      expect(me.data?.me.activeWorkspace).toEqual({ status: 'SUSPENDED', statusReason: 'Unpaid fees' });
      const stores = await api.gql<{ allStores: unknown[] }>('{ allStores { id } }', {}, { token: owner });
      expect(stores.data?.allStores.length).toBeGreaterThan(0);
      const products = await api.gql<{ allProducts: { id: string; code: string }[] }>('{ allProducts { id code } }', {}, { token: owner });
      const messages = products.data?.allProducts.find((p) => p.code === 'CUSTOMER_MESSAGES');
      expect(errorCode(await api.gql('mutation($id: ID!) { applyForProduct(productId: $id) { id } }', { id: messages?.id }, { token: owner }))).toBe('FORBIDDEN');

      expect((await api.gql(REACTIVATE, { id: lumen }, { token: admin })).data).toEqual({ reactivateMerchant: { status: 'ACTIVE', statusReason: null } });
      expect(errorCode(await api.gql(REACTIVATE, { id: lumen }, { token: admin }))).toBe('CONFLICT');
      expect((await api.gql('mutation($id: ID!) { applyForProduct(productId: $id) { enrollmentStatus } }', { id: messages?.id }, { token: owner })).data).toEqual({ applyForProduct: { enrollmentStatus: 'APPLIED' } });
    });
  });

  describe('product catalog', () => {
    const APPLY = 'mutation($id: ID!) { applyForProduct(productId: $id) { code enrollmentStatus enrollmentReason applicationId } }';

    it('refuses a product\'s operations until it is enabled, then allows them', async () => {
      const owner = await api.login('owner@lumen.example');
      const refused = await api.gql('{ allCouponStocks { id } }', {}, { token: owner });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PRODUCT_NOT_ENABLED', product: 'MERCHANT_COUPONS' });

      const products = await api.gql<{ allProducts: { id: string; code: string; enrollmentStatus: string | null; requirements: string }[] }>('{ allProducts { id code enrollmentStatus requirements } }', {}, { token: owner });
      const coupons = products.data?.allProducts.find((p) => p.code === 'MERCHANT_COUPONS');
      expect(coupons).toMatchObject({ enrollmentStatus: null });
      expect(coupons?.requirements.length).toBeGreaterThan(0);

      const applied = await api.gql<{ applyForProduct: { enrollmentStatus: string; applicationId: string } }>(APPLY, { id: coupons?.id }, { token: owner });
      expect(applied.data?.applyForProduct.enrollmentStatus).toBe('APPLIED');
      expect(errorCode(await api.gql(APPLY, { id: coupons?.id }, { token: owner }))).toBe('CONFLICT');
      expect(errorCode(await api.gql('{ allCouponStocks { id } }', {}, { token: owner }))).toBe('FORBIDDEN');

      await api.gql(APPROVE, { id: applied.data?.applyForProduct.applicationId }, { token: reviewer });
      const allowed = await api.gql<{ allCouponStocks: unknown[] }>('{ allCouponStocks { id } }', {}, { token: owner });
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data?.allCouponStocks).toEqual([]);
    });

    it('enables a product that needs no review at once, and lets a rejected merchant apply again', async () => {
      const owner = await api.login('owner@harbor.example');
      const products = await api.gql<{ allProducts: { id: string; code: string }[] }>('{ allProducts { id code } }', {}, { token: owner });
      const byCode = new Map(products.data?.allProducts.map((p) => [p.code, p.id]));
      expect((await api.gql(APPLY, { id: byCode.get('API_ACCESS') }, { token: owner })).data?.['applyForProduct']).toMatchObject({ enrollmentStatus: 'ACTIVE', applicationId: null });

      const applied = await api.gql<{ applyForProduct: { applicationId: string } }>(APPLY, { id: byCode.get('MINI_PROGRAMS') }, { token: owner });
      await api.gql(REJECT, { id: applied.data?.applyForProduct.applicationId, reason: 'No app id registered yet.' }, { token: reviewer });
      const product = await api.gql<{ Product: { enrollmentStatus: string; enrollmentReason: string } }>('query($id: ID!) { Product(id: $id) { enrollmentStatus enrollmentReason } }', { id: byCode.get('MINI_PROGRAMS') }, { token: owner });
      expect(product.data?.Product).toEqual({ enrollmentStatus: 'REJECTED', enrollmentReason: 'No app id registered yet.' });
      expect((await api.gql(APPLY, { id: byCode.get('MINI_PROGRAMS') }, { token: owner })).data?.['applyForProduct']).toMatchObject({ enrollmentStatus: 'APPLIED' });
    });

    it('keeps a marketer from applying for products', async () => {
      const marketer = await api.login('marketer@harbor.example');
      const products = await api.gql<{ allProducts: { id: string; code: string }[] }>('{ allProducts { id code } }', {}, { token: marketer });
      const id = products.data?.allProducts.find((p) => p.code === 'CUSTOMER_MESSAGES')?.id;
      expect(errorCode(await api.gql(APPLY, { id }, { token: marketer }))).toBe('FORBIDDEN');
      expect(DEMO_IDS.merchants.harbor).toBeDefined();
    });
  });
});
