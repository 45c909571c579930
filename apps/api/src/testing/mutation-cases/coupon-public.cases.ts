import { randomBytes } from 'node:crypto';
import { DEMO_IDS } from '@mop/data-access/testing';
import { makeCouponStock } from '../../coupons/coupon-fixtures';
import type { ApiHarness } from '../api-harness';
import type { FailingCall, MutationCase } from './mutation-case';

const marketer = (api: ApiHarness) => api.login('marketer@harbor.example');
/** A stock of Harbor Coffee (which has merchant coupons) that no other case uses. */
const harborStock = (api: ApiHarness, status: 'DRAFT' | 'ACTIVE' | 'ENDED' = 'DRAFT') => makeCouponStock(api.db, DEMO_IDS.merchants.harbor, status);
async function uploadedStock(api: ApiHarness, status: 'DRAFT' | 'ENDED' = 'DRAFT') {
  const stock = await harborStock(api, status);
  return api.db.couponStock.update({ where: { id: stock.id }, data: { codeMode: 'UPLOADED' } });
}
const code = () => `CASE-${randomBytes(6).toString('hex')}`;

const SUBMIT = 'mutation($id: ID!) { submitCouponStockToPublicChannel(id: $id) { id publicChannel } }';
const UPLOAD = 'mutation($stockId: ID!, $codes: [String!]!) { uploadCouponCodes(stockId: $stockId, codes: $codes) { accepted } }';

export const COUPON_PUBLIC_MUTATION_CASES: MutationCase[] = [
  {
    name: 'submitCouponStockToPublicChannel',
    document: SUBMIT,
    action: 'coupon-stock.submit-public-channel',
    valid: async (api) => ({ token: await marketer(api), variables: { id: (await harborStock(api)).id } }),
    badInputs: async (api) => [{ token: await marketer(api), variables: { id: 'stock-1' }, field: 'id' }],
  },
  {
    name: 'uploadCouponCodes',
    document: UPLOAD,
    action: 'coupon-stock.upload-codes',
    valid: async (api) => ({ token: await marketer(api), variables: { stockId: (await uploadedStock(api)).id, codes: [code(), code()] } }),
    badInputs: async (api) => {
      const token = await marketer(api);
      const stockId = (await uploadedStock(api)).id;
      return [
        { token, variables: { stockId: 'stock-1', codes: [code()] }, field: 'stockId' },
        { token, variables: { stockId, codes: [] }, field: 'codes' },
        { token, variables: { stockId, codes: [code(), 'short'] }, field: 'codes' },
        { token, variables: { stockId, codes: [code(), 'not allowed!'] }, field: 'codes' },
        { token, variables: { stockId, codes: Array.from({ length: 1001 }, code) }, field: 'codes' },
      ];
    },
  },
];

/** Public-channel and uploaded-code calls refused for authorization or state: they change nothing either. */
export const COUPON_PUBLIC_FAILING_CALLS: FailingCall[] = [
  {
    name: 'submitCouponStockToPublicChannel of an ended stock',
    call: async (api) => ({ document: SUBMIT, token: await marketer(api), variables: { id: (await harborStock(api, 'ENDED')).id }, code: 'CONFLICT' }),
  },
  {
    name: 'submitCouponStockToPublicChannel by a clerk',
    call: async (api) => ({ document: SUBMIT, token: await api.login('clerk@harbor.example'), variables: { id: (await harborStock(api)).id }, code: 'FORBIDDEN' }),
  },
  {
    name: "submitCouponStockToPublicChannel of another merchant's stock",
    call: async (api) => ({ document: SUBMIT, token: await marketer(api), variables: { id: (await makeCouponStock(api.db, DEMO_IDS.merchants.lumen)).id }, code: 'NOT_FOUND' }),
  },
  {
    name: 'uploadCouponCodes to a stock with generated codes',
    call: async (api) => ({ document: UPLOAD, token: await marketer(api), variables: { stockId: (await harborStock(api)).id, codes: [code()] }, code: 'CONFLICT' }),
  },
  {
    name: 'uploadCouponCodes to an ended stock',
    call: async (api) => ({ document: UPLOAD, token: await marketer(api), variables: { stockId: (await uploadedStock(api, 'ENDED')).id, codes: [code()] }, code: 'CONFLICT' }),
  },
  {
    name: 'uploadCouponCodes by a reviewer',
    call: async (api) => ({ document: UPLOAD, token: await api.login('reviewer@mop.local'), variables: { stockId: (await uploadedStock(api)).id, codes: [code()] }, code: 'FORBIDDEN' }),
  },
];
