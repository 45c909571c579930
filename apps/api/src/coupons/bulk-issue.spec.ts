import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { type Job, type Queue, Worker } from 'bullmq';
import { loadConfig } from '@mop/api-kit';
import { BULK_ISSUE_CHUNK, BulkIssueRunner, bulkIssueRequestId, CouponClaimService, CouponCounterSync, CouponExpiryService, couponJobHandlers, MAX_BULK_ISSUE_REFS } from '@mop/coupons';
import { DEMO_IDS } from '@mop/data-access/testing';
import { type JobPayloads, JobName, QueueName } from '@mop/queues';
import { type ApiHarness, errorCode, startApi } from '../testing/api-harness';
import { enrolInCoupons, makeClaimableStock, makeCoupon } from './coupon-fixtures';

const HARBOR = DEMO_IDS.merchants.harbor;
const LUMEN = DEMO_IDS.merchants.lumen;
const RUN_FIELDS = 'id merchantId stockId stockName requestId requestedById requestedByName providerId status total issued skipped failed pending startedAt finishedAt outcomes { status reason count }';
const START = `mutation($i: StartBulkIssueInput!) { startBulkIssue(input: $i) { ${RUN_FIELDS} } }`;
const ITEMS = `query($runId: ID!, $status: BulkIssueItemStatus, $page: Int, $perPage: Int) {
  bulkIssueItems(runId: $runId, status: $status, page: $page, perPage: $perPage) { seq customerRef status couponId couponCode reason error }
}`;

interface Run {
  id: string;
  stockId: string;
  stockName: string;
  requestedById: string | null;
  requestedByName: string | null;
  providerId: string | null;
  status: string;
  total: number;
  issued: number;
  skipped: number;
  failed: number;
  pending: number;
  startedAt: string | null;
  finishedAt: string | null;
  outcomes: { status: string; reason: string | null; count: number }[];
}
interface Item {
  seq: number;
  customerRef: string;
  status: string;
  couponId: string | null;
  couponCode: string | null;
  reason: string | null;
  error: string | null;
}

describe('bulk issue', () => {
  let api: ApiHarness;
  let marketer: string;
  let runner: BulkIssueRunner;
  const rid = () => `bulk-${randomUUID()}`;
  const refs = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(5, '0')}`);
  const start = (token: string, i: Record<string, unknown>) => api.gql<{ startBulkIssue: Run }>(START, { i }, { token });
  const started = async (token: string, i: Record<string, unknown>) => {
    const res = await start(token, i);
    expect(res.errors).toBeUndefined();
    return (res.data as { startBulkIssue: Run }).startBulkIssue;
  };
  const readRun = async (id: string, token = marketer) => (await api.gql<{ BulkIssueRun: Run }>(`query($id: ID!) { BulkIssueRun(id: $id) { ${RUN_FIELDS} } }`, { id }, { token })).data?.BulkIssueRun as Run;
  const items = async (runId: string, vars: Record<string, unknown> = {}) => {
    const res = await api.gql<{ bulkIssueItems: Item[] }>(ITEMS, { runId, perPage: 500, ...vars }, { token: marketer });
    expect(res.errors).toBeUndefined();
    return (res.data as { bulkIssueItems: Item[] }).bulkIssueItems;
  };
  /** A stock handed out through bulk issue (and the mini-program): 100 coupons, one per customer unless `data` says otherwise. */
  const bulkStock = (data: Parameters<typeof makeClaimableStock>[2] = {}) => makeClaimableStock(api.db, HARBOR, { channels: ['BULK_ISSUE', 'MINI_PROGRAM'], ...data });
  /** Every coupon a run made, per customer. */
  const couponsPerCustomer = async (runId: string) => {
    const rows = await api.db.coupon.groupBy({ by: ['customerRef'], where: { bulkIssueRunId: runId }, _count: { _all: true } });
    return new Map(rows.map((r) => [r.customerRef, r._count._all]));
  };

  beforeAll(async () => {
    api = await startApi();
    marketer = await api.login('marketer@harbor.example');
    runner = api.app.get(BulkIssueRunner);
  });
  afterAll(() => api.close());
  afterEach(() => jest.restoreAllMocks());

  it('starts a run of the distinct customers in list order, audited, and enqueues its job under the run id', async () => {
    const stock = await bulkStock();
    const requestId = rid();
    const run = await started(marketer, { stockId: stock.id, customerRefs: ['ann', 'bob', 'ann', 'cy', 'bob', 'dee'], requestId });
    expect(run).toMatchObject({
      stockId: stock.id, stockName: stock.name, status: 'PENDING', total: 4, issued: 0, skipped: 0, failed: 0, pending: 4,
      requestedById: DEMO_IDS.users.harborMarketer, requestedByName: 'Maya Marketer', providerId: null, startedAt: null, finishedAt: null,
      outcomes: [{ status: 'PENDING', reason: null, count: 4 }],
    });
    expect((await items(run.id)).map((i) => [i.seq, i.customerRef, i.status])).toEqual([[1, 'ann', 'PENDING'], [2, 'bob', 'PENDING'], [3, 'cy', 'PENDING'], [4, 'dee', 'PENDING']]);
    const audit = await api.db.auditEvent.findMany({ where: { subjectType: 'BulkIssueRun', subjectId: run.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'bulk-issue.start', merchantId: HARBOR, changes: { stockId: stock.id, received: 6, customers: 4 } });
    expect(JSON.stringify(audit[0].changes)).not.toContain('ann');
    const job = await api.app.get<Queue>(getQueueToken(QueueName.Coupons)).getJob(run.id);
    expect(job).toMatchObject({ name: JobName.RunBulkIssue, data: { runId: run.id } });
  });

  it('is idempotent: the same request id and list return the same run; another list or stock is CONFLICT', async () => {
    const stock = await bulkStock();
    const other = await bulkStock();
    const requestId = rid();
    const list = refs('idem', 30);
    const all = await Promise.all([1, 2, 3].map(() => started(marketer, { stockId: stock.id, customerRefs: list, requestId })));
    expect(new Set(all.map((r) => r.id)).size).toBe(1);
    // Duplicates collapse the same way on a replay.
    expect((await started(marketer, { stockId: stock.id, customerRefs: [...list, list[0]], requestId })).id).toBe(all[0].id);
    expect(await api.db.bulkIssueRun.count({ where: { stockId: stock.id } })).toBe(1);
    expect(await api.db.bulkIssueItem.count({ where: { runId: all[0].id } })).toBe(30);

    for (const i of [
      { stockId: stock.id, customerRefs: list.slice(1), requestId },
      { stockId: stock.id, customerRefs: [...list].reverse(), requestId },
      { stockId: other.id, customerRefs: list, requestId },
    ]) {
      const res = await start(marketer, i);
      expect(errorCode(res)).toBe('CONFLICT');
      expect(res.errors?.[0].extensions).toMatchObject({ reason: 'IDEMPOTENCY_KEY_REUSED', field: 'requestId' });
    }
    expect(await api.db.bulkIssueRun.count({ where: { stockId: { in: [stock.id, other.id] } } })).toBe(1);
  });

  it('refuses what cannot run: no bulk issue channel, a bad ref, a paused stock, a clerk, another merchant', async () => {
    const mini = await makeClaimableStock(api.db, HARBOR);
    const noChannel = await start(marketer, { stockId: mini.id, customerRefs: ['a-1'], requestId: rid() });
    expect(errorCode(noChannel)).toBe('BAD_USER_INPUT');
    expect(noChannel.errors?.[0].extensions?.field).toBe('stockId');

    const stock = await bulkStock();
    const bad = await start(marketer, { stockId: stock.id, customerRefs: ['ok-1', 'ok-2', 'not ok'], requestId: rid() });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]).toMatchObject({ extensions: { field: 'customerRefs' }, message: expect.stringContaining('Customer reference 3 ("not ok")') });
    expect(errorCode(await start(marketer, { stockId: stock.id, customerRefs: [], requestId: rid() }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await start(marketer, { stockId: stock.id, customerRefs: ['x'.repeat(129)], requestId: rid() }))).toBe('BAD_USER_INPUT');

    const paused = await bulkStock({ status: 'PAUSED' });
    const refusal = await start(marketer, { stockId: paused.id, customerRefs: ['a-1'], requestId: rid() });
    expect(errorCode(refusal)).toBe('CONFLICT');
    expect(refusal.errors?.[0].extensions?.['reason']).toBe('NOT_ACTIVE');

    expect(errorCode(await start(await api.login('clerk@harbor.example'), { stockId: stock.id, customerRefs: ['a-1'], requestId: rid() }))).toBe('FORBIDDEN');
    await enrolInCoupons(api.db, LUMEN);
    const lumenStock = await makeClaimableStock(api.db, LUMEN, { channels: ['BULK_ISSUE'] });
    expect(errorCode(await start(marketer, { stockId: lumenStock.id, customerRefs: ['a-1'], requestId: rid() }))).toBe('NOT_FOUND');
    expect(await api.db.bulkIssueRun.count({ where: { stockId: { in: [mini.id, stock.id, paused.id, lumenStock.id] } } })).toBe(0);
  });

  it('takes the largest list in one request: 100,000 customers of the longest refs; one more is refused', async () => {
    const stock = await bulkStock();
    const longest = (i: number) => `${String(i).padStart(6, '0')}-${'r'.repeat(121)}`;
    const list = Array.from({ length: MAX_BULK_ISSUE_REFS }, (_, i) => longest(i));
    const tooMany = await start(marketer, { stockId: stock.id, customerRefs: [...list, longest(MAX_BULK_ISSUE_REFS)], requestId: rid() });
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0].message).toMatch(/at most 100,000 customers \(this list has 100,001\)/);
    const run = await started(marketer, { stockId: stock.id, customerRefs: list, requestId: rid() });
    expect(run).toMatchObject({ status: 'PENDING', total: MAX_BULK_ISSUE_REFS, pending: MAX_BULK_ISSUE_REFS });
    expect(await api.db.bulkIssueItem.count({ where: { runId: run.id } })).toBe(MAX_BULK_ISSUE_REFS);
    expect((await items(run.id, { page: 199 })).map((i) => i.seq)).toEqual(Array.from({ length: 500 }, (_, i) => 99_501 + i));
    // Not issued here: its job stays queued.
    await api.db.bulkIssueRun.update({ where: { id: run.id }, data: { status: 'FAILED' } });
  }, 60_000);

  it('issues one coupon per distinct customer; customers already at their limit are skipped with the reason', async () => {
    const stock = await bulkStock({ perCustomerLimit: 1 });
    await makeCoupon(api.db, stock, { customerRef: 'has-one', claimedVia: 'MINI_PROGRAM' });
    const run = await started(marketer, { stockId: stock.id, customerRefs: ['c-1', 'has-one', 'c-2', 'c-1', 'c-3'], requestId: rid() });
    const progress = await runner.run(run.id);
    expect(progress).toMatchObject({ status: 'COMPLETED', total: 4, issued: 3, skipped: 1, failed: 0 });

    const after = await readRun(run.id);
    expect(after).toMatchObject({ status: 'COMPLETED', issued: 3, skipped: 1, failed: 0, pending: 0, startedAt: expect.any(String), finishedAt: expect.any(String) });
    expect(after.outcomes).toEqual([{ status: 'ISSUED', reason: null, count: 3 }, { status: 'SKIPPED', reason: 'CUSTOMER_LIMIT', count: 1 }]);
    const list = await items(run.id);
    expect(list.map((i) => [i.customerRef, i.status, i.reason])).toEqual([['c-1', 'ISSUED', null], ['has-one', 'SKIPPED', 'CUSTOMER_LIMIT'], ['c-2', 'ISSUED', null], ['c-3', 'ISSUED', null]]);
    expect(list[1].error).toMatch(/already holds 1 coupon/);
    const skippedOnly = await items(run.id, { status: 'SKIPPED' });
    expect(skippedOnly.map((i) => i.customerRef)).toEqual(['has-one']);

    const coupons = await api.db.coupon.findMany({ where: { bulkIssueRunId: run.id }, orderBy: { customerRef: 'asc' } });
    expect(coupons.map((c) => c.customerRef)).toEqual(['c-1', 'c-2', 'c-3']);
    for (const c of coupons) {
      expect(c).toMatchObject({ stockId: stock.id, claimedVia: 'BULK_ISSUE', claimedByUserId: DEMO_IDS.users.harborMarketer, claimedByProviderId: null, claimedInSandbox: false, claimRequestId: bulkIssueRequestId(run.id, c.customerRef) });
      expect(list.find((i) => i.customerRef === c.customerRef)).toMatchObject({ couponId: c.id, couponCode: c.code });
    }
    await api.app.get(CouponCounterSync).flush();
    expect(await api.db.couponStock.findUniqueOrThrow({ where: { id: stock.id } })).toMatchObject({ claimedCount: 4, remaining: 96 });
    // A finished run is not run again.
    expect(await runner.run(run.id)).toMatchObject({ status: 'COMPLETED', issued: 3 });
    expect(await api.db.coupon.count({ where: { bulkIssueRunId: run.id } })).toBe(3);
  });

  it('once the stock is sold out, skips the rest of the list without claiming', async () => {
    const stock = await bulkStock({ totalQuantity: 5 });
    const run = await started(marketer, { stockId: stock.id, customerRefs: refs('so', 12), requestId: rid() });
    const claims = jest.spyOn(api.app.get(CouponClaimService), 'claimFor');
    expect(await runner.run(run.id)).toMatchObject({ status: 'COMPLETED', issued: 5, skipped: 7, failed: 0 });
    // Five coupons, then the refusal; the lanes already claiming when it came may each be refused too.
    expect(claims.mock.calls.length).toBeLessThanOrEqual(5 + 4);
    const list = await items(run.id);
    expect(list.slice(0, 5).every((i) => i.status === 'ISSUED')).toBe(true);
    expect(list.slice(5).map((i) => [i.status, i.reason])).toEqual(Array.from({ length: 7 }, () => ['SKIPPED', 'SOLD_OUT']));
    expect((await readRun(run.id)).outcomes).toEqual([{ status: 'SKIPPED', reason: 'SOLD_OUT', count: 7 }, { status: 'ISSUED', reason: null, count: 5 }]);
  });

  it('resumes after a pass dies mid-chunk: no customer gets two coupons, every coupon is recorded once', async () => {
    const stock = await bulkStock({ totalQuantity: 1000 });
    const list = refs('crash', 2 * BULK_ISSUE_CHUNK + 50);
    const run = await started(marketer, { stockId: stock.id, customerRefs: list, requestId: rid() });
    const claims = api.app.get(CouponClaimService);
    const claimFor = claims.claimFor.bind(claims);
    let calls = 0;
    // The worker dies 50 claims into the second chunk: those claims committed, the chunk's record did not.
    jest.spyOn(claims, 'claimFor').mockImplementation(async (req) => {
      calls += 1;
      if (calls === BULK_ISSUE_CHUNK + 51) throw new Error('worker killed');
      return claimFor(req);
    });
    await expect(runner.run(run.id)).rejects.toThrow('worker killed');
    jest.restoreAllMocks();

    const midway = await readRun(run.id);
    expect(midway).toMatchObject({ status: 'RUNNING', issued: BULK_ISSUE_CHUNK, pending: list.length - BULK_ISSUE_CHUNK });
    const committed = await api.db.coupon.count({ where: { bulkIssueRunId: run.id } });
    expect(committed).toBeGreaterThanOrEqual(BULK_ISSUE_CHUNK + 50);
    expect(committed).toBeLessThan(list.length);

    // Two workers pick the run up at once (the retry and a re-enqueued job), then one more pass.
    const passes = await Promise.all([runner.run(run.id), runner.run(run.id)]);
    expect(passes.some((p) => p?.status === 'COMPLETED')).toBe(true);
    expect(await runner.run(run.id)).toMatchObject({ status: 'COMPLETED', total: list.length, issued: list.length, skipped: 0, failed: 0 });

    const perCustomer = await couponsPerCustomer(run.id);
    expect(perCustomer.size).toBe(list.length);
    expect([...perCustomer.values()].every((n) => n === 1)).toBe(true);
    const rows = await api.db.bulkIssueItem.findMany({ where: { runId: run.id }, select: { customerRef: true, status: true, couponId: true } });
    expect(rows.every((r) => r.status === 'ISSUED' && r.couponId)).toBe(true);
    expect(new Set(rows.map((r) => r.couponId)).size).toBe(list.length);
    const coupons = await api.db.coupon.findMany({ where: { bulkIssueRunId: run.id }, select: { id: true, customerRef: true } });
    const byRef = new Map(coupons.map((c) => [c.customerRef, c.id]));
    expect(rows.every((r) => byRef.get(r.customerRef) === r.couponId)).toBe(true);
    expect(await readRun(run.id)).toMatchObject({ issued: list.length, pending: 0 });
  });

  it('records an unexpected error as the item\'s failure on the last attempt, and ends PARTIAL', async () => {
    const stock = await bulkStock();
    const run = await started(marketer, { stockId: stock.id, customerRefs: ['p-1', 'p-2', 'p-3'], requestId: rid() });
    const claims = api.app.get(CouponClaimService);
    const claimFor = claims.claimFor.bind(claims);
    jest.spyOn(claims, 'claimFor').mockImplementation(async (req) => {
      if (req.customerRef === 'p-2') throw new Error('connection reset');
      return claimFor(req);
    });
    await expect(runner.run(run.id)).rejects.toThrow('connection reset');
    expect(await runner.run(run.id, { finalAttempt: true })).toMatchObject({ status: 'PARTIAL', issued: 2, failed: 1 });
    const failed = await items(run.id, { status: 'FAILED' });
    expect(failed).toEqual([expect.objectContaining({ customerRef: 'p-2', reason: 'ERROR', error: 'connection reset', couponId: null })]);
  });

  it('skips the rest once the provider that started the run loses its authorization', async () => {
    const stock = await bulkStock();
    const operator = await api.login('operator@nimbus.example');
    const run = await started(operator, { stockId: stock.id, customerRefs: refs('prov', 3), requestId: rid() });
    expect(run).toMatchObject({ providerId: DEMO_IDS.providers.nimbus, requestedById: DEMO_IDS.users.nimbusOperator });
    const id = DEMO_IDS.authorizations.nimbusHarbor;
    const before = await api.db.authorization.findUniqueOrThrow({ where: { id } });
    await api.db.authorization.update({ where: { id }, data: { status: 'REVOKED' } });
    try {
      expect(await runner.run(run.id)).toMatchObject({ status: 'COMPLETED', issued: 0, skipped: 3 });
    } finally {
      await api.db.authorization.update({ where: { id }, data: { status: before.status } });
    }
    expect((await items(run.id)).map((i) => i.reason)).toEqual(['AUTHORIZATION_REVOKED', 'AUTHORIZATION_REVOKED', 'AUTHORIZATION_REVOKED']);

    const again = await started(operator, { stockId: stock.id, customerRefs: refs('prov2', 2), requestId: rid() });
    await runner.run(again.id);
    const coupons = await api.db.coupon.findMany({ where: { bulkIssueRunId: again.id } });
    expect(coupons.map((c) => [c.claimedByProviderId, c.claimedByUserId])).toEqual([
      [DEMO_IDS.providers.nimbus, DEMO_IDS.users.nimbusOperator],
      [DEMO_IDS.providers.nimbus, DEMO_IDS.users.nimbusOperator],
    ]);
  });

  it('lists runs through the ability: the merchant and its provider see them, another merchant does not', async () => {
    const stock = await bulkStock();
    const run = await started(marketer, { stockId: stock.id, customerRefs: ['l-1'], requestId: rid() });
    const list = (token: string) => api.gql<{ allBulkIssueRuns: { id: string }[]; _allBulkIssueRunsMeta: { count: number } }>(
      'query($f: BulkIssueRunFilter) { allBulkIssueRuns(filter: $f, perPage: 10) { id } _allBulkIssueRunsMeta(filter: $f) { count } }', { f: { stockId: stock.id } }, { token },
    );
    expect((await list(marketer)).data).toEqual({ allBulkIssueRuns: [{ id: run.id }], _allBulkIssueRunsMeta: { count: 1 } });
    expect((await list(await api.login('admin@nimbus.example'))).data?.allBulkIssueRuns).toEqual([{ id: run.id }]);
    await enrolInCoupons(api.db, LUMEN);
    expect((await list(await api.login('owner@lumen.example'))).data).toEqual({ allBulkIssueRuns: [], _allBulkIssueRunsMeta: { count: 0 } });
    const lumenItems = await api.gql(ITEMS, { runId: run.id }, { token: await api.login('owner@lumen.example') });
    expect(errorCode(lumenItems)).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(ITEMS, { runId: run.id, perPage: 501 }, { token: marketer }))).toBe('BAD_USER_INPUT');
  });

  it('the sweep gives a run whose job is gone its job back', async () => {
    const stock = await bulkStock();
    const run = await started(marketer, { stockId: stock.id, customerRefs: ['s-1', 's-2'], requestId: rid() });
    const queue = api.app.get<Queue>(getQueueToken(QueueName.Coupons));
    await (await queue.getJob(run.id))?.remove();
    await api.db.bulkIssueRun.update({ where: { id: run.id }, data: { status: 'RUNNING', updatedAt: new Date(Date.now() - 10 * 60_000) } });
    expect(await runner.sweep()).toBeGreaterThanOrEqual(1);
    expect(await queue.getJob(run.id)).toMatchObject({ name: JobName.RunBulkIssue, data: { runId: run.id } });
    // A run with a live job is left to it.
    expect(await runner.sweep(new Date())).toBe(0);
  });

  it('a worker on the coupons queue takes the job the start enqueued and issues the run', async () => {
    const url = new URL(loadConfig().redisUrl);
    const handlers = couponJobHandlers(runner, api.app.get(CouponExpiryService), api.app.get(CouponCounterSync));
    const worker = new Worker(
      QueueName.Coupons,
      async (job: Job) => (handlers[job.name as JobName] as (p: JobPayloads[JobName], j: Job) => Promise<unknown>)(job.data, job),
      { prefix: api.redisPrefix, connection: { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null } },
    );
    try {
      const stock = await bulkStock();
      const run = await started(marketer, { stockId: stock.id, customerRefs: refs('w', 25), requestId: rid() });
      const deadline = Date.now() + 30_000;
      let now = await readRun(run.id);
      while (now.status !== 'COMPLETED' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        now = await readRun(run.id);
      }
      expect(now).toMatchObject({ status: 'COMPLETED', issued: 25, pending: 0 });
      expect([...(await couponsPerCustomer(run.id)).values()]).toEqual(Array.from({ length: 25 }, () => 1));
    } finally {
      await worker.close();
    }
  });
});
