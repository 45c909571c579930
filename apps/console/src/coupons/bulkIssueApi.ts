import { graphqlRequest } from '../graphql';

export const RUN_STATUSES = ['PENDING', 'RUNNING', 'COMPLETED', 'PARTIAL', 'FAILED'] as const;
export type BulkIssueStatus = (typeof RUN_STATUSES)[number];
export type BulkIssueItemStatus = 'PENDING' | 'ISSUED' | 'SKIPPED' | 'FAILED';

export interface BulkIssueOutcome {
  status: BulkIssueItemStatus;
  reason: string | null;
  count: number;
}

export interface BulkIssueRunRecord {
  id: string;
  merchantId: string;
  stockId: string;
  stockName: string;
  requestId: string;
  requestedByName: string | null;
  providerId: string | null;
  status: BulkIssueStatus;
  total: number;
  issued: number;
  skipped: number;
  failed: number;
  pending: number;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
  outcomes?: BulkIssueOutcome[];
}

export interface BulkIssueItemRecord {
  seq: number;
  customerRef: string;
  status: BulkIssueItemStatus;
  couponCode: string | null;
  reason: string | null;
  error: string | null;
}

/** The most items one `bulkIssueItems` page holds (the server's limit). */
export const ITEMS_PAGE = 500;

const RUN_FIELDS = 'id merchantId stockId stockName requestId requestedByName providerId status total issued skipped failed pending startedAt finishedAt createdAt';

export const isRunning = (run: Pick<BulkIssueRunRecord, 'status'> | undefined) => run?.status === 'PENDING' || run?.status === 'RUNNING';

/** Starts a run; replaying the same `requestId` with the same list returns the same run. */
export async function startBulkIssue(stockId: string, customerRefs: string[], requestId: string): Promise<BulkIssueRunRecord> {
  const data = await graphqlRequest<{ startBulkIssue: BulkIssueRunRecord }>(
    `mutation StartBulkIssue($input: StartBulkIssueInput!) { startBulkIssue(input: $input) { ${RUN_FIELDS} } }`,
    { input: { stockId, customerRefs, requestId } },
  );
  return data.startBulkIssue;
}

/** One run with how its items ended, by status and reason. */
export async function fetchBulkIssueRun(id: string): Promise<BulkIssueRunRecord> {
  const data = await graphqlRequest<{ BulkIssueRun: BulkIssueRunRecord }>(
    `query BulkIssueRun($id: ID!) { BulkIssueRun(id: $id) { ${RUN_FIELDS} outcomes { status reason count } } }`,
    { id },
  );
  return data.BulkIssueRun;
}

/** A stock's runs, newest first. */
export async function fetchBulkIssueRuns(stockId: string, perPage = 10): Promise<{ runs: BulkIssueRunRecord[]; count: number }> {
  const data = await graphqlRequest<{ allBulkIssueRuns: BulkIssueRunRecord[]; _allBulkIssueRunsMeta: { count: number } }>(
    `query BulkIssueRuns($filter: BulkIssueRunFilter, $perPage: Int) {
      allBulkIssueRuns(filter: $filter, perPage: $perPage, sortField: "createdAt", sortOrder: "DESC") { ${RUN_FIELDS} }
      _allBulkIssueRunsMeta(filter: $filter) { count }
    }`,
    { filter: { stockId }, perPage },
  );
  return { runs: data.allBulkIssueRuns, count: data._allBulkIssueRunsMeta.count };
}

export async function fetchBulkIssueItems(runId: string, options: { status?: BulkIssueItemStatus; page?: number; perPage?: number } = {}): Promise<BulkIssueItemRecord[]> {
  const data = await graphqlRequest<{ bulkIssueItems: BulkIssueItemRecord[] }>(
    `query BulkIssueItems($runId: ID!, $status: BulkIssueItemStatus, $page: Int, $perPage: Int) {
      bulkIssueItems(runId: $runId, status: $status, page: $page, perPage: $perPage) { seq customerRef status couponCode reason error }
    }`,
    { runId, status: options.status ?? null, page: options.page ?? 0, perPage: options.perPage ?? 50 },
  );
  return data.bulkIssueItems;
}

/** Every item of a run, page after page (`onPage` tells how far it got). */
export async function fetchAllBulkIssueItems(runId: string, total: number, onPage?: (loaded: number) => void): Promise<BulkIssueItemRecord[]> {
  const all: BulkIssueItemRecord[] = [];
  for (let page = 0; page * ITEMS_PAGE < total; page++) {
    const items = await fetchBulkIssueItems(runId, { page, perPage: ITEMS_PAGE });
    all.push(...items);
    onPage?.(all.length);
    if (items.length < ITEMS_PAGE) break;
  }
  return all;
}
