/**
 * The Socket.IO side of the hub: the handshake (roles, device tokens, demo
 * trust), the role × event matrix, and one short handler per event that
 * reads validate → transaction → ack → broadcast.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Actor, Outcome, QueueService } from '../queue/queue-service.js';
import type { Views } from '../queue/views.js';
import type { StaffAuth } from '../auth/staff-login.js';
import type { StaffSessions } from '../auth/staff-sessions.js';
import type { CounterStats } from '../queue/counter-stats.js';
import type { createDeviceAuth } from '../auth/devices.js';
import { HubError, notFound } from '../queue/hub-error.js';
import { createBroadcaster, FULL_ROOM, type Broadcaster } from './broadcaster.js';
import type { SocketData } from './socket-data.js';
import { tokenBucket } from './rate-limit.js';
import {
  HandshakeAuthSchema,
  mayRoleSend,
  RequestSchemas,
  type Ack,
  type ClientToServerEvents,
  type InterServerEvents,
  type RequestEvent,
  type RequestPayload,
  type ResponseData,
  type Role,
  type ServerToClientEvents,
  type Staff,
} from '../../../shared/protocol.js';
import type { Store } from '../queue/store.js';
import type { PrinterViews } from '../print/printing.js';
import type { PrintJobPayload, Snapshot } from '../../../shared/protocol.js';

type Io = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export const MAX_PAYLOAD_BYTES = 64 * 1024;
/** Phones are untrusted: a few requests a second is plenty for watching one ticket. */
const PUBLIC_BURST = 20;
const PUBLIC_PER_SECOND = 5;

export interface SocketDeps {
  queue: QueueService;
  views: Views;
  store: Store;
  staffAuth: StaffAuth;
  staffSessions: StaffSessions;
  counterStats: CounterStats;
  deviceAuth: ReturnType<typeof createDeviceAuth>;
  log: Logger;
  demo: boolean;
  now: () => number;
  /** Runs before each request: starts a new service day if midnight has passed. */
  rolloverIfDue: () => void;
  printers?: PrinterViews;
}

interface Ctx {
  socket: HubSocket;
  actor: Actor;
  /** The logged-in staff member, re-read so a deactivated account stops working at once. */
  staff(): Staff;
}

type Result<E extends RequestEvent> = Outcome<ResponseData[E]>;
type Handler<E extends RequestEvent> = (
  ctx: Ctx,
  payload: RequestPayload<E>,
) => Result<E> | Promise<Result<E>>;

const isLoopback = (address: string) =>
  address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');

/**
 * Only staff devices see full tickets (codes, priorities) and who sits at
 * each counter; kiosks, hall displays and phones get the public subset.
 */
const seesFullEvents = (role: Role) => role === 'counter' || role === 'console';

const done = <T>(data: T): Outcome<T> => ({ data, changes: [] });

export function attachSocketServer(httpServer: HttpServer, deps: SocketDeps) {
  const { queue, views, store, staffAuth, log } = deps;

  const io: Io = new Server(httpServer, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    serveClient: false,
    // Browsers must come from the hub's own origin; non-browser clients send no Origin.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      if (!origin) return callback(null, true);
      try {
        callback(null, new URL(origin).host === req.headers.host);
      } catch {
        callback(null, false);
      }
    },
  });

  const broadcaster: Broadcaster = createBroadcaster({
    io,
    views,
    store,
    now: deps.now,
    day: () => queue.currentDay(),
    ...(deps.printers ? { printers: deps.printers } : {}),
  });

  io.use((socket, next) => {
    const auth = HandshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) {
      return next(new Error('invalid-request: auth must be { protocol: 1, token?, role? }'));
    }
    let role: Role = 'public';
    let deviceId: number | null = null;
    if (auth.data.token) {
      const device = deps.deviceAuth.authenticate(auth.data.token);
      if (!device) return next(new Error('unauthorized: unknown or revoked device token'));
      role = device.role;
      deviceId = device.id;
    } else if (auth.data.role && auth.data.role !== 'public') {
      if (!deps.demo || !isLoopback(socket.handshake.address)) {
        return next(new Error(`unauthorized: role ${auth.data.role} needs a paired device token`));
      }
      role = auth.data.role;
    }
    const printAgent = auth.data.printAgent === true;
    if (printAgent && (role !== 'kiosk' || deviceId === null)) {
      return next(new Error('unauthorized: a print agent needs a paired kiosk token'));
    }
    socket.data = {
      role,
      deviceId,
      staffId: null,
      sessionId: null,
      counterId: null,
      watching: [],
      printAgent,
    };
    next();
  });

  function ctxOf(socket: HubSocket): Ctx {
    const d = socket.data;
    return {
      socket,
      actor: { deviceId: d.deviceId, staffId: d.staffId, counterId: d.counterId },
      staff() {
        const staff = d.staffId === null ? null : staffAuth.current(d.staffId);
        if (!staff) throw new HubError('unauthorized', 'Log in first', 'login-required');
        if (d.role === 'console' && staff.role !== 'manager') {
          throw new HubError('forbidden', 'Only a manager may do this from the console');
        }
        return staff;
      },
    };
  }

  const counterView = (id: number) => {
    const view = views.counter(id, false);
    if (!view) throw notFound(`Counter ${id}`);
    return view;
  };

  const handlers: { [E in RequestEvent]: Handler<E> } = {
    'queue:snapshot': ({ socket }) => done(snapshotFor(socket.data)),
    'ticket:issue': async (ctx, p) => {
      if (ctx.socket.data.role === 'console') ctx.staff();
      const source = ctx.socket.data.role === 'kiosk' ? 'kiosk' : 'api';
      const outcome = await queue.issueGrouped(ctx.actor, p, source);
      const view = views.ticket(outcome.data.code);
      const standing = {
        peopleAhead: view?.peopleAhead ?? null,
        estimatedWaitMs: view?.estimatedWaitMs ?? null,
      };
      return { data: { ...outcome.data, ...standing }, changes: outcome.changes };
    },
    'staff:login': async (ctx, p) => {
      const staff = await staffAuth.login(p.username, p.pin);
      if (ctx.socket.data.role === 'console' && staff.role !== 'manager') {
        throw new HubError('forbidden', 'The console is for managers');
      }
      // The PIN check was slow: act on the connection as it is now, not as it was.
      const changes = logIn(ctxOf(ctx.socket), staff.id, null);
      const session = deps.staffSessions.start(staff.id);
      ctx.socket.data.sessionId = session.id;
      return { data: { staff, sessionToken: session.token }, changes };
    },
    'staff:resume': (ctx, p) => {
      const session = deps.staffSessions.find(p.sessionToken);
      const staff = session ? staffAuth.current(session.staffId) : null;
      if (!session || !staff) {
        throw new HubError('unauthorized', 'The session has ended: log in again', 'session-ended');
      }
      if (ctx.socket.data.role === 'console' && staff.role !== 'manager') {
        throw new HubError('forbidden', 'The console is for managers');
      }
      return { data: { staff }, changes: logIn(ctx, staff.id, session.id) };
    },
    'staff:logout': (ctx) => {
      const changes = leaveCounter(ctx);
      if (ctx.socket.data.sessionId !== null) deps.staffSessions.end(ctx.socket.data.sessionId);
      ctx.socket.data.staffId = null;
      ctx.socket.data.sessionId = null;
      return { data: {}, changes };
    },
    'counter:stats': (ctx, { counterId }) => {
      const staff = ctx.staff();
      counterView(counterId);
      const day = queue.currentDay();
      return done({
        at: deps.now(),
        counter: deps.counterStats.forCounter(day, counterId),
        staff: deps.counterStats.forStaff(day, staff.id),
      });
    },
    'counter:open': (ctx, { counterId }) => {
      const staff = ctx.staff();
      counterView(counterId); // not-found before forbidden
      if (!staff.counters.includes(counterId)) {
        throw new HubError(
          'forbidden',
          `You may not work at counter ${counterId}`,
          'not-allowed-at-counter',
        );
      }
      const outcome = queue.openCounter(ctx.actor, counterId);
      takeCounter(ctx.socket, counterId);
      return { data: counterView(counterId), changes: outcome.changes };
    },
    'counter:call-next': (ctx, p) => (ctx.staff(), queue.callNext(ctx.actor, p.counterId)),
    'counter:call': (ctx, p) => (ctx.staff(), queue.call(ctx.actor, p)),
    'ticket:recall': (ctx, p) => (ctx.staff(), queue.recall(ctx.actor, p)),
    'ticket:start': (ctx, p) => (ctx.staff(), queue.start(ctx.actor, p)),
    'ticket:complete': (ctx, p) => (ctx.staff(), queue.complete(ctx.actor, p)),
    'ticket:no-show': (ctx, p) => (ctx.staff(), queue.noShow(ctx.actor, p)),
    'ticket:park': (ctx, p) => (ctx.staff(), queue.park(ctx.actor, p)),
    'ticket:resume': (ctx, p) => (ctx.staff(), queue.resume(ctx.actor, p)),
    'ticket:cancel': (ctx, p) => (ctx.staff(), queue.cancel(ctx.actor, p)),
    'ticket:transfer': (ctx, p) => (ctx.staff(), queue.transfer(ctx.actor, p)),
    'counter:pause': (ctx, p) =>
      withCounterView(ctx, () => queue.pauseCounter(ctx.actor, p.counterId, p.reason ?? 'other')),
    'counter:resume': (ctx, p) =>
      withCounterView(ctx, () => queue.resumeCounter(ctx.actor, p.counterId)),
    'counter:close': (ctx, p) =>
      withCounterView(ctx, () => queue.closeCounter(ctx.actor, p.counterId)),
    'ticket:watch': ({ socket }, { code }) => {
      const view = views.ticket(code);
      if (!view) throw notFound('Ticket');
      if (!socket.data.watching.includes(code)) {
        socket.data.watching.push(code);
        broadcaster.watch((room) => void socket.join(room), code, view.service.id);
      }
      return done(view);
    },
    'feedback:submit': (_ctx, p) => {
      queue.submitFeedback(p.code, p.score, p.answers ?? {});
      return done({});
    },
  };

  /** Which connection works each counter: a counter is worked from one place at a time. */
  const counterOwners = new Map<number, HubSocket>();

  function takeCounter(socket: HubSocket, counterId: number) {
    const previous = counterOwners.get(counterId);
    if (previous && previous !== socket) previous.data.counterId = null;
    if (socket.data.counterId !== null) counterOwners.delete(socket.data.counterId);
    counterOwners.set(counterId, socket);
    socket.data.counterId = counterId;
  }

  /** Replaces any earlier login on the connection, leaving its counter as `staff:logout` does. */
  function logIn(ctx: Ctx, staffId: number, sessionId: number | null) {
    const changes = leaveCounter(ctx);
    ctx.socket.data.staffId = staffId;
    ctx.socket.data.sessionId = sessionId;
    return changes;
  }

  /** A clerk who logs out closes their counter, unless a citizen is still at it. */
  function leaveCounter(ctx: Ctx) {
    const counterId = ctx.socket.data.counterId;
    if (counterId === null) return [];
    const changes = store.counterCurrent(counterId)
      ? []
      : queue.closeCounter(ctx.actor, counterId).changes;
    counterOwners.delete(counterId);
    ctx.socket.data.counterId = null;
    return changes;
  }

  function withCounterView(ctx: Ctx, run: () => Outcome<number>) {
    ctx.staff();
    const outcome = run();
    return { data: counterView(outcome.data), changes: outcome.changes };
  }

  function snapshotFor({ role, deviceId }: SocketData): Snapshot {
    const snapshot = broadcaster.snapshot(seesFullEvents(role));
    const printers = deps.printers;
    if (!printers || (role !== 'kiosk' && !seesFullEvents(role))) return snapshot;
    return {
      ...snapshot,
      printers: role === 'kiosk' ? printers.forKiosk(deviceId) : printers.all(),
    };
  }

  async function handle<E extends RequestEvent>(
    socket: HubSocket,
    event: E,
    payload: unknown,
    ack: (res: Ack<ResponseData[E]>) => void,
  ) {
    try {
      if (!mayRoleSend(socket.data.role, event)) {
        throw new HubError('forbidden', `A ${socket.data.role} client may not send ${event}`);
      }
      const parsed = RequestSchemas[event].safeParse(payload);
      if (!parsed.success) {
        throw new HubError('invalid-request', `${event}: ${z.prettifyError(parsed.error)}`);
      }
      deps.rolloverIfDue();
      const handler = handlers[event] as Handler<E>;
      const outcome = await handler(ctxOf(socket), parsed.data as RequestPayload<E>);
      ack({ ok: true, data: outcome.data });
      broadcaster.publish(outcome.changes);
    } catch (err) {
      if (err instanceof HubError) return ack({ ok: false, error: err.toAck() });
      log.error({ err, event }, 'handler failed');
      ack({ ok: false, error: { code: 'internal', message: 'The hub could not do that' } });
    }
  }

  const known = new Set<string>(Object.keys(handlers));

  /** Connected print agents by kiosk device: the newest connection wins. */
  const agents = new Map<number, HubSocket>();

  io.on('connection', (socket) => {
    const { role } = socket.data;
    // A print agent only takes print jobs: no snapshot, no events, no requests.
    if (socket.data.printAgent && socket.data.deviceId !== null) {
      const deviceId = socket.data.deviceId;
      agents.set(deviceId, socket);
      socket.on('disconnect', () => {
        if (agents.get(deviceId) === socket) agents.delete(deviceId);
      });
      return;
    }
    // Taken before joining a room, so no event can overtake the first snapshot.
    try {
      socket.emit('queue:snapshot', snapshotFor(socket.data));
    } catch (err) {
      log.error({ err }, 'snapshot failed');
      socket.disconnect(true); // the client reconnects and asks again
      return;
    }
    let leavePublic = () => {};
    if (seesFullEvents(role)) void socket.join(FULL_ROOM);
    else if (role === 'kiosk') {
      leavePublic = broadcaster.joinKiosk((room) => void socket.join(room), socket.data.deviceId);
    } else leavePublic = broadcaster.joinPublic((room) => void socket.join(room));
    const allow = role === 'public' ? tokenBucket(PUBLIC_BURST, PUBLIC_PER_SECOND, deps.now) : null;

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
      void handle(socket, event as RequestEvent, args.length > 1 ? args[0] : undefined, reply);
    });

    socket.on('disconnect', () => {
      leavePublic();
      for (const code of socket.data.watching) broadcaster.unwatch(code);
      const counterId = socket.data.counterId;
      if (counterId !== null && counterOwners.get(counterId) === socket)
        counterOwners.delete(counterId);
    });
  });

  /** Sends a job to a kiosk station's print agent; null when that station is not connected. */
  function sendToAgent(deviceId: number, job: PrintJobPayload, timeoutMs: number) {
    const agent = agents.get(deviceId);
    if (!agent) return null;
    return agent.timeout(timeoutMs).emitWithAck('print:job', job);
  }

  return { io, broadcaster, sendToAgent };
}
