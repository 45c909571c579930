import { formatChangeValue, toChangeRows } from './changes';

describe('audit changes', () => {
  it('reads before/after snapshots as rows per field', () => {
    expect(toChangeRows({ before: { displayName: 'A', locale: 'en' }, after: { displayName: 'B', locale: 'en' } })).toEqual([
      { field: 'displayName', before: 'A', after: 'B' },
      { field: 'locale', before: 'en', after: 'en' },
    ]);
  });

  it('reads per-field from/to and [old, new] pairs', () => {
    expect(toChangeRows({ status: { from: 'ACTIVE', to: 'DISABLED' }, tags: ['a', 'b'] })).toEqual([
      { field: 'status', before: 'ACTIVE', after: 'DISABLED' },
      { field: 'tags', before: 'a', after: 'b' },
    ]);
  });

  it('shows plain values as the new value and leaves non-objects to the JSON view', () => {
    expect(toChangeRows({ reason: 'spam' })).toEqual([{ field: 'reason', before: undefined, after: 'spam' }]);
    expect(toChangeRows(null)).toBeUndefined();
    expect(toChangeRows([1, 2])).toBeUndefined();
    expect(toChangeRows({})).toEqual([]);
  });

  it('formats values', () => {
    expect(formatChangeValue('x')).toBe('x');
    expect(formatChangeValue(undefined)).toBe('');
    expect(formatChangeValue({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
