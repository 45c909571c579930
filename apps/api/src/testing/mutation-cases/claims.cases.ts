import { randomUUID } from 'node:crypto';
import { DEMO_IDS } from '@mop/data-access/testing';
import { makeClaimableStock } from '../../coupons/coupon-fixtures';
import type { ApiHarness } from '../api-harness';
import type { FailingCall, MutationCase } from './mutation-case';

const HARBOR = DEMO_IDS.merchants.harbor;
const CLAIM = 'mutation($input: ClaimCouponInput!) { claimCoupon(input: $input) { id claimRequestId } }';
const marketer = (api: ApiHarness) => api.login('marketer@harbor.example');
const input = (stockId: string, overrides: Record<string, unknown> = {}) => ({ input: { stockId, customerRef: 'case-customer', requestId: `case-${randomUUID()}`, ...overrides } });

export const CLAIM_MUTATION_CASES: MutationCase[] = [
  {
    name: 'claimCoupon',
    document: CLAIM,
    action: 'ledger:coupon',
    // The coupon row is the claim's record: who (the marketer, in the sandbox), with which request id.
    ledger: async (api, data, call) => {
      const { id } = data['claimCoupon'] as { id: string };
      const row = await api.db.coupon.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ claimedByUserId: DEMO_IDS.users.harborMarketer, claimedInSandbox: true, claimRequestId: (call.variables['input'] as { requestId: string }).requestId });
    },
    valid: async (api) => ({ token: await marketer(api), variables: input((await makeClaimableStock(api.db, HARBOR)).id) }),
    badInputs: async (api) => {
      const token = await marketer(api);
      const { id } = await makeClaimableStock(api.db, HARBOR);
      return [
        { token, variables: input(id, { customerRef: '' }), field: 'customerRef' },
        { token, variables: input(id, { customerRef: 'x'.repeat(129) }), field: 'customerRef' },
        { token, variables: input(id, { requestId: 'short' }), field: 'requestId' },
        { token, variables: input('stock-1'), field: 'stockId' },
        { token, variables: input(id, { channel: 'BULK_ISSUE' }), field: 'channel' },
        { token, variables: input(id, { channel: 'CARD_WALLET' }), field: 'channel' },
      ];
    },
  },
];

export const CLAIM_FAILING_CALLS: FailingCall[] = [
  {
    name: 'claimCoupon on a paused stock',
    call: async (api) => {
      const stock = await makeClaimableStock(api.db, HARBOR, { status: 'PAUSED' });
      return { token: await marketer(api), document: CLAIM, variables: input(stock.id), code: 'CONFLICT' };
    },
  },
  {
    name: 'claimCoupon by a clerk',
    call: async (api) => {
      const stock = await makeClaimableStock(api.db, HARBOR);
      return { token: await api.login('clerk@harbor.example'), document: CLAIM, variables: input(stock.id), code: 'FORBIDDEN' };
    },
  },
];
