/**
 * Sends in commit order, worked in short slices so a broadcast to a thousand
 * screens never holds the event loop for long: requests are served between
 * slices. A send marked conflatable (a public event) may be replaced by one
 * snapshot when too many of them queue up.
 *
 * A paced send (a public event with no call: waiting counts, a counter's
 * state) goes one per SEND_PACE_MS instead, so a thousand screens' worth of
 * writes, and the screens' wake-ups, are spread over a fraction of the
 * public interval rather than taken in one burst that every request arriving
 * meanwhile waits behind. Anything else asked for behind paced sends (a call)
 * takes them along at full speed, so nothing overtakes what was queued first.
 */

/** How long one slice of sends may hold the event loop before requests get a turn. */
const SEND_SLICE_MS = 1;
/** The gap between two paced sends: 32 shards of 32 displays take about 130 ms. */
export const SEND_PACE_MS = 4;

export interface SendOptions {
  conflatable?: true;
  paced?: true;
}

interface Send extends SendOptions {
  run: () => void;
}

export interface SendQueue {
  enqueue(run: () => void, options?: SendOptions): void;
  /** How many conflatable sends are waiting. */
  conflatable(): number;
  /** Forgets every conflatable send still waiting; the others keep their order. */
  dropConflatable(): void;
  /** Forgets everything, for good; for shutdown. */
  stop(): void;
}

export function createSendQueue(): SendQueue {
  const sends: Send[] = [];
  let conflatableQueued = 0;
  /** Sends waiting that are not paced: while there are any, paced ones go at full speed. */
  let unpacedQueued = 0;
  let immediate: NodeJS.Immediate | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  function schedule() {
    const head = sends[0];
    if (!head || immediate) return;
    if (head.paced && unpacedQueued === 0) {
      timer ??= setTimeout(pump, SEND_PACE_MS);
      return;
    }
    clearTimeout(timer ?? undefined);
    timer = null;
    immediate = setImmediate(pump);
  }

  function pump() {
    immediate = null;
    clearTimeout(timer ?? undefined);
    timer = null;
    if (stopped) return;
    const until = performance.now() + SEND_SLICE_MS;
    let i = 0;
    while (i < sends.length && performance.now() < until) {
      const send = sends[i];
      // One paced send per turn, unless something not paced waits behind it.
      if (i > 0 && send?.paced && unpacedQueued === 0) break;
      i += 1;
      if (send?.conflatable) conflatableQueued -= 1;
      if (!send?.paced) unpacedQueued -= 1;
      send?.run();
    }
    sends.splice(0, i);
    schedule();
  }

  return {
    enqueue(run, options = {}) {
      sends.push({ run, ...options });
      if (options.conflatable) conflatableQueued += 1;
      if (!options.paced) unpacedQueued += 1;
      // The first after a quiet spell goes at once, paced or not: only what follows is spread out.
      if (sends.length === 1) immediate ??= setImmediate(pump);
      else if (!options.paced) schedule();
    },
    conflatable: () => conflatableQueued,
    dropConflatable() {
      const kept = sends.filter((send) => !send.conflatable);
      sends.splice(0, sends.length, ...kept);
      conflatableQueued = 0;
      unpacedQueued = kept.filter((send) => !send.paced).length;
    },
    stop() {
      stopped = true;
      sends.length = 0;
      clearTimeout(timer ?? undefined);
      clearImmediate(immediate ?? undefined);
    },
  };
}
