import { MAX_MINOR, parseAmount } from './amount';

describe('order amounts typed at the counter', () => {
  it('reads major units into exact minor units', () => {
    expect(parseAmount('30', 'CNY')).toEqual({ ok: true, minor: 3000 });
    expect(parseAmount('30.5', 'CNY')).toEqual({ ok: true, minor: 3050 });
    expect(parseAmount('0.29', 'CNY')).toEqual({ ok: true, minor: 29 });
    expect(parseAmount('19.99', 'USD')).toEqual({ ok: true, minor: 1999 });
    expect(parseAmount('1.10', 'CNY')).toEqual({ ok: true, minor: 110 });
    expect(parseAmount('500', 'JPY')).toEqual({ ok: true, minor: 500 });
    expect(parseAmount('0', 'CNY')).toEqual({ ok: true, minor: 0 });
  });

  it('accepts what people type: a comma for the decimals, thousands separators, a currency sign, spaces', () => {
    expect(parseAmount('30,50', 'CNY')).toEqual({ ok: true, minor: 3050 });
    expect(parseAmount('1,234.50', 'CNY')).toEqual({ ok: true, minor: 123450 });
    expect(parseAmount('1,234', 'CNY')).toEqual({ ok: true, minor: 123400 });
    expect(parseAmount(' ¥ 30 ', 'CNY')).toEqual({ ok: true, minor: 3000 });
    expect(parseAmount('1 234.00', 'CNY')).toEqual({ ok: true, minor: 123400 });
    expect(parseAmount('30.', 'CNY')).toEqual({ ok: true, minor: 3000 });
    expect(parseAmount('30.500', 'CNY')).toEqual({ ok: true, minor: 3050 });
  });

  it('refuses what is not an amount in the currency', () => {
    expect(parseAmount('', 'CNY')).toEqual({ ok: false, error: 'required' });
    expect(parseAmount('abc', 'CNY')).toEqual({ ok: false, error: 'format' });
    expect(parseAmount('-5', 'CNY')).toEqual({ ok: false, error: 'format' });
    expect(parseAmount('1.2.3', 'CNY')).toEqual({ ok: false, error: 'format' });
    expect(parseAmount('30.555', 'CNY')).toEqual({ ok: false, error: 'precision' });
    expect(parseAmount('5.5', 'JPY')).toEqual({ ok: false, error: 'precision' });
    expect(parseAmount(String(MAX_MINOR), 'CNY')).toEqual({ ok: false, error: 'too_large' });
  });
});
