/**
 * The counter's link to the hub: it connects, logs the clerk back in with the
 * saved session on every (re)connect, and keeps today's figures fresh. The
 * socket's listeners live here, outside React, and write into the store.
 */
import type { Ack, AckError, ErrorCode } from '../../shared/protocol.js';
import { getBridge } from '../../shared/station-bridge.js';
import { connectToHub, type HubConnection } from '../../shared/ui/hub-connection.js';
import { forgetSession, readSession, saveCounter, saveToken } from './saved-session.js';
import { useCounterStore, type Notice } from './store.js';

let hub: HubConnection | null = null;
let started = false;

export function connection(): HubConnection | null {
  return hub;
}

/** The store's words for an error the hub answered, when no more specific ones apply. */
export function genericNotice(error: AckError): Notice {
  return { key: error.reason ? `reason.${error.reason}` : `error.${error.code}`, tone: 'error' };
}

export const UNREACHABLE: Notice = { key: 'counter.notice.unreachable', tone: 'error' };

/** The answers that mean the saved session is no good; anything else is worth another try. */
const SESSION_REFUSALS: readonly ErrorCode[] = ['unauthorized', 'forbidden', 'invalid-request'];
const RESTORE_RETRY_MS = 3_000;

/** Sends one request; null when the hub could not be reached (the banner already says so). */
export async function ask<T>(send: (h: HubConnection) => Promise<Ack<T>>): Promise<Ack<T> | null> {
  if (!hub) return null;
  try {
    return await send(hub);
  } catch {
    return null;
  }
}

export async function startConnection(): Promise<void> {
  if (started) return;
  started = true;
  const bridge = getBridge();
  const token = (await bridge.deviceToken().catch(() => null)) ?? undefined;
  if (readSession().token) useCounterStore.setState({ phase: 'restoring' });
  hub = connectToHub({
    role: 'counter',
    token,
    onSnapshot: (snapshot) => useCounterStore.setState({ snapshot }),
    onStatus: (status) => useCounterStore.setState({ status }),
  });
  // The hub forgets who is logged in on a connection when it drops: say it again each time.
  hub.socket.on('connect', () => void restoreSession());

  // Today's figures move whenever this counter does, whoever caused it.
  useCounterStore.subscribe((s, prev) => {
    const mine = (snap: typeof s.snapshot) => snap?.counters.find((c) => c.id === s.counterId);
    if (s.phase === 'desk' && mine(s.snapshot) !== mine(prev.snapshot)) void refreshStats();
  });
  const unsubscribe = useCounterStore.subscribe((s) => {
    if (!s.fontsReady || s.snapshot === null) return;
    unsubscribe();
    void bridge.appReady().catch(() => {});
  });
}

async function restoreSession(): Promise<void> {
  const { token, counterId } = readSession();
  if (!token) {
    useCounterStore.setState({ phase: 'login', staff: null, counterId: null });
    return;
  }
  const ack = await ask((h) => h.request('staff:resume', { sessionToken: token }));
  if (!ack || (!ack.ok && !SESSION_REFUSALS.includes(ack.error.code))) {
    // No answer, or a passing fault at the hub: the session may well be good. Try again while
    // connected (a reconnect tries again by itself), rather than leave the clerk waiting.
    setTimeout(() => {
      if (hub?.socket.connected) void restoreSession();
    }, RESTORE_RETRY_MS);
    return;
  }
  if (!ack.ok) {
    // Ended, expired, or not a token the hub can read: the PIN is the way back in.
    forgetSession();
    useCounterStore.setState({
      phase: 'login',
      staff: null,
      counterId: null,
      notice: genericNotice(ack.error),
    });
    return;
  }
  const { staff } = ack.data;
  useCounterStore.setState({ staff });
  if (counterId !== null && staff.counters.includes(counterId)) await openCounter(counterId);
  else useCounterStore.setState({ phase: 'choose' });
}

export async function logIn(username: string, pin: string): Promise<void> {
  if (useCounterStore.getState().busy) return;
  useCounterStore.setState({ busy: 'login', notice: null });
  const ack = await ask((h) => h.request('staff:login', { username, pin }));
  if (ack?.ok) {
    saveToken(ack.data.sessionToken);
    useCounterStore.setState({ staff: ack.data.staff, phase: 'choose' });
  } else {
    useCounterStore.setState({ notice: ack ? genericNotice(ack.error) : UNREACHABLE });
  }
  useCounterStore.setState({ busy: null });
}

export async function openCounter(counterId: number): Promise<void> {
  useCounterStore.setState({ busy: 'open' });
  const ack = await ask((h) => h.request('counter:open', { counterId }));
  useCounterStore.setState({ busy: null });
  if (ack?.ok) {
    saveCounter(counterId);
    useCounterStore.setState({ counterId, phase: 'desk', selectedId: null, stats: null });
    void refreshStats();
    return;
  }
  if (ack) saveCounter(null);
  useCounterStore.setState({
    phase: 'choose',
    counterId: null,
    notice: ack ? genericNotice(ack.error) : UNREACHABLE,
  });
}

/** One click, no question: the counter closes unless a citizen is still at it (the hub decides). */
export async function logOut(): Promise<void> {
  await ask((h) => h.request('staff:logout', {}));
  forgetSession();
  useCounterStore.setState({
    phase: 'login',
    staff: null,
    counterId: null,
    stats: null,
    dialog: null,
    selectedId: null,
    notice: null,
  });
}

let statsInFlight = false;
let statsAgain = false;

/** Asks for today's figures; calls that come while one is on its way are folded into one more. */
export async function refreshStats(): Promise<void> {
  if (statsInFlight) {
    statsAgain = true;
    return;
  }
  statsInFlight = true;
  try {
    do {
      statsAgain = false;
      const counterId = useCounterStore.getState().counterId;
      if (counterId === null) return;
      const sentAt = Date.now();
      const ack = await ask((h) => h.request('counter:stats', { counterId }));
      if (ack?.ok && useCounterStore.getState().counterId === counterId) {
        // Half the round trip is the best guess of when the hub read its clock.
        const localAt = (sentAt + Date.now()) / 2;
        useCounterStore.setState({ stats: ack.data, clockOffsetMs: ack.data.at - localAt });
      }
    } while (statsAgain);
  } finally {
    statsInFlight = false;
  }
}
