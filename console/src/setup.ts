/**
 * The first-run wizard's one request (`POST /api/v1/setup`, REST because no
 * one can log in yet). The code comes from the address the hub printed.
 */
import { saveConsoleToken } from './console-token.js';
import { SetupInputSchema, type AckError, type SetupInput } from '../../shared/protocol.js';
import { checkLocally } from './config-actions.js';
import { genericNotice, UNREACHABLE, useConsoleStore } from './store.js';

export const setupCode = () => new URLSearchParams(window.location.search).get('code') ?? '';

/** True when the hub still waits for its first manager; null when it could not be asked. */
export async function setupNeeded(): Promise<boolean | null> {
  try {
    const res = await fetch('/api/v1/setup');
    if (!res.ok) return null;
    const body = (await res.json()) as { needed?: unknown };
    return body.needed === true;
  } catch {
    return null;
  }
}

/** After setup the console is at its own address again, at the login. */
function toLogin(): void {
  window.history.replaceState(null, '', '/console/');
  useConsoleStore.setState({
    phase: 'login',
    fieldErrors: [],
    notice: { key: 'console.setup.done', tone: 'info' },
  });
}

/** What the hub said no with: fields to fix, a wrong code, setup already done, too many tries. */
async function refused(res: Response): Promise<void> {
  const body = (await res.json().catch(() => ({}))) as { error?: AckError };
  const error = body.error ?? { code: 'internal', message: `HTTP ${res.status}` };
  useConsoleStore.setState({
    fieldErrors: error.fields ?? [],
    notice: error.fields?.length
      ? { key: 'console.notice.fixFields', tone: 'error' }
      : genericNotice(error),
  });
}

export async function submitSetup(input: SetupInput): Promise<void> {
  if (!checkLocally(SetupInputSchema, input)) return;
  useConsoleStore.setState({ busy: 'setup', notice: null, fieldErrors: [] });
  try {
    const res = await fetch('/api/v1/setup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    if (res.status === 201) {
      // This browser is now the manager's first console; it connects with the token from here on.
      const { consoleToken } = (await res.json()) as { consoleToken?: string };
      if (consoleToken) saveConsoleToken(consoleToken);
      toLogin();
    } else await refused(res);
  } catch {
    useConsoleStore.setState({ notice: UNREACHABLE });
  } finally {
    useConsoleStore.setState({ busy: null });
  }
}
