/**
 * The desk shows a change only once the hub's own events have brought it, so
 * the screen is never out of date: after an ack, each action waits here until
 * the snapshot shows what the ack said, or asks for a fresh snapshot if that
 * takes too long.
 */
import type { CounterView, Snapshot, Ticket } from '../../shared/protocol.js';
import { resync } from './connection.js';
import { useCounterStore } from './store.js';

/** After this the screen stops waiting for the hub's event and asks for a fresh snapshot. */
const SHOWN_TIMEOUT_MS = 2_000;
const HELD = new Set(['called', 'serving', 'parked']);

export type Shown = (snapshot: Snapshot) => boolean;

export function untilShown(shown: Shown): Promise<void> {
  return new Promise((resolve) => {
    const snapshot = useCounterStore.getState().snapshot;
    if (snapshot && shown(snapshot)) return resolve();
    const timer = setTimeout(() => {
      unsubscribe();
      resync();
      resolve();
    }, SHOWN_TIMEOUT_MS);
    const unsubscribe = useCounterStore.subscribe((s) => {
      if (!s.snapshot || !shown(s.snapshot)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

/** The snapshot shows the ticket as the hub's ack left it. */
export const ticketShown =
  (t: Ticket): Shown =>
  (snap) => {
    const held = snap.held?.find((x) => x.id === t.id);
    const waiting = snap.waiting?.some((x) => x.id === t.id) ?? false;
    if (HELD.has(t.status)) return held?.status === t.status && held.recalls === t.recalls;
    if (t.status === 'waiting') return waiting && held === undefined;
    return held === undefined && !waiting;
  };

export const counterShown =
  (view: CounterView): Shown =>
  (snap) =>
    snap.counters.find((c) => c.id === view.id)?.status === view.status;
