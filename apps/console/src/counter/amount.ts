import { currencyDigits } from '../coupons/couponStock';

/** The largest order amount the API takes (a GraphQL Int), in minor units. */
export const MAX_MINOR = 2_147_483_647;

export type ParsedAmount = { ok: true; minor: number } | { ok: false; error: 'required' | 'format' | 'precision' | 'too_large' };

/**
 * An order amount as a clerk types it, in the currency's major unit ("30", "30.5", "30,50", "1 234.00",
 * "¥30"), to minor units, exactly (no floating-point rounding): 30.50 CNY → 3050, 500 JPY → 500.
 */
export function parseAmount(text: string, currency: string): ParsedAmount {
  const cleaned = text.trim().replace(/^\p{Sc}/u, '').replace(/[\s\u00a0']/g, '');
  if (!cleaned) return { ok: false, error: 'required' };
  // One decimal separator, "." or ","; a "," followed by exactly three digits and no "." is not one
  // (1,234 is a thousand and more), nor are the "," of "1,234.50".
  let normalized = cleaned;
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(cleaned)) normalized = cleaned.replace(/,/g, '');
  else normalized = cleaned.replace(',', '.');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(normalized);
  if (!match) return { ok: false, error: 'format' };
  const digits = currencyDigits(currency);
  const fraction = match[2] ?? '';
  if (fraction.replace(/0+$/, '').length > digits) return { ok: false, error: 'precision' };
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0').slice(0, digits) || '0');
  if (!Number.isSafeInteger(minor) || minor > MAX_MINOR) return { ok: false, error: 'too_large' };
  return { ok: true, minor };
}
