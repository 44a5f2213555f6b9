/**
 * The Socket.IO side of the hub: it admits a socket (handshake.ts), gives it
 * its first snapshot and its rooms, and passes each request to the one
 * pipeline (pipeline.ts). The features' handlers come in merged; this file
 * knows no feature but printing's agents, which ride on their own sockets.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Logger } from 'pino';
import type { Connection } from '../connection.js';
import type { Desks } from '../counters/desks.js';
import type { DeviceAuth } from '../devices/devices.js';
import type { DevicePresence } from '../devices/presence.js';
import type { Alerts } from '../floor/alerts.js';
import type { Handlers } from '../handler.js';
import type { PrintAgents } from '../print/agents.js';
import type { PrinterViews } from '../print/printing.js';
import type { StaffAuth } from '../staff/staff-auth.js';
import { createBroadcaster, type Broadcaster } from './broadcaster.js';
import { authenticate, sameOrigin } from './handshake.js';
import type { StaffCutoff } from '../staff/staff-cutoff.js';
import { isJsonp, type HostGuard } from './host-guard.js';
import type { HubSocket, Io } from './io.js';
import { createPipeline, type Handle } from './pipeline.js';
import { FULL_ROOM, type Join } from './public-rooms.js';
import type { StreamDeps } from './public-stream.js';
import { keyedTokenBuckets, tokenBucket } from '../api/rate-limit.js';
import {
  seesFullEvents,
  snapshotFor,
  streamHandlers,
  type StreamEvent,
} from './stream-handlers.js';
import type { Ack, RequestEvent } from '../../../shared/protocol.js';

export const MAX_PAYLOAD_BYTES = 64 * 1024;
/** Phones are untrusted: a few requests a second is plenty for watching one ticket. */
const PUBLIC_BURST = 20;
const PUBLIC_PER_SECOND = 5;
/**
 * And per remote address, across its connections, so reconnecting does not
 * start afresh. Roomier than one connection's: a phone may hold two tabs, and
 * a guest Wi-Fi behind NAT shows several phones as one address.
 */
export const PUBLIC_ADDRESS_BURST = 60;
const PUBLIC_ADDRESS_PER_SECOND = 15;
const PUBLIC_ADDRESSES_KEPT = 10_000;

export interface SocketDeps extends Omit<StreamDeps, 'io'> {
  /** Every feature's handlers but the streams' own. */
  features: Handlers<Exclude<RequestEvent, StreamEvent>>;
  devices: DeviceAuth;
  staff: StaffAuth;
  desks: Desks;
  agents: PrintAgents;
  presence: DevicePresence;
  staffCutoff: StaffCutoff;
  alerts: Alerts;
  printers: PrinterViews;
  catchUpDay: () => void;
  log: Logger;
  demo: boolean;
  /** Which `Host` names this hub: nothing else opens a socket. */
  hostGuard: HostGuard;
}

/** A print agent only takes print jobs: no snapshot, no events, no requests. */
function attachAgent(socket: HubSocket, deviceId: number, agents: PrintAgents) {
  const detach = agents.attach(deviceId, (job, timeoutMs) =>
    socket.timeout(timeoutMs).emitWithAck('print:job', job),
  );
  socket.on('disconnect', detach);
}

/** Joins the socket to its stream; returns what undoes it when the socket goes. */
function joinStream(socket: HubSocket, broadcaster: Broadcaster): () => void {
  const join: Join = (room) => void socket.join(room);
  const { role, deviceId } = socket.data;
  if (seesFullEvents(role)) {
    join(FULL_ROOM);
    return () => {};
  }
  return role === 'kiosk' ? broadcaster.joinKiosk(join, deviceId) : broadcaster.joinPublic(join);
}

type ByAddress = (address: string) => boolean;

const publicAddressLimit = (now: () => number): ByAddress =>
  keyedTokenBuckets(PUBLIC_ADDRESS_BURST, PUBLIC_ADDRESS_PER_SECOND, now, PUBLIC_ADDRESSES_KEPT);

function serveRequests(
  socket: HubSocket,
  handle: Handle,
  known: Set<string>,
  now: () => number,
  byAddress: ByAddress,
) {
  const perConnection = tokenBucket(PUBLIC_BURST, PUBLIC_PER_SECOND, now);
  const address = socket.handshake.address;
  const allow = socket.data.role === 'public' ? () => perConnection() && byAddress(address) : null;
  socket.onAny((event: string, ...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') return; // every request carries an ack; nothing to answer
    const reply = ack as (res: Ack<unknown>) => void;
    if (allow && !allow()) {
      return reply({ ok: false, error: { code: 'rate-limited', message: 'Too many requests' } });
    }
    if (!known.has(event)) {
      return reply({
        ok: false,
        error: { code: 'invalid-request', message: `Unknown event ${event}` },
      });
    }
    void handle(socket.data, event as RequestEvent, args.length > 1 ? args[0] : undefined, reply);
  });
}

/** A deactivated person or a reset PIN: their open screens end now, not at their next key. */
function endStaffConnections(io: Io, staffId: number) {
  for (const socket of io.sockets.sockets.values()) {
    if (socket.data.staffId === staffId) socket.disconnect(true);
  }
}

/** What features tell connections outside any request: cut-offs, take-overs, alerts. */
function relayFeatures(io: Io, sockets: WeakMap<Connection, HubSocket>, deps: SocketDeps) {
  deps.staffCutoff.onCut((staffId) => endStaffConnections(io, staffId));
  deps.desks.onTakenOver((conn, notice) => sockets.get(conn)?.emit('counter:taken-over', notice));
  deps.alerts.onChange((alerts) => io.to(FULL_ROOM).emit('floor:alerts', alerts));
}

export function attachSocketServer(httpServer: HttpServer, deps: SocketDeps) {
  const io: Io = new Server(httpServer, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    serveClient: false,
    // A handshake only (engine.io asks once a session): an upgrade needs a session made here.
    allowRequest: (req, callback) =>
      callback(null, !isJsonp(req) && deps.hostGuard.allows(req) && sameOrigin(req)),
  });
  const broadcaster = createBroadcaster({ ...deps, io });
  const sockets = new WeakMap<Connection, HubSocket>();
  const handlers = {
    ...deps.features,
    ...streamHandlers({
      ...deps,
      broadcaster,
      joinerOf: (conn) => (room) => void sockets.get(conn)?.join(room),
    }),
  } satisfies Handlers<RequestEvent>;
  const handle = createPipeline({
    handlers,
    staff: deps.staff,
    catchUpDay: deps.catchUpDay,
    log: deps.log,
  });
  const known = new Set<string>(Object.keys(handlers));
  const byAddress = publicAddressLimit(deps.now);

  io.use((socket, next) => {
    const conn = authenticate(socket, deps);
    if (conn instanceof Error) return next(conn);
    socket.data = conn;
    sockets.set(conn, socket);
    next();
  });

  relayFeatures(io, sockets, deps);

  io.on('connection', (socket) => {
    const conn = socket.data;
    if (conn.deviceId !== null) {
      // Revoking the device ends this connection at once; it cannot come back with its token.
      const detach = deps.presence.attach(conn.deviceId, () => socket.disconnect(true));
      socket.on('disconnect', detach);
    }
    if (conn.printAgent && conn.deviceId !== null)
      return attachAgent(socket, conn.deviceId, deps.agents);
    // Taken before joining a room, so no event can overtake the first snapshot.
    try {
      socket.emit('queue:snapshot', snapshotFor(conn, broadcaster, deps.printers));
    } catch (err) {
      deps.log.error({ err }, 'snapshot failed');
      socket.disconnect(true); // the client reconnects and asks again
      return;
    }
    const leave = joinStream(socket, broadcaster);
    if (seesFullEvents(conn.role)) socket.emit('floor:alerts', deps.alerts.current());
    serveRequests(socket, handle, known, deps.now, byAddress);
    socket.on('disconnect', () => {
      leave();
      for (const code of conn.watching) broadcaster.unwatch(code);
      deps.desks.drop(conn);
    });
  });

  return { io, broadcaster };
}
