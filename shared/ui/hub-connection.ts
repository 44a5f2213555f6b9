/**
 * One app's link to the hub, with no React in it: handshake, the snapshot the
 * hub pushes on every (re)connect, `applyEvent` for each `queue:event`, a
 * fresh snapshot on any `seq` gap (docs/protocol.md §9), and reconnection.
 * Each app's `connection.ts` creates one and copies what it reports into its
 * zustand store.
 */
import { io, type Socket } from 'socket.io-client';
import { applyEvent } from '../domain/apply-event.js';
import {
  DeviceRoleSchema,
  ErrorReasonSchema,
  PROTOCOL_VERSION,
  type DeviceRole,
  type ErrorReason,
  type Ack,
  type ClientToServerEvents,
  type RequestEvent,
  type RequestPayload,
  type ResponseData,
  type Role,
  type ServerToClientEvents,
  type Snapshot,
} from '../protocol.js';

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * `connecting`: first attempt, nothing known yet. `online`: connected and the
 * snapshot is in. `offline`: the hub cannot be reached; retrying. `refused`:
 * the hub turned this device away (unknown token, role not allowed); retrying
 * slowly, since only a person can fix it.
 */
export type HubStatus = 'connecting' | 'online' | 'offline' | 'refused';

/** Why the hub turned this device away, from the refused handshake (docs/protocol.md §2). */
export interface HubRefusal {
  /** `device-revoked`, `wrong-app`, `pairing-required`…; null when the hub gave none. */
  reason: ErrorReason | null;
  /** With `wrong-app`: the role the device's token is for. */
  role: DeviceRole | null;
}

export interface HubConnectionOptions {
  role: Role;
  /** A paired device's token; without one only demo hubs accept roles other than public. */
  token?: string | undefined;
  /**
   * Asked at each (re)connect instead, for a device that may get its token
   * while the page is open (the console, at the end of the setup wizard).
   */
  currentToken?: () => string | undefined;
  /** Defaults to the page's own origin: the hub serves the apps. */
  url?: string;
  onSnapshot(snapshot: Snapshot): void;
  /** `refusal` comes with `refused`, and is null with every other status. */
  onStatus(status: HubStatus, refusal: HubRefusal | null): void;
}

export interface HubConnection {
  readonly socket: HubSocket;
  /** Sends one request; rejects if not connected or no ack comes within `timeoutMs`. */
  request<E extends RequestEvent>(
    event: E,
    payload: RequestPayload<E>,
    timeoutMs?: number,
  ): Promise<Ack<ResponseData[E]>>;
  /** Replaces the state with a fresh snapshot, as on a `seq` gap (e.g. after a conflict). */
  resync(): void;
  /** Changes the state outside an event (a page of the queue that arrived in an ack). */
  patch(update: (state: Snapshot) => Snapshot): void;
  close(): void;
}

export const REQUEST_TIMEOUT_MS = 10_000;
const RECONNECT_DELAY_MS = 1_000;
const RECONNECT_DELAY_MAX_MS = 5_000;
const REFUSED_RETRY_MS = 15_000;
/** After the hub ends the connection (a revoked device): ask again at once, to learn why. */
const SERVER_DISCONNECT_RETRY_MS = 100;

export class HubUnreachableError extends Error {
  constructor(cause?: unknown) {
    super('The hub did not answer', { cause });
    this.name = 'HubUnreachableError';
  }
}

/** The handshake tells the hub the protocol, the role and, for a paired device, its token. */
function openSocket(opts: HubConnectionOptions): HubSocket {
  return io(opts.url ?? window.location.origin, {
    // A function, so each reconnect sends the token as it is then.
    auth: (send) => {
      const token = opts.currentToken?.() ?? opts.token;
      const appVersion = `${opts.role} ${import.meta.env.KHIU_VERSION ?? 'dev'}`;
      send({
        protocol: PROTOCOL_VERSION,
        role: opts.role,
        appVersion,
        ...(token ? { token } : {}),
      });
    },
    reconnectionDelay: RECONNECT_DELAY_MS,
    reconnectionDelayMax: RECONNECT_DELAY_MAX_MS,
  });
}

/** One request and its ack (HubConnection.request). */
function sendRequest<E extends RequestEvent>(
  socket: HubSocket,
  event: E,
  payload: RequestPayload<E>,
  timeoutMs: number,
): Promise<Ack<ResponseData[E]>> {
  // Never let Socket.IO buffer a request while offline: it would be sent on
  // reconnect, long after the person who asked has walked away.
  if (!socket.connected) return Promise.reject(new HubUnreachableError());
  return new Promise((resolve, reject) => {
    // Socket.IO's typed emit cannot follow a generic event name to its ack type;
    // RequestPayload<E> and ResponseData[E] keep the two ends matched instead.
    const timed = socket.timeout(timeoutMs) as unknown as {
      emit(
        ev: E,
        body: RequestPayload<E>,
        ack: (err: Error | null, res: Ack<ResponseData[E]>) => void,
      ): void;
    };
    timed.emit(event, payload, (err, res) => {
      if (err) reject(new HubUnreachableError(err));
      else resolve(res);
    });
  });
}

function refusalOf(err: Error): HubRefusal {
  const data = (err as Error & { data?: { reason?: unknown; role?: unknown } }).data;
  return {
    reason: ErrorReasonSchema.safeParse(data?.reason).data ?? null,
    role: DeviceRoleSchema.safeParse(data?.role).data ?? null,
  };
}

export function connectToHub(opts: HubConnectionOptions): HubConnection {
  const socket = openSocket(opts);

  let state: Snapshot | null = null;
  let resyncing = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function replace(snapshot: Snapshot) {
    state = snapshot;
    resyncing = false;
    opts.onSnapshot(snapshot);
    opts.onStatus('online', null);
  }

  /** Socket.IO gives up after a refusal or a server-side disconnect; we never do. */
  function retryLater(delayMs: number) {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (!socket.connected) socket.connect();
    }, delayMs);
  }

  // Every (re)connect brings a snapshot before any event (docs/protocol.md §2), and it
  // replaces the state whole: after a hub restart its seq may be lower than ours.
  socket.on('queue:snapshot', replace);

  function resync() {
    if (resyncing || !socket.connected) return;
    resyncing = true;
    // An ack callback rather than emitWithAck: it runs before the next packet is
    // handled, so no event after the ack is dropped as "in flight".
    socket.emit('queue:snapshot', {}, (ack) => {
      if (ack.ok) replace(ack.data);
      else resyncing = false;
    });
  }

  socket.on('queue:event', (event) => {
    if (!state || resyncing) return;
    const next = applyEvent(state, event);
    if (next) {
      state = next;
      opts.onSnapshot(next);
      return;
    }
    resync();
  });

  socket.on('disconnect', (reason) => {
    resyncing = false;
    opts.onStatus('offline', null);
    if (reason === 'io server disconnect') retryLater(SERVER_DISCONNECT_RETRY_MS);
  });

  socket.on('connect_error', (err) => {
    // A refused handshake's message starts with its error code; a transport error does not.
    const refused = /^(unauthorized|invalid-request|forbidden)\b/.test(err.message);
    opts.onStatus(refused ? 'refused' : 'offline', refused ? refusalOf(err) : null);
    // After a refusal Socket.IO does not retry by itself.
    if (!socket.active) retryLater(refused ? REFUSED_RETRY_MS : RECONNECT_DELAY_MAX_MS);
  });

  opts.onStatus('connecting', null);

  return {
    socket,
    request: (event, payload, timeoutMs = REQUEST_TIMEOUT_MS) =>
      sendRequest(socket, event, payload, timeoutMs),
    resync,
    patch: (update) => state && !resyncing && opts.onSnapshot((state = update(state))),
    close() {
      clearTimeout(retryTimer);
      socket.close();
    },
  };
}

/** Sends one request; null when the hub could not be reached (the banner already says so). */
export async function askHub<T>(
  hub: HubConnection | null,
  send: (h: HubConnection) => Promise<Ack<T>>,
): Promise<Ack<T> | null> {
  if (!hub) return null;
  try {
    return await send(hub);
  } catch {
    return null;
  }
}
