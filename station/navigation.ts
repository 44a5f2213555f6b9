/**
 * Where a station's window may go and what its pages may ask for. Pure
 * decisions; `security.main.ts` hangs them on Electron's events.
 */
import { isLocalPageUrl, localFileOf } from './local-pages.js';

const originOf = (url: string): string | null => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
};

/**
 * Only the hub's own origin (scheme, host and port alike) and the station's
 * setup and offline pages. Everything else — other hosts, `file:`,
 * `javascript:`, `data:`, `about:` — is refused, including in subframes.
 */
export function isAllowedNavigation(target: string, hubOrigin: string | null): boolean {
  if (isLocalPageUrl(target)) return true;
  const origin = originOf(target);
  return origin !== null && hubOrigin !== null && origin === hubOrigin;
}

export type Caller = 'hub' | 'local' | 'other';

/** Who is calling over IPC, judged by the URL of the frame that sent it. */
export function callerOf(frameUrl: string | null | undefined, hubOrigin: string | null): Caller {
  if (!frameUrl) return 'other';
  if (localFileOf(frameUrl) !== null) return 'local';
  const origin = originOf(frameUrl);
  return origin !== null && origin === hubOrigin ? 'hub' : 'other';
}

/**
 * Permissions granted to station pages: none, for every role. The kiosk,
 * counter and feedback apps need no camera, microphone, location,
 * notifications, clipboard or devices. The display's sound needs no
 * permission (its window's autoplay policy allows it); fullscreen comes from
 * the kiosk window and staying awake from the main process, so the pages
 * need not ask for either. A role that needs one later adds it here, with
 * its reason.
 */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set();

export const isPermissionGranted = (permission: string) => GRANTED_PERMISSIONS.has(permission);
