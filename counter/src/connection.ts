/**
 * The counter's link to the hub, and nothing else: it connects, says who is
 * logged in again on every (re)connect (`onConnect`, the clerk's session in
 * clerk-session.ts), and tells the station when the screen is usable. The
 * socket's listeners live here, outside React, and write into the store.
 * What the clerk can do is in clerk-session.ts and desk-controller.ts.
 */
import type { Ack, CounterTakenOver } from '../../shared/protocol.js';
import { getBridge } from '../../shared/station-bridge.js';
import { askHub, connectToHub, type HubConnection } from '../../shared/ui/hub-connection.js';
import { deviceTokenParam } from '../../shared/ui/page-settings.js';

const COUNTER_TOKEN_KEY = 'khiu.counter.deviceToken';
import { useCounterStore } from './store.js';
import { keepWindowFull } from './waiting-refill.js';

let hub: HubConnection | null = null;
let started = false;

export async function startConnection({
  onConnect,
  onTakenOver,
}: {
  onConnect: () => void;
  onTakenOver: (notice: CounterTakenOver) => void;
}): Promise<void> {
  if (started) return;
  started = true;
  const bridge = getBridge();
  // A station has its token; a browser paired at /pair got it in the address, and keeps it.
  const token =
    (await bridge.deviceToken().catch(() => null)) ??
    deviceTokenParam(new URLSearchParams(window.location.search), COUNTER_TOKEN_KEY);
  hub = connectToHub({
    role: 'counter',
    token,
    onSnapshot: (snapshot) => useCounterStore.setState({ snapshot }),
    onStatus: (status, refusal) => useCounterStore.setState({ status, refusal }),
  });
  // The hub forgets who is logged in on a connection when it drops: say it again each time.
  hub.socket.on('connect', onConnect);
  hub.socket.on('counter:taken-over', onTakenOver);
  hub.socket.on('floor:alerts', (alerts) => useCounterStore.setState({ alerts }));
  keepWindowFull(hub, (listener) =>
    useCounterStore.subscribe((s, prev) => {
      if (s.snapshot && s.snapshot !== prev.snapshot) listener(s.snapshot);
    }),
  );

  const unsubscribe = useCounterStore.subscribe((s) => {
    if (!s.fontsReady || s.snapshot === null) return;
    unsubscribe();
    void bridge.appReady().catch(() => {});
  });
}

/** Sends one request; null when the hub could not be reached (the banner already says so). */
export const ask = <T>(send: (h: HubConnection) => Promise<Ack<T>>) => askHub(hub, send);

/** Replaces the state with a fresh snapshot, so the screen shows the truth now. */
export function resync(): void {
  hub?.resync();
}

export function isConnected(): boolean {
  return hub?.socket.connected ?? false;
}
