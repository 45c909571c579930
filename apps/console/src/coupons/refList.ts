/**
 * Reading a bulk issue's customer list (a CSV file) in the browser: one customer ref per line, or a
 * table with a `customerRef` column. Refs follow the server's rule; a ref listed twice gets one coupon,
 * so the list is reduced to its distinct refs, in the order of their first line.
 */
import type { BulkIssueItemRecord } from './bulkIssueApi';
import { type InvalidLine, parseCsv } from './codeList';
import { toCsv } from './couponCsv';

/** The server's rule for a customer ref: 1 to 128 of these characters. */
export const REF_PATTERN = /^[A-Za-z0-9._:@+-]{1,128}$/;
/** The most distinct customers one run issues to (the server's limit). */
export const MAX_REFS = 100_000;
const REF_COLUMN = 'customerref';

export type RefList =
  | { ok: true; refs: string[]; lines: number; repeated: number }
  | { ok: false; reason: 'empty' | 'no_ref_column'; count?: number }
  | { ok: false; reason: 'too_many'; count: number }
  | { ok: false; reason: 'invalid'; first: InvalidLine; count: number };

export function readRefList(text: string): RefList {
  const rows = parseCsv(text).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!rows.length) return { ok: false, reason: 'empty' };
  let column = rows[0].cells.findIndex((c) => c.trim().toLowerCase() === REF_COLUMN);
  let body = rows.slice(1);
  if (column < 0) {
    // No header naming the column: a plain list, one ref per line.
    if (rows.some((r) => r.cells.filter((c) => c.trim() !== '').length > 1)) return { ok: false, reason: 'no_ref_column' };
    column = 0;
    body = rows;
  }
  const refs: string[] = [];
  let lines = 0;
  let first: InvalidLine | null = null;
  let invalid = 0;
  for (const row of body) {
    const value = (row.cells[column] ?? '').trim();
    if (value === '') continue;
    lines++;
    if (REF_PATTERN.test(value)) refs.push(value);
    else {
      invalid++;
      first ??= { line: row.line, value: value.length > 70 ? `${value.slice(0, 70)}…` : value };
    }
  }
  if (first) return { ok: false, reason: 'invalid', first, count: invalid };
  const distinct = [...new Set(refs)];
  if (!distinct.length) return { ok: false, reason: 'empty' };
  if (distinct.length > MAX_REFS) return { ok: false, reason: 'too_many', count: distinct.length };
  return { ok: true, refs: distinct, lines, repeated: lines - distinct.length };
}

/** The report a merchant downloads: one line per customer, in list order (written like every CSV of the console). */
export function reportCsv(items: readonly BulkIssueItemRecord[]): string {
  return toCsv(items, [
    { header: 'line', value: (i) => i.seq },
    { header: 'customerRef', value: (i) => i.customerRef },
    { header: 'status', value: (i) => i.status },
    { header: 'couponCode', value: (i) => i.couponCode },
    { header: 'reason', value: (i) => i.reason },
    { header: 'detail', value: (i) => i.error },
  ]);
}
