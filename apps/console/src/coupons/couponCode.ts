/**
 * Coupon codes as people handle them. The platform generates 16 characters of Crockford's base32
 * (no I, L, O, U); merchants may upload their own codes (6–64 letters, digits and hyphens, case as
 * uploaded). Codes are shown in groups of four for reading aloud; whatever a clerk types or pastes is
 * turned back into the raw code before the API sees it.
 */

const GENERATED_ALPHABET = /^[0-9A-HJKMNP-TV-Z]{16}$/;
/** What a person may type for a code: letters, digits, and spaces or dashes between groups. */
const TYPED = /^[0-9A-Za-z\s-]+$/;

/** "ABCDEFGHJKMNPQRS" → "ABCD-EFGH-JKMN-PQRS"; codes with hyphens of their own are shown as they are. */
export function formatCode(code: string): string {
  if (!/^[0-9A-Za-z]+$/.test(code) || code.length <= 6) return code;
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/**
 * Read aloud or typed by hand, O is 0 and I or L is 1 in a generated code (Crockford's decoding);
 * applied only when the result is a well-formed generated code.
 */
function asGeneratedCode(compact: string): string | null {
  const upper = compact.toUpperCase();
  if (GENERATED_ALPHABET.test(upper)) return upper;
  const decoded = upper.replace(/O/g, '0').replace(/[IL]/g, '1');
  return GENERATED_ALPHABET.test(decoded) ? decoded : null;
}

/**
 * The raw codes a typed or pasted value may stand for, most likely first: a generated code without
 * its grouping; then, for uploaded codes (which may hold hyphens and lowercase letters), the value
 * without spaces, with and without its hyphens, as typed and in capitals. Empty when it cannot be a code.
 */
export function codeCandidates(typed: string): string[] {
  const trimmed = typed.trim();
  if (!trimmed || trimmed.length > 128 || !TYPED.test(trimmed)) return [];
  const noSpaces = trimmed.replace(/\s+/g, '');
  const compact = noSpaces.replace(/-/g, '');
  const generated = asGeneratedCode(compact);
  const candidates = [generated, noSpaces, compact, noSpaces.toUpperCase(), compact.toUpperCase()].filter((code): code is string => Boolean(code));
  return [...new Set(candidates)];
}

/**
 * The coupons list's search term: a code pasted as shown (grouped) is searched as the raw code, since
 * the server matches codes exactly; anything else (a customer reference) is passed on trimmed.
 */
export function couponSearchTerm(q: string): string {
  const trimmed = q.trim();
  if (/^[0-9A-Za-z]{4}([\s-][0-9A-Za-z]{4}){3}$/.test(trimmed)) return asGeneratedCode(trimmed.replace(/[\s-]/g, '')) ?? trimmed;
  return trimmed;
}

/**
 * An idempotency key for one claim, redemption or reversal. randomUUID needs a secure context
 * (https or localhost); elsewhere the same 122 random bits come from getRandomValues.
 */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The server's rule for customer references (and request ids): 1–128 of letters, digits and . _ : @ + - */
export const CUSTOMER_REF_PATTERN = /^[A-Za-z0-9._:@+-]{1,128}$/;
