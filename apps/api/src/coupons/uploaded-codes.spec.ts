import { randomBytes, randomUUID } from 'node:crypto';
import type { CouponStockStatus, Db } from '@mop/data-access';
import { PRISMA } from '@mop/data-access';
import { DEMO_IDS } from '@mop/data-access/testing';
import { type ApiHarness, errorCode, type GqlResult, startApi } from '../testing/api-harness';
import { couponStockInput, enrolInCoupons, makeCouponStock } from './coupon-fixtures';

const UPLOAD = 'mutation($stockId: ID!, $codes: [String!]!) { uploadCouponCodes(stockId: $stockId, codes: $codes) { accepted duplicateCount duplicates totalCodes unusedCodes } }';
const STOCK = 'id status codeMode remaining uploadedCodes unusedCodes';
const GET = `query($id: ID!) { CouponStock(id: $id) { ${STOCK} } }`;
const ACTIVATE = `mutation($id: ID!) { activateCouponStock(id: $id) { ${STOCK} } }`;

interface UploadResult {
  accepted: number;
  duplicateCount: number;
  duplicates: string[];
  totalCodes: number;
  unusedCodes: number;
}

function data<T>(res: GqlResult, key: string): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return (res.data as Record<string, T>)[key];
}

/** Codes no other test (or run) uses: `n` of them, `PREFIX-0001`… */
function freshCodes(n: number, prefix = `T${randomBytes(4).toString('hex').toUpperCase()}`): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(4, '0')}`);
}

describe('uploaded coupon codes', () => {
  let api: ApiHarness;
  let owner: string;
  let marketer: string;
  let clerk: string;
  let nimbus: string;
  let reviewer: string;
  let lumenOwner: string;

  beforeAll(async () => {
    api = await startApi();
    await enrolInCoupons(api.db, DEMO_IDS.merchants.lumen);
    [owner, marketer, clerk, nimbus, reviewer, lumenOwner] = await Promise.all(
      ['owner@harbor.example', 'marketer@harbor.example', 'clerk@harbor.example', 'operator@nimbus.example', 'reviewer@mop.local', 'owner@lumen.example'].map((e) => api.login(e)),
    );
  });
  afterAll(() => api.close());

  /** A stock of the merchant handing out uploaded codes, in the given state. */
  async function uploadedStock(status: CouponStockStatus = 'DRAFT', merchantId: string = DEMO_IDS.merchants.harbor, totalQuantity = 5) {
    const stock = await makeCouponStock(api.db, merchantId, status, { totalQuantity });
    return api.db.couponStock.update({ where: { id: stock.id }, data: { codeMode: 'UPLOADED', perCustomerLimit: 1 } });
  }
  const upload = (stockId: string, codes: string[], token = marketer) => api.gql<{ uploadCouponCodes: UploadResult }>(UPLOAD, { stockId, codes }, { token });
  const codesOf = (stockId: string) => api.db.uploadedCode.findMany({ where: { stockId }, orderBy: { code: 'asc' } });
  const eventsOf = (subjectId: string) => api.db.auditEvent.findMany({ where: { subjectId }, orderBy: { at: 'asc' } });
  const get = async (id: string, token = marketer) => data<Record<string, unknown>>(await api.gql(GET, { id }, { token }), 'CouponStock');

  describe('uploading', () => {
    it('adds the codes to the stock and audits one event with counts only', async () => {
      const stock = await uploadedStock();
      const codes = freshCodes(3);
      const result = data<UploadResult>(await upload(stock.id, codes), 'uploadCouponCodes');
      expect(result).toEqual({ accepted: 3, duplicateCount: 0, duplicates: [], totalCodes: 3, unusedCodes: 3 });
      const rows = await codesOf(stock.id);
      expect(rows.map((r) => r.code)).toEqual(codes);
      for (const r of rows) expect(r).toMatchObject({ merchantId: DEMO_IDS.merchants.harbor, used: false, couponId: null });

      const events = await eventsOf(stock.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'coupon-stock.upload-codes', merchantId: DEMO_IDS.merchants.harbor, actorUserId: DEMO_IDS.users.harborMarketer });
      expect(events[0].changes).toEqual({ received: 3, accepted: 3, duplicates: 0, totalCodes: 3, unusedCodes: 3 });
      expect(JSON.stringify(events[0])).not.toContain(codes[0].split('-')[0]);
    });

    it('reports duplicates — within the chunk, against the stock, against any other stock and against coupon codes — and adds the rest', async () => {
      const stock = await uploadedStock();
      const [a, b, c, d, e, f] = freshCodes(6);
      await upload(stock.id, [a, b]);
      const lumenStock = await uploadedStock('DRAFT', DEMO_IDS.merchants.lumen);
      await upload(lumenStock.id, [c], lumenOwner);
      const issued = await makeCouponStock(api.db, DEMO_IDS.merchants.harbor, 'ACTIVE');
      await api.db.coupon.create({
        data: { stockId: issued.id, merchantId: DEMO_IDS.merchants.harbor, code: d, customerRef: 'cust-1', claimRequestId: `claim-${randomUUID()}`, validFrom: new Date(), validUntil: new Date(Date.now() + 86_400_000), claimedVia: 'MINI_PROGRAM' },
      });

      const result = data<UploadResult>(await upload(stock.id, [e, a, c, d, e, f, f]), 'uploadCouponCodes');
      expect(result).toMatchObject({ accepted: 2, duplicateCount: 5, totalCodes: 4, unusedCodes: 4 });
      expect([...result.duplicates].sort()).toEqual([a, c, d, e, f].sort());
      expect((await codesOf(stock.id)).map((r) => r.code)).toEqual([a, b, e, f]);
      expect((await codesOf(lumenStock.id)).map((r) => r.code)).toEqual([c]);
      expect((await eventsOf(stock.id)).at(-1)?.changes).toEqual({ received: 7, accepted: 2, duplicates: 5, totalCodes: 4, unusedCodes: 4 });
    });

    it('lists the first 50 duplicates and counts them all', async () => {
      const stock = await uploadedStock('DRAFT', DEMO_IDS.merchants.harbor, 1000);
      const codes = freshCodes(120);
      await upload(stock.id, codes);
      const again = data<UploadResult>(await upload(stock.id, codes), 'uploadCouponCodes');
      expect(again).toMatchObject({ accepted: 0, duplicateCount: 120, totalCodes: 120, unusedCodes: 120 });
      expect(again.duplicates).toEqual(codes.slice(0, 50));
    });

    it('takes a full chunk of 1000 codes, and every code once when chunks race each other across stocks', async () => {
      const stock = await uploadedStock('DRAFT', DEMO_IDS.merchants.harbor, 1000);
      expect(data<UploadResult>(await upload(stock.id, freshCodes(1000)), 'uploadCouponCodes')).toMatchObject({ accepted: 1000, totalCodes: 1000 });

      const shared = freshCodes(300);
      const stocks = await Promise.all([uploadedStock(), uploadedStock(), uploadedStock()]);
      const results = await Promise.all(stocks.map((s) => upload(s.id, shared)));
      const accepted = results.map((r) => data<UploadResult>(r, 'uploadCouponCodes').accepted);
      expect(accepted.reduce((x, y) => x + y, 0)).toBe(300);
      expect(await api.db.uploadedCode.count({ where: { code: { in: shared } } })).toBe(300);
    });

    it('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', async () => {
      const stock = await uploadedStock();
      const [ok] = freshCodes(1);
      const cases: [string, string[], string][] = [
        [stock.id, [], 'codes'],
        [stock.id, freshCodes(1001), 'codes'],
        [stock.id, [ok, 'abc12'], 'codes'],
        [stock.id, [ok, 'x'.repeat(65)], 'codes'],
        [stock.id, [ok, 'HAS SPACE1'], 'codes'],
        [stock.id, [ok, ' LEADING1'], 'codes'],
        [stock.id, [ok, 'UNDER_SCORE'], 'codes'],
        [stock.id, [ok, 'ÜNICODE-1'], 'codes'],
        ['stock-1', [ok], 'stockId'],
      ];
      for (const [stockId, codes, field] of cases) {
        const res = await upload(stockId, codes);
        expect({ codes: codes.slice(0, 3), ext: res.errors?.[0].extensions }).toMatchObject({ codes: codes.slice(0, 3), ext: { code: 'BAD_USER_INPUT', field } });
      }
      const bad = await upload(stock.id, [ok, 'abc12']);
      expect(bad.errors?.[0].message).toMatch(/Code 2 \("abc12"\).*6 to 64 letters, digits and hyphens/);
      expect(await codesOf(stock.id)).toHaveLength(0);
      expect(await eventsOf(stock.id)).toHaveLength(0);
    });

    it('is CONFLICT for a stock with generated codes or an ended one, and accepts codes while the stock runs or is paused', async () => {
      const generated = await makeCouponStock(api.db, DEMO_IDS.merchants.harbor);
      expect((await upload(generated.id, freshCodes(1))).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_UPLOADED_MODE' });
      const ended = await uploadedStock('ENDED');
      expect((await upload(ended.id, freshCodes(1))).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ENDED' });
      expect(await api.db.uploadedCode.count({ where: { stockId: { in: [generated.id, ended.id] } } })).toBe(0);
      for (const status of ['ACTIVE', 'PAUSED', 'EXHAUSTED'] as const) {
        const stock = await uploadedStock(status);
        expect(data<UploadResult>(await upload(stock.id, freshCodes(2)), 'uploadCouponCodes').accepted).toBe(2);
      }
    });

    it('is for whoever may update the stock; another tenant\'s stock is NOT_FOUND', async () => {
      const stock = await uploadedStock();
      expect(errorCode(await upload(stock.id, freshCodes(1), clerk))).toBe('FORBIDDEN');
      expect(errorCode(await upload(stock.id, freshCodes(1), reviewer))).toBe('FORBIDDEN');
      expect(errorCode(await api.gql(UPLOAD, { stockId: stock.id, codes: freshCodes(1) }))).toBe('UNAUTHENTICATED');
      expect(data<UploadResult>(await upload(stock.id, freshCodes(2), owner), 'uploadCouponCodes').accepted).toBe(2);
      expect(data<UploadResult>(await upload(stock.id, freshCodes(2), nimbus), 'uploadCouponCodes').accepted).toBe(2);
      const byNimbus = (await eventsOf(stock.id)).at(-1);
      expect(byNimbus).toMatchObject({ onBehalfOfMerchantId: DEMO_IDS.merchants.harbor, providerId: DEMO_IDS.providers.nimbus });

      const lumenStock = await uploadedStock('DRAFT', DEMO_IDS.merchants.lumen);
      for (const token of [marketer, owner, nimbus]) {
        expect(errorCode(await upload(lumenStock.id, freshCodes(1), token))).toBe('NOT_FOUND');
      }
      expect(errorCode(await upload(randomUUID(), freshCodes(1)))).toBe('NOT_FOUND');
      expect(await codesOf(lumenStock.id)).toHaveLength(0);
    });
  });

  describe('counts and activation', () => {
    it('shows uploaded and unused codes on an uploaded-code stock (null for generated codes), for a whole list in one query', async () => {
      const stocks = await Promise.all([uploadedStock(), uploadedStock(), uploadedStock()]);
      await upload(stocks[0].id, freshCodes(4));
      await upload(stocks[1].id, freshCodes(2));
      const used = (await codesOf(stocks[0].id))[0];
      await api.db.uploadedCode.update({ where: { id: used.id }, data: { used: true } });
      const generated = await makeCouponStock(api.db, DEMO_IDS.merchants.harbor);

      const appDb = api.app.get<Db>(PRISMA);
      const spy = jest.spyOn(appDb, '$queryRaw');
      try {
        const ids = [...stocks.map((s) => s.id), generated.id];
        const res = await api.gql<{ allCouponStocks: { id: string; uploadedCodes: number | null; unusedCodes: number | null }[] }>(
          'query($ids: [ID!]) { allCouponStocks(filter: { ids: $ids }, perPage: 100) { id uploadedCodes unusedCodes } }', { ids }, { token: marketer },
        );
        const byId = new Map(res.data?.allCouponStocks.map((s) => [s.id, [s.uploadedCodes, s.unusedCodes]]));
        expect(ids.map((id) => byId.get(id))).toEqual([[4, 3], [2, 2], [0, 0], [null, null]]);
        expect(spy.mock.calls.filter(([sql]) => (sql as unknown as string[]).join('?').includes('FROM uploaded_codes'))).toHaveLength(1);
      } finally {
        spy.mockRestore();
      }
    });

    it('activates an uploaded-code stock once it has an unused code for every coupon it hands out, and says how many are missing', async () => {
      const created = await api.gql<{ createCouponStock: { id: string } }>('mutation($input: CouponStockInput!) { createCouponStock(input: $input) { id } }', { input: couponStockInput({ codeMode: 'UPLOADED', totalQuantity: 3, perCustomerLimit: 1 }) }, { token: marketer });
      const id = data<{ id: string }>(created, 'createCouponStock').id;

      const none = await api.gql(ACTIVATE, { id }, { token: marketer });
      expect(none.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CODES_NOT_UPLOADED', unusedCodes: 0, remaining: 3 });
      expect(none.errors?.[0].message).toMatch(/none are uploaded yet: upload 3 codes/);

      await upload(id, freshCodes(2));
      const short = await api.gql(ACTIVATE, { id }, { token: marketer });
      expect(short.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CODES_NOT_UPLOADED', unusedCodes: 2, remaining: 3 });
      expect(short.errors?.[0].message).toMatch(/only 2 unused uploaded codes: upload 1 more with "Upload codes"/);
      expect(await get(id)).toMatchObject({ status: 'DRAFT', uploadedCodes: 2, unusedCodes: 2 });

      await upload(id, freshCodes(1));
      expect(data<Record<string, unknown>>(await api.gql(ACTIVATE, { id }, { token: marketer }), 'activateCouponStock')).toMatchObject({ status: 'ACTIVE', remaining: 3, uploadedCodes: 3, unusedCodes: 3 });
    });
  });
});
