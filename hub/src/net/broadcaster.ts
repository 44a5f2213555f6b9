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
 *
 * Staff devices get one event per change. Public clients (displays, kiosks,
 * phones) get their own stream, with its own `seq`: a call or recall goes
 * out at once, other changes are folded into at most one event per
 * PUBLIC_INTERVAL_MS. A waiting count half a second late is invisible on a
 * hall screen; writing every issued ticket to hundreds of sockets is not.
 */
import type { Server } from 'socket.io';
import type { Change } from '../queue/queue-service.js';
import type { Store } from '../queue/store.js';
import { toPublicTicket, type Views } from '../queue/views.js';
import type {
  CallView,
  ClientToServerEvents,
  InterServerEvents,
  PublicQueueEvent,
  QueueEvent,
  QueueEventType,
  ServerToClientEvents,
  Snapshot,
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
/**
 * The shortest time between two public events that carry no call. A change
 * after a quiet spell goes out at once; the ones that follow within this
 * time wait and share one event.
 */
export const PUBLIC_INTERVAL_MS = 500;

/** Changes not yet sent to public clients; one public event carries them all. */
interface Fold {
  type: QueueEventType;
  at: number;
  /**
   * The last change's tickets only. Public clients keep no ticket list (their
   * tickets come in acks and `ticket:update`), and a fold of a rush would
   * otherwise write hundreds of them to every screen.
   */
  ticketIds: readonly number[];
  serviceIds: Set<string>;
  counterIds: Set<number>;
  printerIds: Set<number>;
  call: CallView | null;
  centre: boolean;
}

/** These replace the client's lists (and the day-rolled one its calls), so they go alone. */
const standsAlone = (c: Change) => c.type === 'day-rolled' || c.type === 'config-changed';

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
  /** The staff stream's last event, and the public stream's. */
  let seq = 0;
  let publicSeq = 0;
  let fold: Fold | null = null;
  let lastPublicAt = -Infinity;
  let foldTimer: NodeJS.Timeout | null = null;
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

  function fullEvent(c: Change): QueueEvent {
    seq += 1;
    const printers = c.printerIds ? (deps.printers?.byIds(c.printerIds) ?? []) : [];
    return {
      seq,
      at: deps.now(),
      type: c.type,
      day: deps.day(),
      services: views.services(c.serviceIds),
      call: c.call,
      ...(standsAlone(c) ? { centre: views.centre() } : {}),
      tickets: c.ticketIds.map((id) => store.ticketById(id)).filter((t) => t !== undefined),
      counters: views.counters(c.counterIds, false),
      ...(c.printerIds ? { printers } : {}),
    };
  }

  function addToFold(c: Change) {
    fold ??= {
      type: c.type,
      at: 0,
      ticketIds: [],
      serviceIds: new Set(),
      counterIds: new Set(),
      printerIds: new Set(),
      call: null,
      centre: false,
    };
    fold.type = c.type;
    fold.at = deps.now();
    fold.ticketIds = c.ticketIds;
    for (const id of c.serviceIds) fold.serviceIds.add(id);
    for (const id of c.counterIds) fold.counterIds.add(id);
    for (const id of c.printerIds ?? []) fold.printerIds.add(id);
    fold.call = c.call ?? fold.call;
    fold.centre ||= standsAlone(c);
  }

  /** Sends what the fold holds as one public event, built from the state as it is now. */
  function sendFold() {
    if (foldTimer) clearTimeout(foldTimer);
    foldTimer = null;
    const f = fold;
    if (!f) return;
    fold = null;
    lastPublicAt = performance.now();
    publicSeq += 1;
    const pub: PublicQueueEvent = {
      seq: publicSeq,
      at: f.at,
      type: f.type,
      day: deps.day(),
      services: views.services([...f.serviceIds]),
      call: f.call,
      ...(f.centre ? { centre: views.centre() } : {}),
      tickets: f.ticketIds
        .map((id) => store.ticketById(id))
        .filter((t) => t !== undefined)
        .map(toPublicTicket),
      counters: views.counters([...f.counterIds], true),
    };
    shardSizes.forEach((size, shard) => {
      if (size > 0) enqueue(() => io.to(publicRoom(shard)).emit('queue:event', pub), true);
    });
    for (const [deviceId, members] of kioskRooms) {
      if (members === 0) continue;
      // Only the printer this kiosk prints on, and only if it is one that changed: another
      // kiosk's printer, or a shared one this kiosk does not use, is none of its business.
      const own =
        f.printerIds.size > 0
          ? {
              printers: (deps.printers?.forKiosk(deviceId) ?? []).filter((p) =>
                f.printerIds.has(p.id),
              ),
            }
          : {};
      enqueue(() => io.to(kioskRoom(deviceId)).emit('queue:event', { ...pub, ...own }), true);
    }
    conflatePublicBacklog();
    // Each watched ticket's view costs a few queries: build it in its own slice, not all at once.
    for (const [code, entry] of watched) {
      if (!f.serviceIds.has(entry.serviceId)) continue;
      enqueue(() => {
        const view = views.ticket(code);
        if (!view) return;
        entry.serviceId = view.service.id;
        io.to(watchRoom(code)).emit('ticket:update', view);
      });
    }
  }

  function flush() {
    scheduled = false;
    if (stopped) return;
    const changes = pending;
    pending = [];
    for (const c of changes) {
      const full = fullEvent(c);
      enqueue(() => io.to(FULL_ROOM).emit('queue:event', full));
      if (standsAlone(c)) {
        sendFold();
        addToFold(c);
        sendFold();
      } else {
        addToFold(c);
        if (c.call) sendFold(); // a call is never kept waiting, and takes the fold with it
      }
    }
    if (!fold || foldTimer) return;
    const wait = lastPublicAt + PUBLIC_INTERVAL_MS - performance.now();
    if (wait <= 0) sendFold();
    else foldTimer = setTimeout(sendFold, wait);
  }

  /** Too many public and kiosk events queued: drop them and send each room one snapshot instead. */
  function conflatePublicBacklog() {
    const rooms = shardSizes.filter((size) => size > 0).length + kioskRooms.size;
    if (rooms === 0 || conflatableQueued < PUBLIC_BACKLOG_MAX_EVENTS * rooms) return;
    const kept = sends.filter((send) => !send.conflatable);
    sends.splice(0, sends.length, ...kept);
    conflatableQueued = 0;
    // Called as a fold goes out: the state holds every public event up to `publicSeq` (and
    // perhaps changes the next one will carry again); clients replace their state with it
    // and skip any event at or below that seq.
    const snapshot = views.snapshot(publicSeq, false);
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

    /**
     * A snapshot for the staff stream (`full`: with the waiting tickets) or the
     * public one, at that stream's `seq`: anything committed is published first.
     */
    snapshot(full: boolean): Snapshot {
      if (pending.length > 0) flush();
      // A public one may already show changes still waiting in the fold (never a call: those
      // go at once); the event that carries them later merges what the client already has.
      // Sending the fold here instead would let every phone that connects undo the folding.
      return full ? views.snapshot(seq, true) : views.snapshot(publicSeq, false);
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
      if (foldTimer) clearTimeout(foldTimer);
      fold = null;
      pending = [];
      sends.length = 0;
    },
  };
}

export type Broadcaster = ReturnType<typeof createBroadcaster>;
