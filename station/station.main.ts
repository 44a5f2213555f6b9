/**
 * The station's main process: one window, showing either the setup screen
 * or the hub's page for the station's role, kept alive through hub outages,
 * page crashes and hangs. The decisions live in the plain modules beside
 * this file, and the other `*.main.ts` files wire them to Electron:
 * `screens.main.ts` decides what is shown, `station-window.main.ts` keeps the
 * window, `station-ipc.main.ts` answers the pages. This file starts them in
 * the order Electron needs.
 */
import { app, Menu, protocol, session } from 'electron';
import { configPath, readConfig } from './config.js';
import type { MdnsBrowser } from './discovery.js';
import { LOCAL_SCHEME, serveLocal } from './local-pages.js';
import { createScreens, type Screens } from './screens.main.js';
import { guardContents, guardSession } from './security.main.js';
import { registerIpc } from './station-ipc.main.js';
import type { Timers } from './timers.js';

export interface StationLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface StationDeps {
  /** The built setup/offline pages, scripts and fonts. */
  pagesDir: string;
  /** The bundled, CommonJS preload. */
  preloadPath: string;
  timers: Timers;
  discovery: MdnsBrowser;
  log: StationLog;
}

export function startStation(deps: StationDeps): void {
  const { log } = deps;
  // Must precede 'ready': the local pages need a standard, secure origin.
  protocol.registerSchemesAsPrivileged([
    { scheme: LOCAL_SCHEME, privileges: { standard: true, secure: true } },
  ]);
  if (!app.requestSingleInstanceLock()) {
    log.info('A station is already running on this machine; it has been brought forward.');
    app.quit();
    return;
  }

  const screens = createScreens(deps);
  app.on('web-contents-created', (_event, contents) =>
    guardContents(contents, screens.hubOrigin, log),
  );
  app.on('second-instance', () => screens.window.bringForward());
  app.on('before-quit', () => screens.stop());
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(() => ready(screens, deps))
    .catch((error: unknown) => {
      log.error(`The station could not start: ${String(error)}`);
      app.exit(1);
    });
}

async function ready(screens: Screens, deps: StationDeps) {
  // No menu: its accelerators (close, quit, reload, dev tools) would be ways out of the app.
  Menu.setApplicationMenu(null);
  protocol.handle(LOCAL_SCHEME, (request) => serveLocal(request.url, deps.pagesDir));
  guardSession(session.defaultSession, deps.log);
  registerIpc(screens, deps);
  const read = await readConfig(configPath(app.getPath('userData')));
  if (read.config !== null) return screens.showRole(read.config);
  const { reason, detail } = read.problem;
  if (reason === 'missing') return screens.showSetup(null);
  deps.log.warn(`The saved setup cannot be used (${reason}): ${detail}`);
  screens.showSetup(reason);
}
