import { describe, expect, it } from 'vitest';
import { createFakeTimers } from './fake-timers.js';
import {
  createRetryLoop,
  probeHub,
  retryDelayMs,
  RETRY_POLICY,
  type FetchLike,
} from './offline.js';

/** A hub that is down until `hub.up = true`, counting the attempts made on it. */
function setup() {
  const timers = createFakeTimers();
  const hub = { up: false, attempts: [] as number[], recovered: 0 };
  const loop = createRetryLoop({
    attempt: async () => {
      hub.attempts.push(timers.now());
      return hub.up;
    },
    onRecovered: () => (hub.recovered += 1),
    timers,
  });
  const start = timers.now();
  const attemptOffsetsS = () => hub.attempts.map((at) => (at - start) / 1000);
  return { timers, hub, loop, attemptOffsetsS };
}

describe('retryDelayMs', () => {
  it('doubles from one second and stops at thirty', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((n) => retryDelayMs(n))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('never exceeds the cap, however long the outage', () => {
    expect(retryDelayMs(10_000)).toBe(RETRY_POLICY.maxDelayMs);
  });
});

describe('createRetryLoop', () => {
  it('backs off 1, 2, 4, 8, 16, 30, 30 s while the hub stays down', async () => {
    const { timers, loop, attemptOffsetsS } = setup();
    loop.start();
    await timers.advance(200_000);
    // Gaps of 1, 2, 4, 8, 16 s, then every 30 s.
    expect(attemptOffsetsS().slice(0, 8)).toEqual([1, 3, 7, 15, 31, 61, 91, 121]);
  });

  it('reports when it will try next, for the offline page’s countdown', async () => {
    const { timers, loop } = setup();
    loop.start();
    expect(loop.status()).toEqual({
      state: 'waiting',
      failures: 0,
      nextAttemptAt: timers.now() + 1_000,
    });
    await timers.advance(1_000);
    expect(loop.status()).toEqual({
      state: 'waiting',
      failures: 1,
      nextAttemptAt: timers.now() + 2_000,
    });
  });

  it('stops when the hub returns, and reports it once', async () => {
    const { timers, hub, loop } = setup();
    loop.start();
    await timers.advance(7_000); // attempts at 1, 3, 7 s
    hub.up = true;
    await timers.advance(8_000); // the attempt at 15 s succeeds
    expect(hub.recovered).toBe(1);
    expect(loop.status().state).toBe('idle');
    const attempts = hub.attempts.length;
    await timers.advance(120_000);
    expect(hub.attempts.length).toBe(attempts);
    expect(timers.pendingDelays()).toEqual([]);
  });

  it('after a reset, the next outage starts from one second again', async () => {
    const { timers, hub, loop, attemptOffsetsS } = setup();
    loop.start();
    await timers.advance(31_000); // five failures: 1, 3, 7, 15, 31 s
    hub.up = true;
    await timers.advance(30_000); // recovers at 61 s
    loop.reset(); // the hub page loaded
    hub.up = false;
    hub.attempts.length = 0;
    loop.start();
    await timers.advance(3_000);
    expect(attemptOffsetsS()).toEqual([62, 64]);
  });

  it('without a reset, a page that fails again continues the back-off', async () => {
    const { timers, hub, loop } = setup();
    loop.start();
    await timers.advance(15_000); // four failures: 1, 3, 7, 15 s
    hub.up = true;
    await timers.advance(16_000); // the probe at 31 s succeeds, but the page fails again at once
    hub.up = false;
    loop.start();
    expect(timers.pendingDelays()).toEqual([30_000]);
  });

  it('"Try now" skips the wait but does not start a second attempt', async () => {
    const { timers, hub, loop } = setup();
    loop.start();
    await timers.advance(1_000);
    loop.retryNow();
    loop.retryNow();
    await timers.advance(0);
    expect(hub.attempts.length).toBe(2);
    expect(timers.pendingDelays()).toEqual([4_000]);
  });

  it('stop() cancels the wait and ignores an attempt already in flight', async () => {
    const timers = createFakeTimers();
    let finish: (ok: boolean) => void = () => {};
    let recovered = 0;
    const loop = createRetryLoop({
      attempt: () => new Promise<boolean>((resolve) => (finish = resolve)),
      onRecovered: () => (recovered += 1),
      timers,
    });
    loop.start();
    await timers.advance(1_000);
    expect(loop.status().state).toBe('trying');
    loop.stop();
    finish(true);
    await timers.advance(60_000);
    expect(recovered).toBe(0);
    expect(loop.status().state).toBe('idle');
  });

  it('counts an attempt that throws as a failure and keeps going', async () => {
    const timers = createFakeTimers();
    let attempts = 0;
    const loop = createRetryLoop({
      attempt: async () => {
        attempts += 1;
        throw new Error('ECONNREFUSED');
      },
      onRecovered: () => {},
      timers,
    });
    loop.start();
    await timers.advance(7_000);
    expect(attempts).toBe(3);
    expect(loop.status()).toMatchObject({ state: 'waiting', failures: 3 });
  });

  it('start() while already waiting changes nothing', async () => {
    const { timers, loop } = setup();
    loop.start();
    loop.start();
    expect(timers.pendingDelays()).toEqual([1_000]);
  });
});

describe('probeHub', () => {
  it('asks the hub’s health endpoint', async () => {
    const asked: string[] = [];
    const fetchLike: FetchLike = async (url) => {
      asked.push(url);
      return { ok: true };
    };
    expect(await probeHub('http://192.168.1.10:8470', fetchLike)).toBe(true);
    expect(asked).toEqual(['http://192.168.1.10:8470/api/v1/health']);
  });

  it('is false for an error status, a refused connection or a timeout, and never throws', async () => {
    expect(await probeHub('http://h:1', async () => ({ ok: false }))).toBe(false);
    expect(
      await probeHub('http://h:1', async () => {
        throw new TypeError('fetch failed');
      }),
    ).toBe(false);
    const hangs: FetchLike = (_url, { signal }) =>
      new Promise((_resolve, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason)),
      );
    expect(await probeHub('http://h:1', hangs, 20)).toBe(false);
  });
});
