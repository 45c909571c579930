import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers every delivery carries. */
export const WEBHOOK_HEADERS = {
  event: 'X-Mop-Event',
  delivery: 'X-Mop-Delivery',
  timestamp: 'X-Mop-Timestamp',
  signature: 'X-Mop-Signature',
} as const;

/** How far a delivery's timestamp may be from the receiver's clock before it is refused as a replay. */
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

const SIGNATURE_SCHEME = 'v1';
const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * The hex HMAC-SHA256 of `<timestamp>.<raw body>`, keyed with the endpoint's whole secret (`whsec_…`).
 * The timestamp is signed with the body so a captured request cannot be sent again later.
 */
export function signWebhook(secret: string, timestamp: number | string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** The `X-Mop-Signature` value: `v1=<hex>`. */
export function webhookSignatureHeader(secret: string, timestamp: number | string, body: string | Buffer): string {
  return `${SIGNATURE_SCHEME}=${signWebhook(secret, timestamp, body)}`;
}

/**
 * What a merchant's server does with a delivery (the README shows the same in a few lines): true when
 * `header` holds a `v1` signature of `<timestamp>.<body>` under `secret` and the timestamp (unix
 * seconds, from `X-Mop-Timestamp`) is within `toleranceSeconds` of `now`. `body` must be the raw bytes
 * received, before any JSON parsing. Several comma-separated `v1=` entries are accepted, any may match.
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string | number | null | undefined,
  body: string | Buffer,
  header: string | null | undefined,
  toleranceSeconds = DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
  now: number = Date.now(),
): boolean {
  if (!secret || timestamp === null || timestamp === undefined || !header) return false;
  const ts = String(timestamp);
  if (!/^\d{1,12}$/.test(ts)) return false;
  if (Math.abs(now / 1000 - Number(ts)) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body), 'hex');
  let matched = false;
  for (const entry of header.split(',')) {
    const [scheme, value] = entry.trim().split('=', 2);
    if (scheme !== SIGNATURE_SCHEME || !value || !HEX_SHA256.test(value)) continue;
    // Every entry is compared, in constant time: where the match is says nothing.
    if (timingSafeEqual(Buffer.from(value, 'hex'), expected)) matched = true;
  }
  return matched;
}
