/**
 * Electron security in one place (DESIGN.md "Security"). Window flags are in
 * `window-options.ts`; this hangs the navigation and permission decisions of
 * `navigation.ts` on every web contents and on the session.
 */
import type { Session, WebContents } from 'electron';
import { isAllowedNavigation, isPermissionGranted } from './navigation.js';

export interface SecurityLog {
  warn(message: string): void;
}

/** For every web contents the app creates, including any a page tries to open. */
export function guardContents(
  contents: WebContents,
  hubOrigin: () => string | null,
  log: SecurityLog,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`refused to open a window for ${url}`);
    return { action: 'deny' };
  });
  const guard = (event: { url: string; preventDefault(): void }) => {
    if (isAllowedNavigation(event.url, hubOrigin())) return;
    event.preventDefault();
    log.warn(`refused navigation to ${event.url}`);
  };
  // 'will-frame-navigate' covers subframes as well as the main frame; 'will-redirect' covers server redirects.
  contents.on('will-frame-navigate', guard);
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function guardSession(session: Session, log: SecurityLog): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    const granted = isPermissionGranted(permission);
    if (!granted) log.warn(`refused permission ${permission}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  // A station never saves files: a download link on a kiosk would only confuse.
  session.on('will-download', (event) => event.preventDefault());
}
