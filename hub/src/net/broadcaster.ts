/**
 * Turns committed changes into `queue:event`s (full for staff devices, the
 * public subset for phones) and `ticket:update`s for phones watching a
 * ticket. Events go out just after the acks of the same turn of the event
 * loop, so an ack never waits behind a broadcast to a thousand displays.
 */
import type { Server } from 'socket.io';
import type { Change } from '../queue/queue-service.js';
import type { Store } from '../queue/store.js';
import { toPublicTicket, type Views } from '../queue/views.js';
import type {
  ClientToServerEvents,
  InterServerEvents,
  PublicQueueEvent,
  QueueEvent,
  ServerToClientEvents,
  Snapshot,
  Ticket,
} from '../../../shared/protocol.js';
import type { SocketData } from './socket-data.js';

export const FULL_ROOM = 'full';
export const PUBLIC_ROOM = 'public';
const watchRoom = (code: string) => `watch:${code}`;

type Io = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export function createBroadcaster(deps: {
  io: Io;
  views: Views;
  store: Store;
  now: () => number;
  day: () => string;
}) {
  const { io, views, store } = deps;
  let seq = 0;
  let pending: Change[] = [];
  let scheduled = false;
  /** Watched ticket codes → the service their newest ticket waits in. */
  const watched = new Map<string, { serviceId: string; watchers: number }>();

  function toEvents(c: Change): { full: QueueEvent; pub: PublicQueueEvent } {
    seq += 1;
    const tickets = c.ticketIds
      .map((id) => store.ticketById(id))
      .filter((t): t is Ticket => t !== undefined);
    const base = {
      seq,
      at: deps.now(),
      type: c.type,
      day: deps.day(),
      services: views.services(c.serviceIds),
      call: c.call,
      ...(c.type === 'day-rolled' || c.type === 'config-changed' ? { centre: views.centre() } : {}),
    };
    return {
      full: { ...base, tickets, counters: views.counters(c.counterIds, false) },
      pub: {
        ...base,
        tickets: tickets.map(toPublicTicket),
        counters: views.counters(c.counterIds, true),
      },
    };
  }

  function flush() {
    scheduled = false;
    const changes = pending;
    pending = [];
    const touched = new Set<string>();
    for (const c of changes) {
      const { full, pub } = toEvents(c);
      io.to(FULL_ROOM).emit('queue:event', full);
      io.to(PUBLIC_ROOM).emit('queue:event', pub);
      for (const s of c.serviceIds) touched.add(s);
    }
    for (const [code, entry] of watched) {
      if (!touched.has(entry.serviceId)) continue;
      const view = views.ticket(code);
      if (!view) continue;
      entry.serviceId = view.service.id;
      io.to(watchRoom(code)).emit('ticket:update', view);
    }
  }

  return {
    publish(changes: readonly Change[]) {
      if (changes.length === 0) return;
      pending.push(...changes);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },

    /** A snapshot consistent with `seq`: anything committed is published first. */
    snapshot(withWaiting: boolean): Snapshot {
      if (pending.length > 0) flush();
      return views.snapshot(seq, withWaiting);
    },

    watch(socketJoin: (room: string) => void, code: string, serviceId: string) {
      socketJoin(watchRoom(code));
      const entry = watched.get(code);
      if (entry) entry.watchers += 1;
      else watched.set(code, { serviceId, watchers: 1 });
    },

    unwatch(code: string) {
      const entry = watched.get(code);
      if (!entry) return;
      entry.watchers -= 1;
      if (entry.watchers <= 0) watched.delete(code);
    },

    get seq() {
      return seq;
    },
  };
}

export type Broadcaster = ReturnType<typeof createBroadcaster>;
