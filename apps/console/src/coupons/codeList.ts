/**
 * Reading a merchant's code list (a CSV file) in the browser: one code per line, or a table with a
 * `code` column. The server is the judge of duplicates (within a chunk, against every uploaded code
 * and every coupon); this side only refuses what cannot be a code, before anything is sent.
 */

/** The server's rule: 6 to 64 letters, digits and hyphens. */
export const CODE_PATTERN = /^[A-Za-z0-9-]{6,64}$/;
/** What one uploadCouponCodes call takes. */
export const CHUNK_SIZE = 1000;

export interface InvalidLine {
  /** 1-based line number in the file, as a spreadsheet shows it. */
  line: number;
  value: string;
}

export type CodeList =
  | { ok: true; codes: string[] }
  | { ok: false; reason: 'empty' | 'no_code_column'; invalid: []; invalidCount: 0 }
  | { ok: false; reason: 'invalid'; invalid: InvalidLine[]; invalidCount: number };

interface Row {
  line: number;
  cells: string[];
}

/**
 * RFC 4180 rows: quoted cells may hold commas, quotes ("") and line breaks; CRLF, LF or CR end a
 * row; a byte-order mark is dropped. Each row keeps the line it starts on.
 */
export function parseCsv(text: string): Row[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push({ line: rowLine, cells });
    cells = [];
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && input[i + 1] !== '\n')) line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === ',') {
      endCell();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

/** The codes of a file, or why it cannot be uploaded (the first invalid lines, at most `maxInvalid`). */
export function readCodeList(text: string, maxInvalid = 5): CodeList {
  const rows = parseCsv(text).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!rows.length) return { ok: false, reason: 'empty', invalid: [], invalidCount: 0 };
  const header = rows[0].cells.map((c) => c.trim().toLowerCase());
  let column = header.indexOf('code');
  let body = rows.slice(1);
  if (column < 0) {
    // No header naming the column: a plain list, one code per line.
    if (rows.some((r) => r.cells.filter((c) => c.trim() !== '').length > 1)) return { ok: false, reason: 'no_code_column', invalid: [], invalidCount: 0 };
    column = 0;
    body = rows;
  }
  const codes: string[] = [];
  const invalid: InvalidLine[] = [];
  let invalidCount = 0;
  for (const row of body) {
    const value = (row.cells[column] ?? '').trim();
    if (value === '') continue;
    if (CODE_PATTERN.test(value)) {
      codes.push(value);
    } else {
      invalidCount++;
      if (invalid.length < maxInvalid) invalid.push({ line: row.line, value });
    }
  }
  if (invalidCount) return { ok: false, reason: 'invalid', invalid, invalidCount };
  if (!codes.length) return { ok: false, reason: 'empty', invalid: [], invalidCount: 0 };
  return { ok: true, codes };
}

export function chunks<T>(items: T[], size = CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** What the chunks added up to. */
export interface UploadSummary {
  sent: number;
  accepted: number;
  duplicateCount: number;
  /** The first duplicates the server listed, across chunks. */
  duplicates: string[];
  totalCodes: number;
  unusedCodes: number;
}

export const emptySummary = (): UploadSummary => ({ sent: 0, accepted: 0, duplicateCount: 0, duplicates: [], totalCodes: 0, unusedCodes: 0 });

export function addChunk(
  summary: UploadSummary,
  sent: number,
  result: { accepted: number; duplicateCount: number; duplicates: string[]; totalCodes: number; unusedCodes: number },
  keep = 50,
): UploadSummary {
  return {
    sent: summary.sent + sent,
    accepted: summary.accepted + result.accepted,
    duplicateCount: summary.duplicateCount + result.duplicateCount,
    duplicates: [...summary.duplicates, ...result.duplicates].slice(0, keep),
    totalCodes: result.totalCodes,
    unusedCodes: result.unusedCodes,
  };
}
