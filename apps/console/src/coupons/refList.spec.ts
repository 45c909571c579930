import { MAX_REFS, readRefList, reportCsv } from './refList';

describe('readRefList', () => {
  it('reads one ref per line, keeping the first occurrence of a repeated ref', () => {
    expect(readRefList('u-1\r\nu-2\n\nu-1\nu-3\n')).toEqual({ ok: true, refs: ['u-1', 'u-2', 'u-3'], lines: 4, repeated: 1 });
  });

  it('reads the customerRef column of a table, whatever its case and position', () => {
    const csv = '\uFEFFname,CustomerRef,city\n"Lee, Ann",ann@shop,Paris\nBob,bob.1,"Rome"\n';
    expect(readRefList(csv)).toEqual({ ok: true, refs: ['ann@shop', 'bob.1'], lines: 2, repeated: 0 });
  });

  it('names the first line that is not a ref, as a spreadsheet numbers it, and counts them all', () => {
    expect(readRefList('customerRef\nok-1\nnot ok\nok-2\nalso bad!\n')).toEqual({ ok: false, reason: 'invalid', first: { line: 3, value: 'not ok' }, count: 2 });
    expect(readRefList(`${'x'.repeat(129)}\n`)).toMatchObject({ ok: false, reason: 'invalid', first: { line: 1 } });
  });

  it('refuses an empty file, a table without the column and a list over the limit', () => {
    expect(readRefList('\n \n')).toEqual({ ok: false, reason: 'empty' });
    expect(readRefList('customerRef\n')).toEqual({ ok: false, reason: 'empty' });
    expect(readRefList('id,name\n1,Ann\n')).toEqual({ ok: false, reason: 'no_ref_column' });
    const many = Array.from({ length: MAX_REFS + 1 }, (_, i) => `c${i}`).join('\n');
    expect(readRefList(many)).toEqual({ ok: false, reason: 'too_many', count: MAX_REFS + 1 });
  });
});

describe('reportCsv', () => {
  it('writes one line per customer, quoting what needs it and defusing what a spreadsheet would run', () => {
    const csv = reportCsv([
      { seq: 1, customerRef: 'ann', status: 'ISSUED', couponCode: 'ABCD', reason: null, error: null },
      { seq: 2, customerRef: '+8613800000000', status: 'SKIPPED', couponCode: null, reason: 'CUSTOMER_LIMIT', error: 'holds 1, the most "allowed", per customer' },
    ]);
    expect(csv).toBe(
      '\uFEFFline,customerRef,status,couponCode,reason,detail\r\n1,ann,ISSUED,ABCD,,\r\n2,\'+8613800000000,SKIPPED,,CUSTOMER_LIMIT,"holds 1, the most ""allowed"", per customer"\r\n',
    );
  });
});
