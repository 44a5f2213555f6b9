/**
 * The clerk's session, from the PIN to the counter and back out: log in,
 * open a counter, log out, and resume the saved session when the link to the
 * hub (re)connects. What the clerk does once at the desk is in
 * desk-controller.ts.
 */
import type { CounterTakenOver, ErrorCode } from '../../shared/protocol.js';
import { ask, isConnected } from './connection.js';
import { forgetSession, readSession, saveCounter, saveToken } from './saved-session.js';
import { genericNotice, UNREACHABLE, useCounterStore } from './store.js';
import { refreshStats } from './today-stats.js';

/** The answers that mean the saved session is no good; anything else is worth another try. */
const SESSION_REFUSALS: readonly ErrorCode[] = ['unauthorized', 'forbidden', 'invalid-request'];
const RESTORE_RETRY_MS = 3_000;

/**
 * Logs the clerk back in with the saved session, and back to their counter if they had one open.
 * The desk is busy until then: a key pressed meanwhile (N right after a reconnect) waits for the
 * counter to be open again instead of reaching the hub before it and being refused.
 */
export async function restoreSession(): Promise<void> {
  const { token, counterId } = readSession();
  if (!token) {
    useCounterStore.setState({ phase: 'login', staff: null, counterId: null });
    return;
  }
  useCounterStore.setState({ busy: 'resume' });
  const ack = await ask((h) => h.request('staff:resume', { sessionToken: token }));
  if (!ack || (!ack.ok && !SESSION_REFUSALS.includes(ack.error.code))) {
    useCounterStore.setState({ busy: null });
    // No answer, or a passing fault at the hub: the session may well be good. Try again while
    // connected (a reconnect tries again by itself), rather than leave the clerk waiting.
    setTimeout(() => {
      if (isConnected()) void restoreSession();
    }, RESTORE_RETRY_MS);
    return;
  }
  if (!ack.ok) {
    // Ended, expired, or not a token the hub can read: the PIN is the way back in.
    forgetSession();
    useCounterStore.setState({
      busy: null,
      phase: 'login',
      staff: null,
      counterId: null,
      notice: genericNotice(ack.error),
    });
    return;
  }
  const { staff } = ack.data;
  useCounterStore.setState({ staff });
  if (staff.pinMustChange) useCounterStore.setState({ busy: null, phase: 'change-pin' });
  else if (counterId !== null && staff.counters.includes(counterId)) await openCounter(counterId);
  else useCounterStore.setState({ busy: null, phase: 'choose' });
}

export async function logIn(username: string, pin: string): Promise<void> {
  if (useCounterStore.getState().busy) return;
  useCounterStore.setState({ busy: 'login', notice: null });
  const ack = await ask((h) => h.request('staff:login', { username, pin }));
  if (ack?.ok) {
    saveToken(ack.data.sessionToken);
    const { staff } = ack.data;
    useCounterStore.setState({ staff, phase: staff.pinMustChange ? 'change-pin' : 'choose' });
  } else {
    useCounterStore.setState({ notice: ack ? genericNotice(ack.error) : UNREACHABLE });
  }
  useCounterStore.setState({ busy: null });
}

/**
 * Opens a counter. One that another clerk works is asked about first (the take-over dialog), so
 * nobody is pushed off a counter without a word; `takeOver` is the clerk's yes to that.
 */
export async function openCounter(counterId: number, takeOver = false): Promise<void> {
  useCounterStore.setState({ busy: 'open', dialog: null });
  const ack = await ask((h) =>
    h.request('counter:open', takeOver ? { counterId, takeOver } : { counterId }),
  );
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

/** A counter chosen on the counter choice: straight in, or a question when someone else has it. */
export function chooseCounter(counterId: number): void {
  const { snapshot, staff } = useCounterStore.getState();
  const counter = snapshot?.counters.find((c) => c.id === counterId);
  const holder = counter && counter.status !== 'closed' ? counter.staff : null;
  if (!counter || !holder || holder.id === staff?.id) {
    void openCounter(counterId);
    return;
  }
  useCounterStore.setState({
    notice: null,
    dialog: { kind: 'take-over', counterId, number: counter.number, name: holder.name },
  });
}

/** Another screen took this clerk's counter: say who, at once, and go back to the choice. */
export function takenOver(notice: CounterTakenOver): void {
  const { counterId, phase } = useCounterStore.getState();
  if (counterId !== notice.counterId || phase !== 'desk') return;
  saveCounter(null);
  useCounterStore.setState({
    phase: 'choose',
    counterId: null,
    dialog: null,
    selectedId: null,
    stats: null,
    notice: {
      key: 'counter.notice.takenOverBy',
      params: { number: notice.counterNumber, name: notice.by.name },
      tone: 'error',
    },
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

/** A temporary PIN (new staff, or one a manager reset) becomes the clerk's own. */
export async function changePin(currentPin: string, newPin: string): Promise<boolean> {
  useCounterStore.setState({ busy: 'change-pin', notice: null });
  const ack = await ask((h) => h.request('staff:change-pin', { currentPin, newPin }));
  useCounterStore.setState({ busy: null });
  if (ack?.ok) {
    useCounterStore.setState({
      staff: ack.data.staff,
      phase: 'choose',
      notice: { key: 'console.pin.changed', tone: 'info' },
    });
    return true;
  }
  useCounterStore.setState({ notice: ack ? genericNotice(ack.error) : UNREACHABLE });
  return false;
}
