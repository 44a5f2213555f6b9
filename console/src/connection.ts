/**
 * The console's link to the hub, and nothing else: it connects, says who is
 * logged in again on every (re)connect (`onConnect`, session.ts), and reloads
 * the configuration whenever any app changes it (`config-changed`). The
 * socket's listeners live here, outside React, and write into the store.
 */
import type { Ack, Alert } from '../../shared/protocol.js';
import { getBridge } from '../../shared/station-bridge.js';
import { askHub, connectToHub, type HubConnection } from '../../shared/ui/hub-connection.js';
import { savedConsoleToken } from './console-token.js';
import { useConsoleStore } from './store.js';

let hub: HubConnection | null = null;
let started = false;
let stationToken: string | undefined;

/** The token this console was paired with, for the requests that go over REST (logo-actions.ts). */
export const deviceToken = (): string | undefined => stationToken ?? savedConsoleToken();

export async function startConnection({
  onConnect,
  onConfigChanged,
  onFloorChanged,
  onAlerts,
}: {
  onConnect: () => void;
  onConfigChanged: () => void;
  /** Any queue event: the floor may look different now. */
  onFloorChanged: () => void;
  onAlerts: (alerts: Alert[]) => void;
}): Promise<void> {
  if (started) return;
  started = true;
  // A console is a paired device: a station has its token, a browser kept the one the setup
  // wizard or /pair gave it. Without one only a demo hub lets this machine be a console.
  stationToken =
    (await getBridge()
      .deviceToken()
      .catch(() => null)) ?? undefined;
  hub = connectToHub({
    role: 'console',
    currentToken: deviceToken,
    onSnapshot: (snapshot) => useConsoleStore.setState({ snapshot }),
    onStatus: (status, refusal) => useConsoleStore.setState({ status, refusal }),
  });
  // The hub forgets who is logged in on a connection when it drops: say it again each time.
  hub.socket.on('connect', onConnect);
  hub.socket.on('queue:event', (event) => {
    if (event.type === 'config-changed') onConfigChanged();
    onFloorChanged();
  });
  hub.socket.on('floor:alerts', onAlerts);
}

/** Sends one request; null when the hub could not be reached (the banner already says so). */
export const ask = <T>(send: (h: HubConnection) => Promise<Ack<T>>) => askHub(hub, send);

export function isConnected(): boolean {
  return hub?.socket.connected ?? false;
}
