/**
 * Turns committed changes into `queue:event`s (full for staff devices, the
 * public subset for everyone else) and `ticket:update`s for phones watching
 * a ticket.
 *
 * Acks never wait for broadcasts: events are built after the acks of the
 * same turn of the event loop, and the sends themselves go through a FIFO
 * that is worked in short slices. Public clients are spread over a few
 * rooms (shards), so a broadcast to a thousand displays is several small
 * sends with requests served in between, not one long block.
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
import type { PrinterViews } from '../print/printing.js';

export const FULL_ROOM = 'full';
/**
 * Public clients per shard room. One room send writes to every member at once
 * (about 15 µs each here), so this bounds how long a request can wait behind a
 * broadcast: 32 members is about half a millisecond. Each shard costs one more
 * encode of the event (tens of µs), which is why shards are not smaller.
 */
export const PUBLIC_SHARD_SIZE = 32;
const publicRoom = (shard: number) => `public:${shard}`;
const watchRoom = (code: string) => `watch:${code}`;
/** Kiosks get the public events, plus their own printers' state; one room per kiosk device. */
const kioskRoom = (deviceId: number | null) => `kiosk:${deviceId ?? 'unpaired'}`;
/** How long one slice of sends may hold the event loop before requests get a turn. */
const SEND_SLICE_MS = 1;
/**
 * Events a public shard or a kiosk room may have waiting to be sent before
 * they are replaced by one snapshot. A hall display or a kiosk needs the
 * latest state, not every step to it: when changes come faster than they can
 * be written to every such client, the queue would otherwise grow without
 * bound and each of them fall further behind. Staff devices get every event.
 */
export const PUBLIC_BACKLOG_MAX_EVENTS = 20;

/** One queued send; `conflatable` marks those a snapshot may replace. */
interface Send {
  run: () => void;
  conflatable?: true;
}

type Io = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export function createBroadcaster(deps: {
  io: Io;
  views: Views;
  store: Store;
  now: () => number;
  day: () => string;
  printers?: PrinterViews;
}) {
  const { io, views, store } = deps;
  /** Kiosk device id (null: demo kiosks with no token) → connected kiosks in its room. */
  const kioskRooms = new Map<number | null, number>();
  let seq = 0;
  let pending: Change[] = [];
  let scheduled = false;
  /** Members per public shard; a shard is filled before the next is opened, so few clients means one encode. */
  const shardSizes: number[] = [];
  /** Sends in commit order; worked a slice at a time. */
  const sends: Send[] = [];
  /** How many of `sends` are conflatable. */
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

  function enqueue(run: () => void, conflatable?: true) {
    sends.push(conflatable ? { run, conflatable } : { run });
    if (conflatable) conflatableQueued += 1;
    if (!sending) {
      sending = true;
      setImmediate(pump);
    }
  }
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
    const printers = c.printerIds ? (deps.printers?.byIds(c.printerIds) ?? []) : [];
    return {
      full: {
        ...base,
        tickets,
        counters: views.counters(c.counterIds, false),
        ...(c.printerIds ? { printers } : {}),
      },
      pub: {
        ...base,
        tickets: tickets.map(toPublicTicket),
        counters: views.counters(c.counterIds, true),
      },
    };
  }

  function flush() {
    scheduled = false;
    if (stopped) return;
    const changes = pending;
    pending = [];
    const touched = new Set<string>();
    for (const c of changes) {
      const { full, pub } = toEvents(c);
      enqueue(() => io.to(FULL_ROOM).emit('queue:event', full));
      shardSizes.forEach((size, shard) => {
        if (size > 0) enqueue(() => io.to(publicRoom(shard)).emit('queue:event', pub), true);
      });
      for (const [deviceId, members] of kioskRooms) {
        if (members === 0) continue;
        // Only the printer this kiosk prints on, and only if it is one that changed: another
        // kiosk's printer, or a shared one this kiosk does not use, is none of its business.
        const changed = new Set(c.printerIds ?? []);
        const own = c.printerIds
          ? { printers: (deps.printers?.forKiosk(deviceId) ?? []).filter((p) => changed.has(p.id)) }
          : {};
        enqueue(() => io.to(kioskRoom(deviceId)).emit('queue:event', { ...pub, ...own }), true);
      }
      for (const s of c.serviceIds) touched.add(s);
    }
    conflatePublicBacklog();
    // Each watched ticket's view costs a few queries: build it in its own slice, not all at once.
    for (const [code, entry] of watched) {
      if (!touched.has(entry.serviceId)) continue;
      enqueue(() => {
        const view = views.ticket(code);
        if (!view) return;
        entry.serviceId = view.service.id;
        io.to(watchRoom(code)).emit('ticket:update', view);
      });
    }
  }

  /** Too many public and kiosk events queued: drop them and send each room one snapshot instead. */
  function conflatePublicBacklog() {
    const rooms = shardSizes.filter((size) => size > 0).length + kioskRooms.size;
    if (rooms === 0 || conflatableQueued < PUBLIC_BACKLOG_MAX_EVENTS * rooms) return;
    const kept = sends.filter((send) => !send.conflatable);
    sends.splice(0, sends.length, ...kept);
    conflatableQueued = 0;
    // Every change so far has its seq, so this state and this seq agree; clients
    // replace their state with it and skip any event at or below its seq.
    const snapshot = views.snapshot(seq, false);
    shardSizes.forEach((size, shard) => {
      if (size > 0) enqueue(() => io.to(publicRoom(shard)).emit('queue:snapshot', snapshot), true);
    });
    for (const deviceId of kioskRooms.keys()) {
      const own = deps.printers ? { printers: deps.printers.forKiosk(deviceId) } : {};
      enqueue(
        () => io.to(kioskRoom(deviceId)).emit('queue:snapshot', { ...snapshot, ...own }),
        true,
      );
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

    /** Puts a public client in the first shard with room; call the returned function when it leaves. */
    joinPublic(socketJoin: (room: string) => void): () => void {
      let shard = shardSizes.findIndex((size) => size < PUBLIC_SHARD_SIZE);
      if (shard === -1) shard = shardSizes.push(0) - 1;
      shardSizes[shard] = (shardSizes[shard] ?? 0) + 1;
      socketJoin(publicRoom(shard));
      return () => {
        shardSizes[shard] = Math.max(0, (shardSizes[shard] ?? 1) - 1);
      };
    },

    /** A kiosk gets the public events with its own printers' state; call the result when it leaves. */
    joinKiosk(socketJoin: (room: string) => void, deviceId: number | null): () => void {
      kioskRooms.set(deviceId, (kioskRooms.get(deviceId) ?? 0) + 1);
      socketJoin(kioskRoom(deviceId));
      return () => {
        const left = (kioskRooms.get(deviceId) ?? 1) - 1;
        if (left > 0) kioskRooms.set(deviceId, left);
        else kioskRooms.delete(deviceId);
      };
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

    /** Drops whatever is still queued; for shutdown. */
    stop() {
      stopped = true;
      pending = [];
      sends.length = 0;
    },

    get seq() {
      return seq;
    },
  };
}

export type Broadcaster = ReturnType<typeof createBroadcaster>;
