import { randomUUID } from 'node:crypto';
import { DEMO_IDS } from '@mop/data-access/testing';
import { makeClaimableStock, makeCoupon, makeCouponStock, makeRedemption } from '../../coupons/coupon-fixtures';
import type { ApiHarness } from '../api-harness';
import type { FailingCall, MutationCase } from './mutation-case';

const HQ = DEMO_IDS.stores.harborHq;
const manager = (api: ApiHarness) => api.login('manager@harbor.example');
const marketer = (api: ApiHarness) => api.login('marketer@harbor.example');
const clerk = (api: ApiHarness) => api.login('clerk@harbor.example');
/** An AVAILABLE coupon of Harbor Coffee (which has merchant coupons): 5.00 off an order of at least 20.00. */
const harborCoupon = async (api: ApiHarness) => makeCoupon(api.db, await makeCouponStock(api.db, DEMO_IDS.merchants.harbor, 'ACTIVE'));
const requestId = () => `case-${randomUUID()}`;

const REDEEM = 'mutation($input: RedeemCouponInput!) { redeemCoupon(input: $input) { id couponId requestId } }';
const REVERSE = 'mutation($input: ReverseRedemptionInput!) { reverseRedemption(input: $input) { id reversedAt } }';
const REVOKE = 'mutation($id: ID!, $reason: String) { revokeCoupon(id: $id, reason: $reason) { id status } }';

const redeemInput = (code: string, overrides: Record<string, unknown> = {}) => ({ input: { code, storeId: HQ, orderAmount: 3000, requestId: requestId(), ...overrides } });

export const COUPON_REDEMPTION_MUTATION_CASES: MutationCase[] = [
  {
    name: 'redeemCoupon',
    document: REDEEM,
    action: 'ledger:redemption',
    ledger: async (api, data, call) => {
      const { id } = data['redeemCoupon'] as { id: string };
      const row = await api.db.redemption.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ redeemedByUserId: DEMO_IDS.users.harborManager, redeemRequestId: (call.variables['input'] as { requestId: string }).requestId, storeId: HQ });
    },
    valid: async (api) => ({ token: await manager(api), variables: redeemInput((await harborCoupon(api)).code) }),
    badInputs: async (api) => {
      const token = await manager(api);
      const { code } = await harborCoupon(api);
      return [
        { token, variables: redeemInput(''), field: 'code' },
        { token, variables: redeemInput(code, { requestId: 'short' }), field: 'requestId' },
        { token, variables: redeemInput(code, { requestId: 'with spaces inside' }), field: 'requestId' },
        { token, variables: redeemInput(code, { orderAmount: -1 }), field: 'orderAmount' },
        { token, variables: redeemInput(code, { orderAmount: 1999 }), field: 'orderAmount' },
        { token, variables: redeemInput(code, { storeId: 'HQ' }), field: 'storeId' },
        { token, variables: redeemInput(code, { storeId: DEMO_IDS.stores.lumenCentral }), field: 'storeId' },
        { token, variables: redeemInput(code, { orderRef: 'order #1' }), field: 'orderRef' },
        { token: await clerk(api), variables: redeemInput(code, { storeId: null }), field: 'storeId' },
      ];
    },
  },
  {
    name: 'reverseRedemption',
    document: REVERSE,
    action: 'ledger:redemption',
    ledger: async (api, data, call) => {
      const { id } = data['reverseRedemption'] as { id: string };
      const row = await api.db.redemption.findUniqueOrThrow({ where: { id }, include: { coupon: { select: { status: true } } } });
      const input = call.variables['input'] as { requestId: string };
      expect(row).toMatchObject({ reversedByUserId: DEMO_IDS.users.harborManager, reverseRequestId: input.requestId, reverseReason: 'refund', coupon: { status: 'AVAILABLE' } });
      expect(row.reversedAt).toBeInstanceOf(Date);
    },
    valid: async (api) => {
      const redemption = await makeRedemption(api.db, await harborCoupon(api), { storeId: HQ });
      return { token: await manager(api), variables: { input: { redemptionId: redemption.id, requestId: requestId(), reason: 'refund' } } };
    },
    badInputs: async (api) => {
      const token = await manager(api);
      const redemption = await makeRedemption(api.db, await harborCoupon(api));
      return [
        { token, variables: { input: { redemptionId: 'redemption-1', requestId: requestId() } }, field: 'redemptionId' },
        { token, variables: { input: { redemptionId: redemption.id, requestId: 'short' } }, field: 'requestId' },
        { token, variables: { input: { redemptionId: redemption.id, requestId: requestId(), reason: 'x'.repeat(201) } }, field: 'reason' },
      ];
    },
  },
  {
    name: 'revokeCoupon',
    document: REVOKE,
    action: 'coupon.revoke',
    valid: async (api) => ({ token: await marketer(api), variables: { id: (await harborCoupon(api)).id, reason: 'issued by mistake' } }),
    badInputs: async (api) => {
      const token = await marketer(api);
      return [
        { token, variables: { id: 'coupon-1' }, field: 'id' },
        { token, variables: { id: (await harborCoupon(api)).id, reason: 'x'.repeat(201) }, field: 'reason' },
      ];
    },
  },
];

/** Redemption calls refused for authorization or state: they change nothing either. */
export const COUPON_REDEMPTION_FAILING_CALLS: FailingCall[] = [
  {
    name: 'redeemCoupon of a redeemed coupon',
    call: async (api) => {
      const coupon = await harborCoupon(api);
      await makeRedemption(api.db, coupon);
      return { document: REDEEM, token: await manager(api), variables: redeemInput(coupon.code), code: 'CONFLICT' };
    },
  },
  {
    name: "redeemCoupon by a clerk at a store it does not work at",
    call: async (api) => ({ document: REDEEM, token: await clerk(api), variables: redeemInput((await harborCoupon(api)).code, { storeId: DEMO_IDS.stores.harborPier }), code: 'FORBIDDEN' }),
  },
  {
    name: "redeemCoupon of another merchant's coupon",
    call: async (api) => {
      const lumen = await makeCoupon(api.db, await makeClaimableStock(api.db, DEMO_IDS.merchants.lumen));
      return { document: REDEEM, token: await manager(api), variables: redeemInput(lumen.code), code: 'NOT_FOUND' };
    },
  },
  {
    name: 'reverseRedemption of a reversed redemption',
    call: async (api) => {
      const redemption = await makeRedemption(api.db, await harborCoupon(api), { reversedAt: new Date(), reverseRequestId: requestId() });
      return { document: REVERSE, token: await manager(api), variables: { input: { redemptionId: redemption.id, requestId: requestId() } }, code: 'CONFLICT' };
    },
  },
  {
    name: 'revokeCoupon of a redeemed coupon',
    call: async (api) => {
      const coupon = await harborCoupon(api);
      await makeRedemption(api.db, coupon);
      return { document: REVOKE, token: await marketer(api), variables: { id: coupon.id }, code: 'CONFLICT' };
    },
  },
  {
    name: 'revokeCoupon by a clerk',
    call: async (api) => ({ document: REVOKE, token: await clerk(api), variables: { id: (await harborCoupon(api)).id }, code: 'FORBIDDEN' }),
  },
];
