import { randomUUID } from 'node:crypto';
import { enrolInCoupons, makeClaimableStock } from '../../coupons/coupon-fixtures';
import type { TenantRecords } from '../../testing/tenant-fixtures';
import { type Actor, type CaseContext, classify, type Operation, PLATFORM, readOperations, type Side } from './matrix-kit';

/** Who reads a merchant's bulk issue runs: its staff but clerks, a provider managing its coupons, the platform. */
const READERS: Record<Side, Actor[]> = { own: [...PLATFORM, 'OWNER', 'MANAGER', 'MARKETER', 'PROVIDER_ADMIN', 'PROVIDER_OPERATOR'], other: PLATFORM };
/** Who starts one: the same but the reviewer (it reads, it does not act). */
const STARTERS: Record<Side, Actor[]> = { own: ['PLATFORM_ADMIN', 'OWNER', 'MANAGER', 'MARKETER', 'PROVIDER_ADMIN', 'PROVIDER_OPERATOR'], other: ['PLATFORM_ADMIN'] };

const enrolled = new WeakMap<TenantRecords, Promise<void>>();

/** A fresh stock of the side's merchant handed out by bulk issue (both sides' merchants have merchant coupons here). */
async function bulkStockFor(c: CaseContext) {
  let done = enrolled.get(c.t);
  if (!done) {
    done = enrolInCoupons(c.api.db, c.t.merchantId);
    enrolled.set(c.t, done);
  }
  await done;
  return makeClaimableStock(c.api.db, c.t.merchantId, { name: `Matrix bulk ${randomUUID().slice(0, 8)}`, channels: ['BULK_ISSUE'] });
}

/** A run of the side's merchant, as a start leaves it (its job is not needed to read it). */
async function runFor(c: CaseContext) {
  const stock = await bulkStockFor(c);
  return c.api.db.bulkIssueRun.create({
    data: {
      merchantId: stock.merchantId, stockId: stock.id, requestId: `matrix-${randomUUID()}`, inputDigest: 'matrix', total: 1,
      items: { create: [{ merchantId: stock.merchantId, seq: 1, customerRef: 'matrix-customer' }] },
    },
  });
}

export const BULK_ISSUE_OPERATIONS: Operation[] = [
  ...readOperations('BulkIssueRun', 'BulkIssueRuns', async (_t, _a, c) => (await runFor(c)).id, READERS),
  {
    name: 'bulkIssueItems',
    expected: READERS,
    run: async (c) => {
      const run = await runFor(c);
      const res = await c.api.gql('query($r: ID!) { bulkIssueItems(runId: $r) { customerRef } }', { r: run.id }, { token: c.token });
      return classify(res, (d) => ((d['bulkIssueItems'] as { customerRef: string }[] | null) ?? []).some((i) => i.customerRef === 'matrix-customer'));
    },
  },
  {
    name: 'startBulkIssue',
    expected: STARTERS,
    run: async (c) => {
      const stock = await bulkStockFor(c);
      const input = { stockId: stock.id, customerRefs: ['matrix-customer'], requestId: `matrix-${randomUUID()}` };
      const res = await c.api.gql('mutation($i: StartBulkIssueInput!) { startBulkIssue(input: $i) { id stockId } }', { i: input }, { token: c.token });
      return classify(res, (d) => (d['startBulkIssue'] as { stockId: string } | null)?.stockId === stock.id);
    },
  },
];
