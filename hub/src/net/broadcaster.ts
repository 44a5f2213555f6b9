/**
 * Turns committed changes into `queue:event`s (full for staff devices, the
 * public subset for everyone else) and `ticket:update`s for phones watching
 * a ticket.
 *
 * Acks never wait for broadcasts: events are built after the acks of the
 * same turn of the event loop, and the sends themselves go through a FIFO per
 * stream that is worked in short slices (send-queue.ts). Public clients are
 * spread over a few rooms (public-rooms.ts), so a public event without a call
 * to a thousand displays is several small sends, paced, with requests served
 * in between, not one long block; a call goes to all of them in one write.
 *
 * Staff devices get one event per change. Public clients (displays, kiosks,
 * phones) get their own stream, with its own `seq`: a call or recall goes
 * out at once, other changes are folded into at most one event per
 * PUBLIC_INTERVAL_MS. A waiting count half a second late is invisible on a
 * hall screen; writing every issued ticket to hundreds of sockets is not.
 */
import type { Change } from '../changes/change.js';
import { standsAlone } from './public-fold.js';
import { createPublicStream, type StreamDeps } from './public-stream.js';
import { createPublicRooms, FULL_ROOM, type Join } from './public-rooms.js';
import { createSendQueue } from './send-queue.js';
import { createFlushReads } from './flush-reads.js';
import type { QueueEvent, ResponseData, Snapshot } from '../../../shared/protocol.js';

export interface Broadcaster {
  publish(changes: readonly Change[]): void;
  /**
   * A snapshot for the staff stream (`full`: with the waiting tickets) or the
   * public one, at that stream's `seq`: anything committed is published first.
   */
  snapshot(full: boolean): Snapshot;
  /** A page of a service's waiting tickets at the staff stream's `seq`, as `snapshot(true)`. */
  waitingPage(serviceId: string, offset: number): ResponseData['queue:waiting'];
  /** Puts a public client in the first shard with room; call the result when it leaves. */
  joinPublic(join: Join): () => void;
  /** A kiosk gets the public events with its own printers' state; call the result when it leaves. */
  joinKiosk(join: Join, deviceId: number | null): () => void;
  watch(join: Join, code: string, serviceId: string): void;
  unwatch(code: string): void;
  /** Drops whatever is still queued; for shutdown. */
  stop(): void;
}

/** The staff stream: one full event per change, in commit order. */
function staffStream(deps: StreamDeps) {
  let seq = 0;
  return {
    seq: () => seq,
    event(c: Change): QueueEvent {
      seq += 1;
      return {
        seq,
        at: deps.now(),
        type: c.type,
        day: deps.day.current(),
        services: deps.views.services(c.serviceIds),
        call: c.call,
        ...(standsAlone(c) ? { centre: deps.views.centre() } : {}),
        tickets: c.ticketIds.map((id) => deps.tickets.byId(id)).filter((t) => t !== undefined),
        counters: deps.views.counters(c.counterIds, false),
        ...(c.printerIds ? { printers: deps.printers.byIds(c.printerIds) } : {}),
      };
    },
  };
}

export function createBroadcaster(deps: StreamDeps): Broadcaster {
  const reads = createFlushReads(deps);
  const rooms = createPublicRooms();
  // One FIFO per stream: a connection hears one stream only, so neither waits for the other
  // (the public one paces its folds; staff devices get each event as it comes).
  const sends = createSendQueue();
  const publicSends = createSendQueue();
  const staff = staffStream(reads.deps);
  const publicStream = createPublicStream(reads.deps, rooms, publicSends);
  let pending: Change[] = [];
  let scheduled = false;
  let stopped = false;

  function flush() {
    scheduled = false;
    if (stopped) return;
    const changes = pending;
    pending = [];
    reads.during(() => {
      for (const c of changes) {
        const full = staff.event(c);
        sends.enqueue(() => deps.io.to(FULL_ROOM).emit('queue:event', full));
        publicStream.add(c);
      }
      publicStream.due();
    });
  }

  return {
    publish(changes) {
      if (changes.length === 0) return;
      pending.push(...changes);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    snapshot(full) {
      if (pending.length > 0) flush();
      // A public one may already show changes still waiting in the fold (never a call: those
      // go at once); the event that carries them later merges what the client already has.
      // Sending the fold here instead would let every phone that connects undo the folding.
      return deps.views.snapshot(full ? staff.seq() : publicStream.seq(), full);
    },
    waitingPage(serviceId, offset) {
      if (pending.length > 0) flush();
      return { seq: staff.seq(), serviceId, ...deps.views.waitingPage(serviceId, offset) };
    },
    joinPublic: rooms.joinPublic,
    joinKiosk: rooms.joinKiosk,
    watch: rooms.watch,
    unwatch: rooms.unwatch,
    stop() {
      stopped = true;
      publicStream.stop();
      pending = [];
      sends.stop();
      publicSends.stop();
    },
  };
}
