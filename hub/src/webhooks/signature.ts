/**
 * How a webhook delivery is signed (docs/api.md "Verifying a delivery").
 * Each try is signed afresh with the time it is sent, so a receiver that
 * rejects old timestamps also rejects a recorded delivery replayed later:
 *
 *   Khiu-Signature: t=<unix ms>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Khiu-Signature';
export const IDEMPOTENCY_HEADER = 'Khiu-Idempotency-Key';
export const EVENT_HEADER = 'Khiu-Event';
/** How far from the receiver's clock a timestamp may be before it is refused. */
export const SIGNATURE_TOLERANCE_MS = 5 * 60_000;

const mac = (secret: string, at: number, body: string) =>
  createHmac('sha256', secret).update(`${at}.${body}`).digest('hex');

export const signature = (secret: string, at: number, body: string) =>
  `t=${at},v1=${mac(secret, at, body)}`;

/** What a receiver does: true when the header is the secret's signature of the body, in time. */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  now: number,
): boolean {
  const parts = new Map(
    header.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
  const at = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isSafeInteger(at) || Math.abs(now - at) > SIGNATURE_TOLERANCE_MS) return false;
  const expected = Buffer.from(mac(secret, at, body), 'hex');
  const received = Buffer.from(given, 'hex');
  return received.length === expected.length && timingSafeEqual(received, expected);
}
