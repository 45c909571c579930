import { codeCandidates, couponSearchTerm, CUSTOMER_REF_PATTERN, formatCode, newRequestId } from './couponCode';

describe('coupon codes', () => {
  it('groups a generated code by four for reading, and leaves codes with their own hyphens alone', () => {
    expect(formatCode('ABCDEFGHJKMNPQRS')).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(formatCode('HC12-00001')).toBe('HC12-00001');
    expect(formatCode('SHORT1')).toBe('SHORT1');
    expect(formatCode('latte2026x')).toBe('latt-e202-6x');
  });

  it('turns what a clerk types or pastes back into the raw generated code first', () => {
    expect(codeCandidates('abcd-efgh-jkmn-pqrs')[0]).toBe('ABCDEFGHJKMNPQRS');
    expect(codeCandidates('  ABCD EFGH  JKMN PQRS ')[0]).toBe('ABCDEFGHJKMNPQRS');
    expect(codeCandidates('ABCDEFGHJKMNPQRS')).toEqual(['ABCDEFGHJKMNPQRS']);
    // Read aloud: O is zero, I and L are one (Crockford), when the result is a generated code.
    expect(codeCandidates('O0ab-cdef-ghjk-mnIL')[0]).toBe('00ABCDEFGHJKMN11');
  });

  it('keeps the forms an uploaded code may have: its hyphens and its case', () => {
    const candidates = codeCandidates('hc12-00001');
    expect(candidates).toEqual(['hc12-00001', 'hc1200001', 'HC12-00001', 'HC1200001']);
    expect(codeCandidates('HC12-00001')).toEqual(['HC12-00001', 'HC1200001']);
  });

  it('refuses what cannot be a code', () => {
    expect(codeCandidates('')).toEqual([]);
    expect(codeCandidates('   ')).toEqual([]);
    expect(codeCandidates('abc;drop')).toEqual([]);
    expect(codeCandidates('x'.repeat(129))).toEqual([]);
  });

  it('searches a pasted grouped code as the raw code and anything else as typed', () => {
    expect(couponSearchTerm(' abcd-efgh-jkmn-pqrs ')).toBe('ABCDEFGHJKMNPQRS');
    expect(couponSearchTerm('customer-42')).toBe('customer-42');
    expect(couponSearchTerm('wxyz-wxyz-wxyz-wxyu')).toBe('wxyz-wxyz-wxyz-wxyu');
  });

  it('makes request ids the server accepts, different every time', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newRequestId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('checks customer references as the server does', () => {
    expect(CUSTOMER_REF_PATTERN.test('wx:o6_u7+test@shop.cn')).toBe(true);
    expect(CUSTOMER_REF_PATTERN.test('has space')).toBe(false);
    expect(CUSTOMER_REF_PATTERN.test('')).toBe(false);
  });
});
