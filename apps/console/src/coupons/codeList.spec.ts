import { addChunk, chunks, emptySummary, parseCsv, readCodeList } from './codeList';

describe('parseCsv', () => {
  it('splits rows on CRLF, LF and CR, keeps quoted commas, quotes and line breaks, and drops a BOM', () => {
    const rows = parseCsv('\uFEFFcode,note\r\nAAA-111,"a, b"\nBBB-222,"say ""hi"""\rCCC-333,"two\nlines"\nDDD-444,x');
    expect(rows.map((r) => r.cells)).toEqual([
      ['code', 'note'],
      ['AAA-111', 'a, b'],
      ['BBB-222', 'say "hi"'],
      ['CCC-333', 'two\nlines'],
      ['DDD-444', 'x'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 6]);
  });

  it('has no empty last row for a trailing line break', () => {
    expect(parseCsv('A\nB\n').map((r) => r.cells)).toEqual([['A'], ['B']]);
  });
});

describe('readCodeList', () => {
  it('reads one code per line, trimmed, skipping blank lines', () => {
    expect(readCodeList('SUMMER-0001\r\n  SUMMER-0002 \n\n"SUMMER-0003"\n')).toEqual({ ok: true, codes: ['SUMMER-0001', 'SUMMER-0002', 'SUMMER-0003'] });
  });

  it('reads the `code` column of a table, whatever its position and case', () => {
    expect(readCodeList('customer,Code,batch\nann,ABC-123456,1\nbob,ABC-654321,1\n')).toEqual({ ok: true, codes: ['ABC-123456', 'ABC-654321'] });
  });

  it('keeps duplicates in the file for the server to report', () => {
    expect(readCodeList('AAAAAA\nAAAAAA\n')).toEqual({ ok: true, codes: ['AAAAAA', 'AAAAAA'] });
  });

  it('refuses a file with invalid codes, naming the first lines and counting all', () => {
    const result = readCodeList('code\nGOOD-0001\nbad\nGOOD_0002\nGOOD-0003\n' + 'x'.repeat(65) + '\nno\nnope\nnah\n', 3);
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      invalid: [
        { line: 3, value: 'bad' },
        { line: 4, value: 'GOOD_0002' },
        { line: 6, value: 'x'.repeat(65) },
      ],
      invalidCount: 6,
    });
  });

  it('refuses an empty file, and a table without a code column', () => {
    expect(readCodeList('\n \n')).toMatchObject({ ok: false, reason: 'empty' });
    expect(readCodeList('code\n')).toMatchObject({ ok: false, reason: 'empty' });
    expect(readCodeList('name,value\nAAAAAA,1\n')).toMatchObject({ ok: false, reason: 'no_code_column' });
  });
});

describe('chunks and the summary', () => {
  it('sends at most 1000 codes a chunk', () => {
    const codes = Array.from({ length: 2500 }, (_, i) => `CODE-${i}`);
    expect(chunks(codes).map((c) => c.length)).toEqual([1000, 1000, 500]);
  });

  it('adds the chunks up, keeping the stock totals of the last one and the first duplicates', () => {
    let summary = emptySummary();
    summary = addChunk(summary, 1000, { accepted: 998, duplicateCount: 2, duplicates: ['A', 'B'], totalCodes: 998, unusedCodes: 998 }, 3);
    summary = addChunk(summary, 500, { accepted: 498, duplicateCount: 2, duplicates: ['C', 'D'], totalCodes: 1496, unusedCodes: 1490 }, 3);
    expect(summary).toEqual({ sent: 1500, accepted: 1496, duplicateCount: 4, duplicates: ['A', 'B', 'C'], totalCodes: 1496, unusedCodes: 1490 });
  });
});
