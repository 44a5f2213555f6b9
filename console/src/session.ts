/**
 * The manager's or supervisor's session: log in (a clerk is turned away),
 * change a temporary PIN first, log out, and resume the saved session when
 * the link to the hub (re)connects, as the counter does.
 */
import type { ErrorCode, Staff } from '../../shared/protocol.js';
import { loadConfig } from './config-actions.js';
import { ask, isConnected } from './connection.js';
import { readToken, saveToken } from './saved-session.js';
import { genericNotice, UNREACHABLE, useConsoleStore } from './store.js';

/** The answers that mean the saved session is no good; anything else is worth another try. */
const SESSION_REFUSALS: readonly ErrorCode[] = ['unauthorized', 'forbidden', 'invalid-request'];
const RESTORE_RETRY_MS = 3_000;

/** Where a person goes once the hub knows who they are. */
async function enter(staff: Staff): Promise<void> {
  if (staff.role === 'clerk') {
    await ask((h) => h.request('staff:logout', {}));
    saveToken(null);
    useConsoleStore.setState({
      phase: 'login',
      staff: null,
      notice: { key: 'console.login.clerk', tone: 'error' },
    });
    return;
  }
  if (staff.pinMustChange) {
    useConsoleStore.setState({ staff, phase: 'change-pin' });
    return;
  }
  // A supervisor's work is the floor; a manager starts where the setting up is. A session
  // resumed after a reconnect stays where it was.
  useConsoleStore.setState((s) => ({
    staff,
    phase: 'app',
    section: s.phase === 'app' ? s.section : staff.role === 'manager' ? 'centre' : 'floor',
  }));
  await loadConfig();
}

export async function restoreSession(): Promise<void> {
  if (useConsoleStore.getState().phase === 'setup') return;
  const token = readToken();
  if (!token) {
    useConsoleStore.setState({ phase: 'login', staff: null });
    return;
  }
  const ack = await ask((h) => h.request('staff:resume', { sessionToken: token }));
  if (!ack || (!ack.ok && !SESSION_REFUSALS.includes(ack.error.code))) {
    setTimeout(() => {
      if (isConnected()) void restoreSession();
    }, RESTORE_RETRY_MS);
    return;
  }
  if (!ack.ok) {
    saveToken(null);
    useConsoleStore.setState({ phase: 'login', staff: null, notice: genericNotice(ack.error) });
    return;
  }
  await enter(ack.data.staff);
}

export async function logIn(username: string, pin: string): Promise<void> {
  if (useConsoleStore.getState().busy) return;
  useConsoleStore.setState({ busy: 'login', notice: null });
  const ack = await ask((h) => h.request('staff:login', { username, pin }));
  useConsoleStore.setState({ busy: null });
  if (!ack?.ok) {
    // The hub lets no clerk log in at the console; say why in words.
    const clerk = ack?.error.code === 'forbidden';
    useConsoleStore.setState({
      notice: clerk
        ? { key: 'console.login.clerk', tone: 'error' }
        : ack
          ? genericNotice(ack.error)
          : UNREACHABLE,
    });
    return;
  }
  saveToken(ack.data.sessionToken);
  await enter(ack.data.staff);
}

export async function changePin(currentPin: string, newPin: string): Promise<void> {
  useConsoleStore.setState({ busy: 'change-pin', notice: null, fieldErrors: [] });
  const ack = await ask((h) => h.request('staff:change-pin', { currentPin, newPin }));
  useConsoleStore.setState({ busy: null });
  if (!ack?.ok) {
    useConsoleStore.setState({
      notice: ack ? genericNotice(ack.error) : UNREACHABLE,
      fieldErrors: ack?.ok === false ? (ack.error.fields ?? []) : [],
    });
    return;
  }
  useConsoleStore.setState({ notice: { key: 'console.pin.changed', tone: 'info' } });
  await enter(ack.data.staff);
}

export async function logOut(): Promise<void> {
  await ask((h) => h.request('staff:logout', {}));
  saveToken(null);
  useConsoleStore.setState({
    phase: 'login',
    staff: null,
    config: null,
    selection: null,
    notice: null,
    temporaryPin: null,
  });
}
