/**
 * The reads a broadcaster flush repeats: the staff event of each change and
 * the public event sent in the same flush read the same services, counters
 * and tickets, from a database nothing writes to while the flush runs (it is
 * one synchronous turn). Inside `during`, each is read once; outside, every
 * read goes to the store as before, so a paced public event sent later reads
 * the state of its own moment.
 */
import type { StreamDeps } from './public-stream.js';
import type { CounterView, ServiceView, Ticket } from '../../../shared/protocol.js';

export interface FlushReads {
  /** `deps` with its service, counter and ticket reads remembered while `during` runs. */
  deps: StreamDeps;
  during(work: () => void): void;
}

export function createFlushReads(deps: StreamDeps): FlushReads {
  let open = false;
  const services = new Map<string, ServiceView | null>();
  const counters = new Map<string, CounterView | null>();
  const tickets = new Map<number, Ticket | undefined>();

  function remembered<K, V>(map: Map<K, V>, key: K, read: () => V): V {
    if (!open) return read();
    if (map.has(key)) return map.get(key) as V;
    const value = read();
    map.set(key, value);
    return value;
  }
  const service = (id: string) => remembered(services, id, () => deps.views.service(id));
  const counter = (id: number, forPublic: boolean) =>
    remembered(counters, `${id}:${forPublic}`, () => deps.views.counter(id, forPublic));
  const present = <T>(x: T | null): x is T => x !== null;

  return {
    deps: {
      ...deps,
      views: {
        ...deps.views,
        service,
        counter,
        services: (ids) => [...ids].map(service).filter(present),
        counters: (ids, forPublic) => [...ids].map((id) => counter(id, forPublic)).filter(present),
      },
      tickets: {
        ...deps.tickets,
        byId: (id) => remembered(tickets, id, () => deps.tickets.byId(id)),
      },
    },
    during(work) {
      open = true;
      try {
        work();
      } finally {
        open = false;
        services.clear();
        counters.clear();
        tickets.clear();
      }
    },
  };
}
