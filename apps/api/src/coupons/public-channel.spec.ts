import { randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLObjectType } from 'graphql';
import type { CouponStockStatus, Db } from '@mop/data-access';
import { PRISMA } from '@mop/data-access';
import { DEMO_IDS, makeMerchant } from '@mop/data-access/testing';
import { type ApiHarness, errorCode, type GqlResult, startApi } from '../testing/api-harness';
import { couponStockEdit, enrolInCoupons, makeCouponStock } from './coupon-fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const STOCK = 'id name status version channels publicChannel';
const SUBMIT = `mutation($id: ID!) { submitCouponStockToPublicChannel(id: $id) { ${STOCK} } }`;
const GET = `query($id: ID!) { CouponStock(id: $id) { ${STOCK} } }`;
const APPROVE = 'mutation($id: ID!) { approveApplication(id: $id) { id status } }';
const REJECT = 'mutation($id: ID!, $reason: String!) { rejectApplication(id: $id, reason: $reason) { id status } }';
const WITHDRAW = 'mutation($id: ID!) { withdrawApplication(id: $id) { id status } }';
const UPDATE = 'mutation($id: ID!, $version: Int!, $input: CouponStockInput!) { updateCouponStock(id: $id, version: $version, input: $input) { id name version channels publicChannel } }';
const PLAZA_FIELDS = `id merchantId merchantName name description type faceValue percentOff maxDiscount exchangeItem minSpend currency
  claimStartsAt claimEndsAt validityKind validFrom validUntil validDays usableWeekdays usableFromMinute usableToMinute perCustomerLimit remaining`;
const PLAZA = `query($f: PlazaFilter, $perPage: Int, $page: Int) { couponPlaza(filter: $f, perPage: $perPage, page: $page) { ${PLAZA_FIELDS} } _couponPlazaMeta(filter: $f) { count } }`;

interface Stock {
  id: string;
  name: string;
  status: string;
  version: number;
  channels: string[];
  publicChannel: string;
}

function data<T>(res: GqlResult, key: string): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return (res.data as Record<string, T>)[key];
}

describe('coupon stocks on the public channel', () => {
  let api: ApiHarness;
  let owner: string;
  let marketer: string;
  let clerk: string;
  let nimbus: string;
  let reviewer: string;
  let lumenOwner: string;

  beforeAll(async () => {
    api = await startApi();
    // Lumen has merchant coupons here too: what keeps Harbor out of its stocks is the tenant, not the product.
    await enrolInCoupons(api.db, DEMO_IDS.merchants.lumen);
    [owner, marketer, clerk, nimbus, reviewer, lumenOwner] = await Promise.all(
      ['owner@harbor.example', 'marketer@harbor.example', 'clerk@harbor.example', 'operator@nimbus.example', 'reviewer@mop.local', 'owner@lumen.example'].map((e) => api.login(e)),
    );
  });
  afterAll(() => api.close());

  const harborStock = (status: CouponStockStatus = 'DRAFT') => makeCouponStock(api.db, DEMO_IDS.merchants.harbor, status);
  const submit = (id: string, token = marketer) => api.gql<{ submitCouponStockToPublicChannel: Stock }>(SUBMIT, { id }, { token });
  const row = (id: string) => api.db.couponStock.findUniqueOrThrow({ where: { id } });
  const applicationsOf = (id: string) => api.db.application.findMany({ where: { subjectId: id }, orderBy: { submittedAt: 'asc' } });
  const stateOf = async (id: string, token = marketer) => data<Stock>(await api.gql(GET, { id }, { token }), 'CouponStock').publicChannel;
  async function submitted(id: string) {
    data<Stock>(await submit(id), 'submitCouponStockToPublicChannel');
    const apps = await applicationsOf(id);
    return apps[apps.length - 1];
  }

  describe('submitting', () => {
    it("files the stock's terms for review, audited, without touching the stock", async () => {
      const stock = await harborStock();
      const res = data<Stock>(await submit(stock.id), 'submitCouponStockToPublicChannel');
      expect(res).toMatchObject({ id: stock.id, status: 'DRAFT', version: stock.version, channels: ['MINI_PROGRAM'], publicChannel: 'SUBMITTED' });

      const [application] = await applicationsOf(stock.id);
      expect(application).toMatchObject({
        kind: 'COUPON_PUBLIC_CHANNEL', subjectType: 'CouponStock', status: 'SUBMITTED', merchantId: DEMO_IDS.merchants.harbor, providerId: null, applicantUserId: DEMO_IDS.users.harborMarketer,
      });
      expect(application.payload).toMatchObject({
        name: 'Latte 5 off', merchantName: 'Harbor Coffee', type: 'FIXED_AMOUNT', faceValue: 500, minSpend: 2000, currency: 'CNY',
        claimStartsAt: stock.claimStartsAt.toISOString(), claimEndsAt: stock.claimEndsAt.toISOString(), validityKind: 'RELATIVE', validDays: 30,
        totalQuantity: 100, perCustomerLimit: 2, channels: ['MINI_PROGRAM'], codeMode: 'GENERATED', status: 'DRAFT',
      });
      const events = await api.db.auditEvent.findMany({ where: { subjectId: stock.id } });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'coupon-stock.submit-public-channel', merchantId: DEMO_IDS.merchants.harbor, actorUserId: DEMO_IDS.users.harborMarketer });
      expect(events[0].changes).toEqual({ applicationId: application.id });
      expect(await row(stock.id)).toMatchObject({ version: stock.version, publicChannelApproved: false, channels: ['MINI_PROGRAM'] });

      // The reviewer's queue shows it by the stock's name.
      const queue = await api.gql<{ allApplications: { id: string; subjectName: string; kind: string }[] }>(
        '{ allApplications(filter: { kind: COUPON_PUBLIC_CHANNEL, status: SUBMITTED }, perPage: 100) { id subjectName kind } }', {}, { token: reviewer },
      );
      expect(queue.data?.allApplications).toContainEqual({ id: application.id, subjectName: 'Latte 5 off', kind: 'COUPON_PUBLIC_CHANNEL' });
    });

    it('keeps one open application per stock: a second submission is CONFLICT, and of ten at once exactly one goes through', async () => {
      const stock = await harborStock('ACTIVE');
      await submit(stock.id);
      const again = await submit(stock.id, owner);
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_SUBMITTED' });
      expect(await applicationsOf(stock.id)).toHaveLength(1);

      const racing = await harborStock('ACTIVE');
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => submit(racing.id, i % 2 ? owner : marketer)));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0].extensions?.['reason'] === 'ALREADY_SUBMITTED')).toHaveLength(9);
      expect(await applicationsOf(racing.id)).toHaveLength(1);
      expect(await api.db.auditEvent.count({ where: { subjectId: racing.id } })).toBe(1);
    });

    it('refuses an ended stock with CONFLICT, and writes nothing', async () => {
      const stock = await harborStock('ENDED');
      const res = await submit(stock.id);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ENDED' });
      expect(await applicationsOf(stock.id)).toHaveLength(0);
      expect(await api.db.auditEvent.count({ where: { subjectId: stock.id } })).toBe(0);
    });

    it('is for whoever may update the stock: a clerk and a reviewer are FORBIDDEN, a provider with COUPONS_MANAGE submits on behalf', async () => {
      const stock = await harborStock();
      expect(errorCode(await submit(stock.id, clerk))).toBe('FORBIDDEN');
      expect(errorCode(await submit(stock.id, reviewer))).toBe('FORBIDDEN');
      expect(errorCode(await api.gql(SUBMIT, { id: stock.id }))).toBe('UNAUTHENTICATED');
      expect(await applicationsOf(stock.id)).toHaveLength(0);

      expect(data<Stock>(await submit(stock.id, nimbus), 'submitCouponStockToPublicChannel').publicChannel).toBe('SUBMITTED');
      const [event] = await api.db.auditEvent.findMany({ where: { subjectId: stock.id } });
      expect(event).toMatchObject({ onBehalfOfMerchantId: DEMO_IDS.merchants.harbor, providerId: DEMO_IDS.providers.nimbus, workspaceKind: 'PROVIDER' });
      expect((await applicationsOf(stock.id))[0]).toMatchObject({ merchantId: DEMO_IDS.merchants.harbor, applicantUserId: DEMO_IDS.users.nimbusOperator });
    });

    it("keeps tenants apart: another merchant's stock is NOT_FOUND, to its staff and to a provider it did not authorize", async () => {
      const lumenStock = await makeCouponStock(api.db, DEMO_IDS.merchants.lumen);
      for (const token of [marketer, owner, nimbus]) {
        expect(errorCode(await submit(lumenStock.id, token))).toBe('NOT_FOUND');
        expect(errorCode(await api.gql(GET, { id: lumenStock.id }, { token }))).toBe('NOT_FOUND');
      }
      expect(await applicationsOf(lumenStock.id)).toHaveLength(0);
      expect(errorCode(await submit(randomUUID()))).toBe('NOT_FOUND');
      expect((await submit('stock-1')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      // Lumen's own owner submits it; Harbor's owner cannot see that application.
      data<Stock>(await submit(lumenStock.id, lumenOwner), 'submitCouponStockToPublicChannel');
      const [lumenApp] = await applicationsOf(lumenStock.id);
      expect(errorCode(await api.gql('query($id: ID!) { Application(id: $id) { id } }', { id: lumenApp.id }, { token: owner }))).toBe('NOT_FOUND');
    });
  });

  describe('deciding', () => {
    it('approval sets the flag and adds the channel in the decision, without a new version: an edit form opened before still saves', async () => {
      const stock = await harborStock('ACTIVE');
      const application = await submitted(stock.id);
      const decided = await api.gql(APPROVE, { id: application.id }, { token: reviewer });
      expect(decided.errors).toBeUndefined();

      const after = await row(stock.id);
      expect(after).toMatchObject({ publicChannelApproved: true, version: stock.version, status: 'ACTIVE' });
      expect([...after.channels].sort()).toEqual(['MINI_PROGRAM', 'PUBLIC_CHANNEL']);
      expect(await stateOf(stock.id)).toBe('APPROVED');
      const events = await api.db.auditEvent.findMany({ where: { subjectId: application.id } });
      expect(events.map((e) => e.action)).toEqual(['application.approve']);

      // The marketer's form was loaded before the approval: same version, channels without the public one.
      const edit = couponStockEdit(stock, { name: 'Latte 5 off · public' });
      const saved = data<Stock>(await api.gql(UPDATE, { id: stock.id, version: stock.version, input: edit }, { token: marketer }), 'updateCouponStock');
      expect(saved).toMatchObject({ name: 'Latte 5 off · public', version: stock.version + 1, publicChannel: 'APPROVED' });
      expect([...saved.channels].sort()).toEqual(['MINI_PROGRAM', 'PUBLIC_CHANNEL']);

      const again = await submit(stock.id);
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_APPROVED' });
    });

    it('a draft approved before it runs keeps the channel through edits, and an unapproved stock still cannot add it', async () => {
      const stock = await harborStock();
      await api.gql(APPROVE, { id: (await submitted(stock.id)).id }, { token: reviewer });
      const edited = data<Stock>(await api.gql(UPDATE, { id: stock.id, version: stock.version, input: couponStockEdit(stock, { channels: ['CARD_WALLET'] }) }, { token: marketer }), 'updateCouponStock');
      expect([...edited.channels].sort()).toEqual(['CARD_WALLET', 'PUBLIC_CHANNEL']);

      const other = await harborStock();
      const res = await api.gql(UPDATE, { id: other.id, version: other.version, input: couponStockEdit(other, { channels: ['MINI_PROGRAM', 'PUBLIC_CHANNEL'] }) }, { token: marketer });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'channels' });
      expect(res.errors?.[0].message).toMatch(/submit it to the public channel/);
    });

    it('rejection shows as REJECTED and the stock may be submitted again; a withdrawn application leaves it at NONE', async () => {
      const stock = await harborStock();
      expect(await stateOf(stock.id)).toBe('NONE');
      const first = await submitted(stock.id);
      await api.gql(REJECT, { id: first.id, reason: 'The description promises more than the coupon gives.' }, { token: reviewer });
      expect(await stateOf(stock.id)).toBe('REJECTED');
      expect(await row(stock.id)).toMatchObject({ publicChannelApproved: false, channels: ['MINI_PROGRAM'] });

      const second = await submitted(stock.id);
      expect(second.id).not.toBe(first.id);
      expect(await stateOf(stock.id)).toBe('SUBMITTED');
      expect((await api.gql(WITHDRAW, { id: second.id }, { token: marketer })).errors).toBeUndefined();
      expect(await stateOf(stock.id)).toBe('NONE');
    });

    it('approving the application of a stock that ended meanwhile is CONFLICT and changes nothing', async () => {
      const stock = await harborStock('ACTIVE');
      const application = await submitted(stock.id);
      await api.gql('mutation($id: ID!) { endCouponStock(id: $id) { id } }', { id: stock.id }, { token: marketer });
      const res = await api.gql(APPROVE, { id: application.id }, { token: reviewer });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STOCK_ENDED' });
      expect(await api.db.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({ status: 'SUBMITTED' });
      expect(await row(stock.id)).toMatchObject({ publicChannelApproved: false, channels: ['MINI_PROGRAM'], status: 'ENDED' });
    });
  });

  describe('the publicChannel field', () => {
    it('is resolved for a whole list in one query', async () => {
      const stocks = await Promise.all(Array.from({ length: 6 }, () => harborStock()));
      await submit(stocks[0].id);
      await api.gql(REJECT, { id: (await submitted(stocks[1].id)).id, reason: 'Not for the public channel.' }, { token: reviewer });
      await api.gql(APPROVE, { id: (await submitted(stocks[2].id)).id }, { token: reviewer });

      const appDb = api.app.get<Db>(PRISMA);
      const spy = jest.spyOn(appDb, '$queryRaw');
      try {
        const res = await api.gql<{ allCouponStocks: Stock[] }>('query($ids: [ID!]) { allCouponStocks(filter: { ids: $ids }, perPage: 100) { id publicChannel } }', { ids: stocks.map((s) => s.id) }, { token: marketer });
        const byId = new Map(res.data?.allCouponStocks.map((s) => [s.id, s.publicChannel]));
        expect(stocks.map((s) => byId.get(s.id))).toEqual(['SUBMITTED', 'REJECTED', 'APPROVED', 'NONE', 'NONE', 'NONE']);
        const lookups = spy.mock.calls.filter(([sql]) => (sql as unknown as string[]).join('?').includes('FROM applications'));
        expect(lookups).toHaveLength(1);
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('the coupon plaza', () => {
    /** A stock written straight to the database in the shape the plaza looks at; `q` keeps each test to its own rows. */
    async function plazaStock(tag: string, data: Record<string, unknown> = {}, merchantId: string = DEMO_IDS.merchants.harbor) {
      const stock = await makeCouponStock(api.db, merchantId, 'ACTIVE');
      return api.db.couponStock.update({ where: { id: stock.id }, data: { name: `${tag} ${stock.id.slice(0, 8)}`, publicChannelApproved: true, channels: ['MINI_PROGRAM', 'PUBLIC_CHANNEL'], budgetAmount: 90_000, ...data } });
    }
    const plaza = (f: Record<string, unknown>, token?: string, page: Record<string, unknown> = {}) =>
      api.gql<{ couponPlaza: Record<string, unknown>[]; _couponPlazaMeta: { count: number } }>(PLAZA, { f, perPage: 100, ...page }, { token: token ?? null });

    it('lists, to anyone signed in or not, the approved active stocks that can be claimed now, with public terms only', async () => {
      const tag = `plaza-${randomUUID().slice(0, 8)}`;
      const listed = await plazaStock(tag, { description: 'Any drink, any size' });
      const anonymous = await plaza({ q: tag });
      expect(anonymous.errors).toBeUndefined();
      expect(anonymous.data?._couponPlazaMeta.count).toBe(1);
      expect(anonymous.data?.couponPlaza).toEqual([
        {
          id: listed.id, merchantId: DEMO_IDS.merchants.harbor, merchantName: 'Harbor Coffee', name: listed.name, description: 'Any drink, any size', type: 'FIXED_AMOUNT',
          faceValue: 500, percentOff: null, maxDiscount: null, exchangeItem: null, minSpend: 2000, currency: 'CNY',
          claimStartsAt: listed.claimStartsAt.toISOString(), claimEndsAt: listed.claimEndsAt.toISOString(), validityKind: 'RELATIVE', validFrom: null, validUntil: null, validDays: 30,
          usableWeekdays: [], usableFromMinute: null, usableToMinute: null, perCustomerLimit: 2, remaining: 100,
        },
      ]);
      for (const token of [marketer, lumenOwner, reviewer]) expect((await plaza({ q: tag }, token)).data?._couponPlazaMeta.count).toBe(1);

      // Nothing of how the merchant runs the stock is on the type at all.
      const internal = await api.gql('{ couponPlaza { budgetAmount } }');
      expect(internal.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' });
      const plazaType = api.app.get(GraphQLSchemaHost).schema.getType('PlazaCoupon') as GraphQLObjectType;
      const names = Object.keys(plazaType.getFields());
      for (const hidden of ['budgetAmount', 'budgetCount', 'claimedCount', 'claimedAmount', 'createdById', 'createdByProviderId', 'storeIds', 'totalQuantity', 'version', 'status', 'channels']) {
        expect(names).not.toContain(hidden);
      }
    });

    it('never lists a stock that is unapproved, not active, outside its claim window, or of a merchant that is suspended or not enrolled', async () => {
      const tag = `hidden-${randomUUID().slice(0, 8)}`;
      const now = Date.now();
      const visible = await plazaStock(tag);
      await plazaStock(tag, { publicChannelApproved: false, channels: ['MINI_PROGRAM'] });
      await plazaStock(tag, { publicChannelApproved: false });
      await plazaStock(tag, { channels: ['MINI_PROGRAM'] });
      for (const status of ['DRAFT', 'PAUSED', 'ENDED', 'EXHAUSTED'] as const) await plazaStock(tag, { status });
      await plazaStock(tag, { remaining: 0 });
      await plazaStock(tag, { claimStartsAt: new Date(now + HOUR), claimEndsAt: new Date(now + DAY) });
      await plazaStock(tag, { claimStartsAt: new Date(now - 2 * DAY), claimEndsAt: new Date(now - HOUR) });
      const suspended = await makeMerchant(api.db, { status: 'SUSPENDED' });
      await enrolInCoupons(api.db, suspended.id);
      await plazaStock(tag, {}, suspended.id);
      const unenrolled = await makeMerchant(api.db);
      await plazaStock(tag, {}, unenrolled.id);

      const res = await plaza({ q: tag });
      expect(res.data?.couponPlaza.map((s) => s['id'])).toEqual([visible.id]);
      expect(res.data?._couponPlazaMeta.count).toBe(1);
    });

    it('filters by merchant and by the name of the stock or the merchant, pages, and refuses bad arguments with BAD_USER_INPUT', async () => {
      const tag = `filter-${randomUUID().slice(0, 8)}`;
      const harbor = await plazaStock(tag);
      const lumen = await plazaStock(tag, {}, DEMO_IDS.merchants.lumen);
      expect((await plaza({ q: tag, merchantId: DEMO_IDS.merchants.lumen })).data?.couponPlaza.map((s) => s['id'])).toEqual([lumen.id]);
      const both = await plaza({ q: tag }, undefined, { perPage: 1, page: 1 });
      expect(both.data?._couponPlazaMeta.count).toBe(2);
      expect(both.data?.couponPlaza).toHaveLength(1);
      const byMerchantName = await plaza({ q: 'lumen books', merchantId: DEMO_IDS.merchants.lumen });
      expect(byMerchantName.data?.couponPlaza.map((s) => s['id'])).toContain(lumen.id);
      expect(byMerchantName.data?.couponPlaza.map((s) => s['id'])).not.toContain(harbor.id);

      expect((await plaza({ merchantId: 'harbor' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'merchantId' });
      expect((await api.gql('{ couponPlaza(perPage: 101) { id } }')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'perPage' });
      // A big page of many fields is refused by the cost limit before anything is read.
      expect((await plaza({ q: tag }, undefined, { perPage: 1000 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
      const sorted = await api.gql('{ couponPlaza(sortField: "budgetAmount") { id } }');
      expect(sorted.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sortField' });
    });

    it('lists a stock once a reviewer approves it', async () => {
      const stock = await harborStock('ACTIVE');
      const name = `approved-${randomUUID().slice(0, 8)}`;
      await api.db.couponStock.update({ where: { id: stock.id }, data: { name } });
      expect((await plaza({ q: name })).data?._couponPlazaMeta.count).toBe(0);
      await api.gql(APPROVE, { id: (await submitted(stock.id)).id }, { token: reviewer });
      expect((await plaza({ q: name })).data?.couponPlaza.map((s) => s['id'])).toEqual([stock.id]);
      await api.gql('mutation($id: ID!) { pauseCouponStock(id: $id) { id } }', { id: stock.id }, { token: marketer });
      expect((await plaza({ q: name })).data?._couponPlazaMeta.count).toBe(0);
    });
  });
});
