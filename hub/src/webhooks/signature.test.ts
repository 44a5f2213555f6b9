import { describe, expect, it } from 'vitest';
import { signature, SIGNATURE_TOLERANCE_MS, verifySignature } from './signature.js';
import { DEFAULT_WEBHOOK_TIMING, webhookRetryDelayMs } from './webhook-dispatcher.js';

const SECRET = 'whsec_test';
const BODY = '{"id":"whd_1","type":"ticket-called"}';
const AT = 1_796_352_326_555;

describe('webhook signatures', () => {
  it('verifies the signature of the body it was made for, within five minutes', () => {
    const header = signature(SECRET, AT, BODY);
    expect(header).toMatch(/^t=1796352326555,v1=[0-9a-f]{64}$/);
    expect(verifySignature(SECRET, header, BODY, AT)).toBe(true);
    expect(verifySignature(SECRET, header, BODY, AT + SIGNATURE_TOLERANCE_MS)).toBe(true);
  });

  it('refuses another body, another secret, an old or future time, and a mangled header', () => {
    const header = signature(SECRET, AT, BODY);
    expect(verifySignature(SECRET, header, `${BODY} `, AT)).toBe(false);
    expect(verifySignature('whsec_other', header, BODY, AT)).toBe(false);
    expect(verifySignature(SECRET, header, BODY, AT + SIGNATURE_TOLERANCE_MS + 1)).toBe(false);
    expect(verifySignature(SECRET, header, BODY, AT - SIGNATURE_TOLERANCE_MS - 1)).toBe(false);
    const moved = header.replace(`t=${AT}`, `t=${AT + 1}`);
    expect(verifySignature(SECRET, moved, BODY, AT)).toBe(false);
    expect(verifySignature(SECRET, header.slice(0, -2), BODY, AT)).toBe(false);
    expect(verifySignature(SECRET, '', BODY, AT)).toBe(false);
  });
});

describe('webhook retries', () => {
  it('wait 10 s, then twice as long each time, never more than an hour', () => {
    const waits = [1, 2, 3, 4, 9, 10, 30].map((n) =>
      webhookRetryDelayMs(n, DEFAULT_WEBHOOK_TIMING),
    );
    expect(waits).toEqual([10_000, 20_000, 40_000, 80_000, 2_560_000, 3_600_000, 3_600_000]);
  });
});
