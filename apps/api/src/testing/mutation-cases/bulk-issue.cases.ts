import { randomUUID } from 'node:crypto';
import { DEMO_IDS } from '@mop/data-access/testing';
import { makeClaimableStock } from '../../coupons/coupon-fixtures';
import type { ApiHarness } from '../api-harness';
import type { FailingCall, MutationCase } from './mutation-case';

const HARBOR = DEMO_IDS.merchants.harbor;
const START = 'mutation($input: StartBulkIssueInput!) { startBulkIssue(input: $input) { id total } }';
const marketer = (api: ApiHarness) => api.login('marketer@harbor.example');
const bulkStock = (api: ApiHarness, data: Parameters<typeof makeClaimableStock>[2] = {}) => makeClaimableStock(api.db, HARBOR, { channels: ['BULK_ISSUE'], ...data });
const input = (stockId: string, overrides: Record<string, unknown> = {}) => ({ input: { stockId, customerRefs: ['case-1', 'case-2'], requestId: `case-${randomUUID()}`, ...overrides } });

export const BULK_ISSUE_MUTATION_CASES: MutationCase[] = [
  {
    name: 'startBulkIssue',
    document: START,
    action: 'bulk-issue.start',
    valid: async (api) => ({ token: await marketer(api), variables: input((await bulkStock(api)).id) }),
    badInputs: async (api) => {
      const token = await marketer(api);
      const { id } = await bulkStock(api);
      const miniProgramOnly = await makeClaimableStock(api.db, HARBOR);
      return [
        { token, variables: input(id, { customerRefs: [] }), field: 'customerRefs' },
        { token, variables: input(id, { customerRefs: ['fine', ''] }), field: 'customerRefs' },
        { token, variables: input(id, { customerRefs: ['fine', 'x'.repeat(129)] }), field: 'customerRefs' },
        { token, variables: input(id, { customerRefs: ['white space'] }), field: 'customerRefs' },
        { token, variables: input(id, { requestId: 'short' }), field: 'requestId' },
        { token, variables: input('stock-1'), field: 'stockId' },
        { token, variables: input(miniProgramOnly.id), field: 'stockId' },
      ];
    },
  },
];

export const BULK_ISSUE_FAILING_CALLS: FailingCall[] = [
  {
    name: 'startBulkIssue on a paused stock',
    call: async (api) => ({ token: await marketer(api), document: START, variables: input((await bulkStock(api, { status: 'PAUSED' })).id), code: 'CONFLICT' }),
  },
  {
    name: 'startBulkIssue by a clerk',
    call: async (api) => ({ token: await api.login('clerk@harbor.example'), document: START, variables: input((await bulkStock(api)).id), code: 'FORBIDDEN' }),
  },
  {
    name: 'startBulkIssue replaying a request id with another list',
    call: async (api) => {
      const token = await marketer(api);
      const stock = await bulkStock(api);
      const first = input(stock.id);
      const res = await api.gql(START, first, { token });
      if (res.errors) throw new Error(`the first start failed: ${JSON.stringify(res.errors)}`);
      return { token, document: START, variables: { input: { ...first.input, customerRefs: ['someone-else'] } }, code: 'CONFLICT' };
    },
  },
];
