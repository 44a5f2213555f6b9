/**
 * The public stream: what kiosks, hall displays and phones hear. A call goes
 * out at once; other changes wait in the fold (public-fold.ts) and share one
 * event per PUBLIC_INTERVAL_MS; a backlog too long for the screens to keep
 * up with is replaced by one snapshot per room.
 */
import type { Change } from '../changes/change.js';
import { toPublicTicket } from '../views/views.js';
import type { Io } from './io.js';
import type { PrinterViews } from '../print/printing.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import type { ServiceDay } from '../day/service-day.js';
import type { Views } from '../views/views.js';
import { addToFold, standsAlone, type Fold } from './public-fold.js';
import { kioskRoom, publicRoom, watchRoom, type PublicRooms } from './public-rooms.js';
import type { SendOptions, SendQueue } from './send-queue.js';
import type { PublicQueueEvent } from '../../../shared/protocol.js';

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

export interface StreamDeps {
  io: Io;
  views: Views;
  tickets: TicketStore;
  day: ServiceDay;
  printers: PrinterViews;
  now: () => number;
}

export interface PublicStream {
  seq(): number;
  /** Folds the change in; a call, or a change that stands alone, goes out at once. */
  add(change: Change): void;
  /** After a batch of `add`s: sends the fold now, or when the interval since the last has passed. */
  due(): void;
  stop(): void;
}

interface Out {
  deps: StreamDeps;
  rooms: PublicRooms;
  sends: SendQueue;
}

function publicEvent({ deps }: Out, seq: number, f: Fold): PublicQueueEvent {
  return {
    seq,
    at: f.at,
    type: f.type,
    day: deps.day.current(),
    services: deps.views.services([...f.serviceIds]),
    call: f.call,
    ...(f.centre ? { centre: deps.views.centre() } : {}),
    tickets: f.ticketIds
      .map((id) => deps.tickets.byId(id))
      .filter((t) => t !== undefined)
      .map(toPublicTicket),
    counters: deps.views.counters([...f.counterIds], true),
  };
}

/**
 * One event to every shard, and to each kiosk with only its own printer, if
 * that one changed. A call is what the hall waits for: it is encoded once and
 * written to every display in one go, as a bare Socket.IO broadcast is, so
 * the last screen hears it as soon as the first (requests wait behind it for
 * that one write, about 15 ms for a thousand displays on the reference
 * machine). Anything else goes a shard at a time, paced (send-queue.ts).
 */
function sendEvent({ deps, rooms, sends }: Out, pub: PublicQueueEvent, f: Fold) {
  const how = sendOptions(f);
  const shards = rooms.shards().map(publicRoom);
  if (f.call && shards.length > 0) {
    sends.enqueue(() => deps.io.to(shards).emit('queue:event', pub), how);
  } else {
    for (const shard of shards) {
      sends.enqueue(() => deps.io.to(shard).emit('queue:event', pub), how);
    }
  }
  for (const deviceId of rooms.kiosks()) {
    // A configuration change may have given the kiosk another printer, or taken its own away:
    // it gets the one it prints on now, in full (apply-event.ts replaces its list).
    const own =
      f.type === 'config-changed'
        ? { printers: deps.printers.forKiosk(deviceId) }
        : f.printerIds.size === 0
          ? {}
          : { printers: deps.printers.forKiosk(deviceId).filter((p) => f.printerIds.has(p.id)) };
    const e = { ...pub, ...own };
    sends.enqueue(() => deps.io.to(kioskRoom(deviceId)).emit('queue:event', e), how);
  }
}

/** Public sends are conflatable; those of a fold without a call are paced. */
const sendOptions = (f: Fold): SendOptions =>
  f.call ? { conflatable: true } : { conflatable: true, paced: true };

/** Each watched ticket's view costs a few queries: each is built in its own slice. */
function updateWatchers({ deps, rooms, sends }: Out, f: Fold) {
  // Paced as the fold's events are, so each phone's update still comes after its event.
  const how = f.call ? {} : { paced: true as const };
  for (const [code, entry] of rooms.watched()) {
    if (!f.serviceIds.has(entry.serviceId)) continue;
    sends.enqueue(() => {
      const view = deps.views.ticket(code);
      if (!view) return;
      entry.serviceId = view.service.id;
      deps.io.to(watchRoom(code)).emit('ticket:update', view);
    }, how);
  }
}

/** Too many public and kiosk events queued: drop them and send each room one snapshot instead. */
function conflateBacklog({ deps, rooms, sends }: Out, seq: number) {
  const shards = rooms.shards();
  const kiosks = rooms.kiosks();
  const count = shards.length + kiosks.length;
  if (count === 0 || sends.conflatable() < PUBLIC_BACKLOG_MAX_EVENTS * count) return;
  sends.dropConflatable();
  // Called as a fold goes out: the state holds every public event up to `seq` (and
  // perhaps changes the next one will carry again); clients replace their state with it
  // and skip any event at or below that seq.
  const snapshot = deps.views.snapshot(seq, false);
  for (const shard of shards) {
    sends.enqueue(() => deps.io.to(publicRoom(shard)).emit('queue:snapshot', snapshot), {
      conflatable: true,
    });
  }
  for (const deviceId of kiosks) {
    const own = { ...snapshot, printers: deps.printers.forKiosk(deviceId) };
    sends.enqueue(() => deps.io.to(kioskRoom(deviceId)).emit('queue:snapshot', own), {
      conflatable: true,
    });
  }
}

export function createPublicStream(
  deps: StreamDeps,
  rooms: PublicRooms,
  sends: SendQueue,
): PublicStream {
  const out: Out = { deps, rooms, sends };
  let seq = 0;
  let fold: Fold | null = null;
  let lastSentAt = -Infinity;
  let timer: NodeJS.Timeout | null = null;

  /** Sends what the fold holds as one public event, built from the state as it is now. */
  function send() {
    if (timer) clearTimeout(timer);
    timer = null;
    const f = fold;
    if (!f) return;
    fold = null;
    lastSentAt = performance.now();
    seq += 1;
    sendEvent(out, publicEvent(out, seq, f), f);
    conflateBacklog(out, seq);
    updateWatchers(out, f);
  }

  const addNow = (c: Change) => (fold = addToFold(fold, c, deps.now()));

  return {
    seq: () => seq,
    add(c) {
      if (standsAlone(c)) {
        send();
        addNow(c);
        send();
        return;
      }
      addNow(c);
      if (c.call) send(); // a call is never kept waiting, and takes the fold with it
    },
    due() {
      if (!fold || timer) return;
      const wait = lastSentAt + PUBLIC_INTERVAL_MS - performance.now();
      if (wait <= 0) send();
      else timer = setTimeout(send, wait);
    },
    stop() {
      if (timer) clearTimeout(timer);
      fold = null;
    },
  };
}
