/**
 * Sends in commit order, worked in short slices so a broadcast to a thousand
 * screens never holds the event loop for long: requests are served between
 * slices. A send marked conflatable (a public event) may be replaced by one
 * snapshot when too many of them queue up.
 */

/** How long one slice of sends may hold the event loop before requests get a turn. */
const SEND_SLICE_MS = 1;

interface Send {
  run: () => void;
  conflatable?: true;
}

export interface SendQueue {
  enqueue(run: () => void, conflatable?: true): void;
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
  let sending = false;
  let stopped = false;

  function pump() {
    if (stopped) return;
    const until = performance.now() + SEND_SLICE_MS;
    let i = 0;
    while (i < sends.length && performance.now() < until) {
      const send = sends[i++];
      if (send?.conflatable) conflatableQueued -= 1;
      send?.run();
    }
    sends.splice(0, i);
    if (sends.length > 0) setImmediate(pump);
    else sending = false;
  }

  return {
    enqueue(run, conflatable) {
      sends.push(conflatable ? { run, conflatable } : { run });
      if (conflatable) conflatableQueued += 1;
      if (!sending) {
        sending = true;
        setImmediate(pump);
      }
    },
    conflatable: () => conflatableQueued,
    dropConflatable() {
      const kept = sends.filter((send) => !send.conflatable);
      sends.splice(0, sends.length, ...kept);
      conflatableQueued = 0;
    },
    stop() {
      stopped = true;
      sends.length = 0;
    },
  };
}
