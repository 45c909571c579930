import { parseCsv } from './codeList';
import { csvCell, toCsv } from './couponCsv';

describe('coupon CSV', () => {
  it('quotes what would break a cell, and only that', () => {
    expect(csvCell('ABCDEFGH')).toBe('ABCDEFGH');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(1250)).toBe('1250');
  });

  it('keeps spreadsheets from running a cell as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+8613800000000')).toBe("'+8613800000000");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@sum')).toBe("'@sum");
    // Numbers are numbers, not text that looks like a formula.
    expect(csvCell(-1)).toBe('-1');
  });

  it('writes a header row, CRLF line ends and a byte-order mark; a CSV reader gets the values back', () => {
    const rows = [
      { code: 'ABCD', name: '秋季拿铁, 立减 ¥5' },
      { code: 'EFGH', name: 'Plain "quoted"' },
    ];
    const csv = toCsv(rows, [
      { header: 'Code', value: (r) => r.code },
      { header: 'Stock', value: (r) => r.name },
    ]);
    expect(csv.startsWith('\uFEFFCode,Stock\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv).map((r) => r.cells)).toEqual([
      ['Code', 'Stock'],
      ['ABCD', '秋季拿铁, 立减 ¥5'],
      ['EFGH', 'Plain "quoted"'],
    ]);
  });
});
