/**
 * A fresh id for one attempt at a request the hub makes idempotent
 * (`ticket:issue`). `crypto.randomUUID` exists only in secure contexts, and
 * a centre's LAN is plain http, so this uses `getRandomValues`.
 */
const REQUEST_ID_BYTES = 16;

export function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(REQUEST_ID_BYTES));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
