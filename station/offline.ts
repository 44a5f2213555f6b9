/**
 * What the station does while the hub cannot be reached: show the local
 * offline page and try again, quickly at first, then every half minute. The
 * loop knows nothing of Electron; it is given an `attempt` and a clock.
 */
import type { Timers } from './timers.js';

export const HEALTH_PATH = '/api/v1/health';
export const PROBE_TIMEOUT_MS = 3_000;

export interface RetryPolicy {
  readonly firstDelayMs: number;
  readonly factor: number;
  readonly maxDelayMs: number;
}

/**
 * 1 s, 2 s, 4 s … 30 s. A hub restart (a few seconds) is caught at once; a
 * hub that is off for the night costs one request per station every 30 s.
 */
export const RETRY_POLICY: RetryPolicy = { firstDelayMs: 1_000, factor: 2, maxDelayMs: 30_000 };

/** The wait before the next attempt, after `failures` attempts in a row have failed. */
export function retryDelayMs(failures: number, policy: RetryPolicy = RETRY_POLICY): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * policy.factor ** failures);
}

export type RetryStatus =
  | { state: 'idle'; failures: number }
  | { state: 'waiting'; failures: number; nextAttemptAt: number }
  | { state: 'trying'; failures: number };

export interface RetryLoop {
  /**
   * Begin retrying (no-op if already running). Failures so far still count,
   * and so does the failed page load that calls start() after a recovery.
   */
  start(): void;
  /** Stop without forgetting the failures (the hub page may fail again at once). */
  stop(): void;
  /** The hub page is up for real: the next outage starts again from the first delay. */
  reset(): void;
  /** Skip the wait (a "Try now" touch). */
  retryNow(): void;
  status(): RetryStatus;
}

export interface RetryLoopOptions {
  /** One try; true when the hub answered. A throw counts as false. */
  attempt: () => Promise<boolean>;
  /** Called once when an attempt succeeds; the loop is idle by then. */
  onRecovered: () => void;
  timers: Timers;
  policy?: RetryPolicy;
}

export function createRetryLoop(options: RetryLoopOptions): RetryLoop {
  const { attempt, onRecovered, timers, policy = RETRY_POLICY } = options;
  let failures = 0;
  // Set when an attempt succeeded but no reset() followed: if the loop is
  // started again, the page failed after all, and that counts as a failure.
  let recovered = false;
  let status: RetryStatus = { state: 'idle', failures };
  let timer: unknown = null;
  // Bumped by stop(): an attempt that was in flight then is ignored when it settles.
  let generation = 0;

  function schedule() {
    const delayMs = retryDelayMs(failures, policy);
    status = { state: 'waiting', failures, nextAttemptAt: timers.now() + delayMs };
    timer = timers.setTimeout(() => void run(), delayMs);
  }

  async function run() {
    timer = null;
    status = { state: 'trying', failures };
    const mine = generation;
    const ok = await attempt().catch(() => false);
    if (mine !== generation) return;
    if (ok) {
      status = { state: 'idle', failures };
      recovered = true;
      onRecovered();
    } else {
      failures += 1;
      schedule();
    }
  }

  function stop() {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    generation += 1;
    status = { state: 'idle', failures };
  }

  return {
    start() {
      if (status.state !== 'idle') return;
      if (recovered) failures += 1;
      recovered = false;
      schedule();
    },
    stop,
    reset() {
      stop();
      failures = 0;
      recovered = false;
      status = { state: 'idle', failures };
    },
    retryNow() {
      if (status.state !== 'waiting') return;
      if (timer !== null) timers.clearTimeout(timer);
      void run();
    },
    status: () => status,
  };
}

/** What `probeHub` needs of `fetch` (Electron's `net.fetch` in the station, a fake in tests). */
export type FetchLike = (url: string, init: { signal: AbortSignal }) => Promise<{ ok: boolean }>;

/** True when the hub answers its health check within the timeout. Never throws. */
export async function probeHub(
  hubUrl: string,
  fetchLike: FetchLike,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<boolean> {
  try {
    const response = await fetchLike(new URL(HEALTH_PATH, hubUrl).href, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    return response.ok;
  } catch {
    return false;
  }
}
