/**
 * Setting and removing the centre's logo. A picture is larger than a socket
 * message may be, so it goes to the hub's `LOGO_PATH` over HTTP with the
 * same credentials the socket carries (this console's device token and the
 * manager's session); the hub checks the bytes, the version and the role,
 * and answers as a socket request would: the centre as saved, or a refusal
 * that names its field.
 */
import {
  LOGO_FIELD,
  LOGO_MAX_BYTES,
  LOGO_PATH,
  type AckError,
  type CentreConfig,
} from '../../shared/protocol.js';
import { refused } from './config-actions.js';
import { deviceToken } from './connection.js';
import { readToken } from './saved-session.js';
import { UNREACHABLE, useConsoleStore } from './store.js';

function headers(): Record<string, string> {
  const out: Record<string, string> = { 'content-type': 'application/octet-stream' };
  const session = readToken();
  const device = deviceToken();
  if (session) out.authorization = `Bearer ${session}`;
  if (device) out['x-khiu-device'] = device;
  return out;
}

async function answer(res: Response): Promise<CentreConfig | AckError> {
  const body = (await res.json()) as CentreConfig | { error: AckError };
  return 'error' in body ? body.error : body;
}

/** Puts `file` (or, for null, no logo) in force; the centre as saved, or null with the refusal shown. */
export async function saveLogo(file: File | null, version: number): Promise<CentreConfig | null> {
  if (file && file.size > LOGO_MAX_BYTES) {
    // The hub refuses it too; this spares sending it.
    useConsoleStore.setState({
      fieldErrors: [{ path: LOGO_FIELD, issue: 'logo-too-large' }],
      notice: { key: 'console.notice.fixFields', tone: 'error' },
    });
    return null;
  }
  useConsoleStore.setState({ busy: 'logo', notice: null, fieldErrors: [] });
  const result = await fetch(`${LOGO_PATH}?version=${version}`, {
    method: file ? 'PUT' : 'DELETE',
    headers: headers(),
    ...(file ? { body: file } : {}),
  })
    .then(answer)
    .catch(() => null);
  useConsoleStore.setState({ busy: null });
  if (!result) {
    useConsoleStore.setState({ notice: UNREACHABLE });
    return null;
  }
  if ('code' in result) {
    await refused(result);
    if (result.fields?.some((f) => f.path === LOGO_FIELD)) {
      useConsoleStore.setState({ notice: { key: 'console.notice.fixFields', tone: 'error' } });
    }
    return null;
  }
  return result;
}
