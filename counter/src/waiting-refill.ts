/**
 * Keeps the counter's window of the queue (shared/domain/waiting-window.ts)
 * the true front of each class: when calls elsewhere have emptied part of a
 * service's window while more wait behind it, the front is asked for again
 * (`queue:waiting`) and put in place of what the counter held for that
 * service. A page older than the state it would go into is asked for again.
 */
import { shortServices, windowed } from '../../shared/domain/waiting-window.js';
import type { Ack, ResponseData, Snapshot, Ticket } from '../../shared/protocol.js';
import type { HubConnection } from '../../shared/ui/hub-connection.js';

type Page = ResponseData['queue:waiting'];

/** The waiting tickets of a service from `offset` on, in call order, as the hub has them now. */
export async function fetchPage(
  ask: <T>(send: (h: HubConnection) => Promise<Ack<T>>) => Promise<Ack<T> | null>,
  serviceId: string,
  offset: number,
): Promise<Ticket[] | null> {
  const ack = await ask((h) => h.request('queue:waiting', { serviceId, offset }));
  return ack?.ok ? ack.data.tickets : null;
}

/** The state with one service's window replaced by the page's; unchanged if the page is older. */
export function withPage(state: Snapshot, page: Page): Snapshot {
  if (page.seq < state.seq || !state.waiting) return state;
  const others = state.waiting.filter((t) => t.serviceId !== page.serviceId);
  return { ...state, waiting: windowed([...others, ...page.window]) };
}

export function keepWindowFull(hub: HubConnection, subscribe: (l: (s: Snapshot) => void) => void) {
  const asking = new Set<string>();
  async function refill(serviceId: string) {
    asking.add(serviceId);
    const ack = await hub.request('queue:waiting', { serviceId }).catch(() => null);
    // Cleared first: if the page turns out older than the state, the check below asks again.
    asking.delete(serviceId);
    // Offline (null): the snapshot on reconnect brings a full window anyway.
    if (ack?.ok) hub.patch((state) => withPage(state, ack.data));
  }
  subscribe((snapshot) => {
    if (!snapshot.waiting) return;
    for (const id of shortServices(snapshot.services, snapshot.waiting)) {
      if (!asking.has(id)) void refill(id);
    }
  });
}
