/** A hand-driven clock for the station's tests (never imported by the station itself). */
import type { Timers } from './timers.js';

interface Pending {
  id: number;
  at: number;
  run: () => void;
}

export interface FakeTimers extends Timers {
  /** Moves time forward, running every timer due on the way, each followed by the promises it settles. */
  advance(ms: number): Promise<void>;
  /** Delays of the timers still pending, soonest first. */
  pendingDelays(): number[];
}

/** Lets promise chains started by a timer (an attempt, a save) run to their end. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createFakeTimers(start = 1_000_000): FakeTimers {
  let now = start;
  let nextId = 1;
  let pending: Pending[] = [];
  return {
    now: () => now,
    setTimeout(run, delayMs) {
      const id = nextId++;
      pending.push({ id, at: now + delayMs, run });
      return id;
    },
    clearTimeout(handle) {
      pending = pending.filter((p) => p.id !== handle);
    },
    async advance(ms) {
      const end = now + ms;
      await settle();
      for (;;) {
        const due = pending
          .filter((p) => p.at <= end)
          .sort((a, b) => a.at - b.at || a.id - b.id)[0];
        if (due === undefined) break;
        pending = pending.filter((p) => p !== due);
        now = due.at;
        due.run();
        await settle();
      }
      now = end;
    },
    pendingDelays: () => pending.map((p) => p.at - now).sort((a, b) => a - b),
  };
}
