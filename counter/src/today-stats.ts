/**
 * Today's figures for the open counter, and the hub's clock read from them.
 * They move whenever this counter does, whoever caused it, so any change to
 * it in the snapshot asks again.
 */
import { ask } from './connection.js';
import { useCounterStore } from './store.js';

let statsInFlight = false;
let statsAgain = false;

/** Asks for today's figures; calls that come while one is on its way are folded into one more. */
export async function refreshStats(): Promise<void> {
  if (statsInFlight) {
    statsAgain = true;
    return;
  }
  statsInFlight = true;
  try {
    do {
      statsAgain = false;
      const counterId = useCounterStore.getState().counterId;
      if (counterId === null) return;
      const sentAt = Date.now();
      const ack = await ask((h) => h.request('counter:stats', { counterId }));
      if (ack?.ok && useCounterStore.getState().counterId === counterId) {
        // Half the round trip is the best guess of when the hub read its clock.
        const localAt = (sentAt + Date.now()) / 2;
        useCounterStore.setState({ stats: ack.data, clockOffsetMs: ack.data.at - localAt });
      }
    } while (statsAgain);
  } finally {
    statsInFlight = false;
  }
}

useCounterStore.subscribe((s, prev) => {
  const mine = (snap: typeof s.snapshot) => snap?.counters.find((c) => c.id === s.counterId);
  if (s.phase === 'desk' && mine(s.snapshot) !== mine(prev.snapshot)) void refreshStats();
});
