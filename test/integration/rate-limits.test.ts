/** Phones are limited per remote address too, so reconnecting does not buy a fresh allowance. */
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../hub/src/clock.js';
import { PUBLIC_ADDRESS_BURST } from '../../hub/src/net/socket-server.js';
import { keyedTokenBuckets } from '../../hub/src/api/rate-limit.js';
import { connect, sendRaw, startHub, type TestHub } from '../harness.js';

let t: TestHub | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const CONNECTIONS = 8;
const EACH = 15; // under one connection's own burst, so only the shared limit can refuse

describe('public rate limit per address', () => {
  it('refuses fresh connections from one address once together they pass its limit', async () => {
    // A stopped clock: no refill, so the count is exact.
    t = await startHub({ clock: manualClock(Date.UTC(2026, 0, 5, 3)) });
    const acks = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      const { client } = await connect(t);
      acks.push(
        ...(await Promise.all(Array.from({ length: EACH }, () => sendRaw(client, 'x:y', {})))),
      );
      client.disconnect();
    }
    const limited = acks.filter((a) => !a.ok && a.error.code === 'rate-limited');
    expect(acks).toHaveLength(CONNECTIONS * EACH);
    expect(limited).toHaveLength(CONNECTIONS * EACH - PUBLIC_ADDRESS_BURST);
  });
});

describe('keyedTokenBuckets', () => {
  it('keeps at most maxKeys addresses, forgetting idle ones first', () => {
    let nowMs = 0;
    const allow = keyedTokenBuckets(2, 1, () => nowMs, 2);
    expect([allow('a'), allow('a'), allow('a')]).toEqual([true, true, false]);
    allow('b');
    allow('b');
    nowMs += 500; // neither is full again yet, so the oldest ('a') makes room
    expect(allow('c')).toBe(true);
    expect([allow('a'), allow('a')]).toEqual([true, true]); // 'a' was forgotten: a fresh bucket
    expect(allow('b')).toBe(true); // 'b' went to make room for 'a', so it too starts afresh
  });
});
