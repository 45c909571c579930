/**
 * Writing coupons as CSV (RFC 4180) for spreadsheets: every cell quoted when it must be, CRLF line
 * ends, a byte-order mark so that Excel reads UTF-8 (Chinese stock names), and cells that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR: customer references may start with + or -)
 * prefixed with an apostrophe, as OWASP advises against CSV injection.
 */

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => csvCell(c.header)), ...rows.map((row) => columns.map((c) => csvCell(c.value(row))))];
  return `\uFEFF${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}
