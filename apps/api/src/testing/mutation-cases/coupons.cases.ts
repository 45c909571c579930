import { DEMO_IDS } from '@mop/data-access/testing';
import { couponStockEdit, couponStockInput, makeCouponStock } from '../../coupons/coupon-fixtures';
import type { ApiHarness } from '../api-harness';
import type { FailingCall, MutationCase } from './mutation-case';

const marketer = (api: ApiHarness) => api.login('marketer@harbor.example');
const manager = (api: ApiHarness) => api.login('manager@harbor.example');
/** A stock of Harbor Coffee (which has merchant coupons) that no other case uses. */
const harborStock = (api: ApiHarness, status: 'DRAFT' | 'ACTIVE' | 'PAUSED' | 'ENDED' = 'DRAFT') => makeCouponStock(api.db, DEMO_IDS.merchants.harbor, status);

const CREATE = 'mutation($input: CouponStockInput!) { createCouponStock(input: $input) { id } }';
const UPDATE = 'mutation($id: ID!, $version: Int!, $input: CouponStockInput!) { updateCouponStock(id: $id, version: $version, input: $input) { id } }';
const ADJUST = 'mutation($id: ID!, $input: CouponStockBudgetInput!) { adjustCouponStockBudget(id: $id, input: $input) { id } }';

function lifecycleCase(name: 'activateCouponStock' | 'pauseCouponStock' | 'endCouponStock', from: 'DRAFT' | 'ACTIVE', action: string): MutationCase {
  return {
    name,
    document: `mutation($id: ID!) { ${name}(id: $id) { id status } }`,
    action,
    valid: async (api) => ({ token: await marketer(api), variables: { id: (await harborStock(api, from)).id } }),
    badInputs: async (api) => [{ token: await marketer(api), variables: { id: 'stock-1' }, field: 'id' }],
  };
}

export const COUPON_MUTATION_CASES: MutationCase[] = [
  {
    name: 'createCouponStock',
    document: CREATE,
    action: 'coupon-stock.create',
    valid: async (api) => ({ token: await marketer(api), variables: { input: couponStockInput({ storeIds: [DEMO_IDS.stores.harborHq] }) } }),
    badInputs: async (api) => {
      const token = await marketer(api);
      return [
        { token, variables: { input: couponStockInput({ name: '' }) }, field: 'name' },
        { token, variables: { input: couponStockInput({ faceValue: null }) }, field: 'faceValue' },
        { token, variables: { input: couponStockInput({ type: 'PERCENT_OFF', faceValue: null, percentOff: 120 }) }, field: 'percentOff' },
        { token, variables: { input: couponStockInput({ claimEndsAt: new Date(Date.now() - 60_000).toISOString(), claimStartsAt: new Date(Date.now() - 120_000).toISOString() }) }, field: 'claimEndsAt' },
        { token, variables: { input: couponStockInput({ validDays: null }) }, field: 'validDays' },
        { token, variables: { input: couponStockInput({ usableFromMinute: 600 }) }, field: 'usableToMinute' },
        { token, variables: { input: couponStockInput({ storeIds: [DEMO_IDS.stores.lumenCentral] }) }, field: 'storeIds' },
        { token, variables: { input: couponStockInput({ perCustomerLimit: 101 }) }, field: 'perCustomerLimit' },
        { token, variables: { input: couponStockInput({ channels: ['PUBLIC_CHANNEL'] }) }, field: 'channels' },
        { token: await api.login('operator@nimbus.example'), variables: { input: couponStockInput() }, field: 'merchantId' },
      ];
    },
  },
  {
    name: 'updateCouponStock',
    document: UPDATE,
    action: 'coupon-stock.update',
    valid: async (api) => {
      const stock = await harborStock(api);
      return { token: await marketer(api), variables: { id: stock.id, version: stock.version, input: couponStockEdit(stock, { name: 'Renamed by case', totalQuantity: 80 }) } };
    },
    badInputs: async (api) => {
      const token = await marketer(api);
      const stock = await harborStock(api);
      const edit = (overrides: Record<string, unknown>) => ({ token, variables: { id: stock.id, version: stock.version, input: couponStockEdit(stock, overrides) } });
      return [
        { token, variables: { id: 'stock-1', version: 1, input: couponStockEdit(stock) }, field: 'id' },
        { ...edit({ name: 'x'.repeat(81) }), field: 'name' },
        { ...edit({ exchangeItem: 'Cake' }), field: 'exchangeItem' },
        { ...edit({ minSpend: 100 }), field: 'minSpend' },
        { ...edit({ budgetCount: 101 }), field: 'budgetCount' },
        { ...edit({ merchantId: DEMO_IDS.merchants.lumen }), field: 'merchantId' },
      ];
    },
  },
  lifecycleCase('activateCouponStock', 'DRAFT', 'coupon-stock.activate'),
  lifecycleCase('pauseCouponStock', 'ACTIVE', 'coupon-stock.pause'),
  lifecycleCase('endCouponStock', 'ACTIVE', 'coupon-stock.end'),
  {
    name: 'adjustCouponStockBudget',
    document: ADJUST,
    action: 'coupon-stock.adjust-budget',
    valid: async (api) => ({ token: await manager(api), variables: { id: (await harborStock(api, 'ACTIVE')).id, input: { expectedTotalQuantity: 100, totalQuantity: 150 } } }),
    badInputs: async (api) => {
      const token = await manager(api);
      const stock = await harborStock(api, 'ACTIVE');
      await api.db.couponStock.update({ where: { id: stock.id }, data: { claimedCount: 20, remaining: 80 } });
      return [
        { token, variables: { id: 'stock-1', input: { expectedTotalQuantity: 100, totalQuantity: 150 } }, field: 'id' },
        { token, variables: { id: stock.id, input: { expectedTotalQuantity: 100, totalQuantity: 0 } }, field: 'totalQuantity' },
        { token, variables: { id: stock.id, input: { expectedTotalQuantity: 100, totalQuantity: 19 } }, field: 'totalQuantity' },
        { token, variables: { id: stock.id, input: { expectedTotalQuantity: 100, totalQuantity: 100, budgetAmount: 0 } }, field: 'budgetAmount' },
      ];
    },
  },
];

/** Coupon stock calls refused for authorization or state: they change nothing either. */
export const COUPON_FAILING_CALLS: FailingCall[] = [
  {
    name: 'activateCouponStock of an ended stock',
    call: async (api) => ({ document: 'mutation($id: ID!) { activateCouponStock(id: $id) { id } }', token: await marketer(api), variables: { id: (await harborStock(api, 'ENDED')).id }, code: 'CONFLICT' }),
  },
  {
    name: 'updateCouponStock from a stale version',
    call: async (api) => {
      const stock = await harborStock(api);
      return { document: UPDATE, token: await marketer(api), variables: { id: stock.id, version: stock.version + 1, input: couponStockEdit(stock, { name: 'Stale' }) }, code: 'CONFLICT' };
    },
  },
  {
    name: 'updateCouponStock of an active stock\'s face value',
    call: async (api) => {
      const stock = await harborStock(api, 'ACTIVE');
      return { document: UPDATE, token: await marketer(api), variables: { id: stock.id, version: stock.version, input: couponStockEdit(stock, { faceValue: 800 }) }, code: 'CONFLICT' };
    },
  },
  {
    name: 'adjustCouponStockBudget from stale figures',
    call: async (api) => ({ document: ADJUST, token: await manager(api), variables: { id: (await harborStock(api, 'ACTIVE')).id, input: { expectedTotalQuantity: 99, totalQuantity: 150 } }, code: 'CONFLICT' }),
  },
  {
    name: 'adjustCouponStockBudget by a marketer',
    call: async (api) => ({ document: ADJUST, token: await marketer(api), variables: { id: (await harborStock(api, 'ACTIVE')).id, input: { expectedTotalQuantity: 100, totalQuantity: 150 } }, code: 'FORBIDDEN' }),
  },
  {
    name: 'createCouponStock by a merchant without merchant coupons',
    call: async (api) => ({ document: CREATE, token: await api.login('owner@lumen.example'), variables: { input: couponStockInput() }, code: 'FORBIDDEN' }),
  },
  {
    name: "endCouponStock of another merchant's stock",
    call: async (api) => ({ document: 'mutation($id: ID!) { endCouponStock(id: $id) { id } }', token: await marketer(api), variables: { id: (await makeCouponStock(api.db, DEMO_IDS.merchants.lumen)).id }, code: 'NOT_FOUND' }),
  },
];
