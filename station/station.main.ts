/**
 * The station's main process: one window, showing either the setup screen
 * or the hub's page for the station's role, kept alive through hub outages,
 * page crashes and hangs. The decisions live in the plain modules beside
 * this file; here they are wired to Electron.
 */
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  net,
  powerSaveBlocker,
  protocol,
  session,
} from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { STATION_ROLES, type StationRole } from '../shared/station-bridge.js';
import {
  configPath,
  parseHubAddress,
  readConfig,
  writeConfig,
  type StationConfig,
} from './config.js';
import { discoverHubs, type MdnsBrowser } from './discovery.js';
import {
  BRIDGE_CHANNELS,
  LOCAL_CHANNELS,
  type CheckResult,
  type SaveResult,
  type SetupState,
} from './ipc.js';
import { judgeKey } from './key-lock.js';
import { LOCAL_SCHEME, localPageUrl, serveLocal } from './local-pages.js';
import { callerOf, type Caller } from './navigation.js';
import { createRetryLoop, probeHub } from './offline.js';
import { profileOf } from './role-profile.js';
import { startPrintAgent } from './print-agent.js';
import { hubPageUrl } from './role-routing.js';
import { guardContents, guardSession } from './security.main.js';
import type { Timers } from './timers.js';
import { HIDE_CURSOR_CSS, windowOptions } from './window-options.js';

/** A crashed page is reloaded after this pause, so a page that crashes at once cannot spin the CPU. */
export const CRASH_RELOAD_DELAY_MS = 1_000;
/** A page that stays unresponsive this long is killed, and so reloaded. */
export const UNRESPONSIVE_GRACE_MS = 15_000;
/** Chromium's net::ERR_ABORTED: a load replaced by another, not an outage. */
const ERR_ABORTED = -3;

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

const SaveRequestSchema = z.object({
  hubAddress: z.string().max(300),
  role: z.string().max(30),
  token: z.string().max(512),
});

type SetupProblem = SetupState['problem'];

export function startStation(deps: StationDeps): void {
  const { timers, log } = deps;
  // Must precede 'ready': the local pages need a standard, secure origin.
  protocol.registerSchemesAsPrivileged([
    { scheme: LOCAL_SCHEME, privileges: { standard: true, secure: true } },
  ]);
  if (!app.requestSingleInstanceLock()) {
    log.info('A station is already running on this machine; it has been brought forward.');
    app.quit();
    return;
  }

  let config: StationConfig | null = null;
  let setupProblem: SetupProblem = null;
  let window: BrowserWindow | null = null;
  let windowRole: StationRole | null = null;
  let keepAwakeId: number | null = null;
  let printAgent: { stop(): void } | null = null;
  let quitting = false;

  const hubOrigin = () => config?.hubUrl ?? null;
  const later = (run: () => void) => timers.setTimeout(run, 0);

  const retry = createRetryLoop({
    attempt: async () =>
      config !== null && probeHub(config.hubUrl, (url, init) => net.fetch(url, init)),
    onRecovered: () => loadHub(),
    timers,
  });

  function keepAwake(on: boolean) {
    if (on && keepAwakeId === null) keepAwakeId = powerSaveBlocker.start('prevent-display-sleep');
    if (!on && keepAwakeId !== null) {
      powerSaveBlocker.stop(keepAwakeId);
      keepAwakeId = null;
    }
  }

  /** The window for a role, reused when the role is unchanged. The new one opens before the old closes, so the app never has zero windows. */
  function openWindow(role: StationRole | null): BrowserWindow {
    if (window !== null && !window.isDestroyed() && windowRole === role) return window;
    const previous = window;
    const win = new BrowserWindow(windowOptions(role, deps.preloadPath));
    window = win;
    windowRole = role;
    wireWindow(win, role);
    previous?.destroy();
    keepAwake(profileOf(role).keepAwake);
    return win;
  }

  function load(win: BrowserWindow, url: string) {
    // A failed load is reported by 'did-fail-load', which decides what to show.
    win.webContents.loadURL(url).catch(() => {});
  }

  function loadHub() {
    if (config === null) return;
    load(openWindow(config.role), hubPageUrl(config.hubUrl, config.role));
  }

  function goOffline() {
    if (window === null || config === null) return;
    const offline = localPageUrl('offline');
    if (window.webContents.getURL() !== offline) load(window, offline);
    retry.start();
  }

  /** A kiosk with a printer of its own prints the hub's jobs through its agent. */
  function startAgent(next: StationConfig) {
    printAgent?.stop();
    printAgent = null;
    if (next.role !== 'kiosk' || !next.printer || !next.token) return;
    try {
      printAgent = startPrintAgent({
        hubUrl: next.hubUrl,
        token: next.token,
        printer: next.printer,
        log,
      });
    } catch (error) {
      log.error(`The kiosk's printer cannot be used: ${String(error)}`);
    }
  }

  function showRole(next: StationConfig) {
    config = next;
    startAgent(next);
    setupProblem = null;
    retry.reset();
    loadHub();
  }

  function showSetup(problem: SetupProblem) {
    retry.stop();
    setupProblem = problem;
    load(openWindow(null), localPageUrl('setup'));
  }

  function wireWindow(win: BrowserWindow, role: StationRole | null) {
    const profile = profileOf(role);
    const contents = win.webContents;
    win.once('ready-to-show', () => win.show());
    win.on('close', (event) => {
      if (profile.locked && !quitting) event.preventDefault();
    });
    win.on('closed', () => {
      if (window === win) window = null;
    });
    contents.on('before-input-event', (event, input) => {
      const verdict = judgeKey(input, profile.locked);
      if (verdict === 'pass') return;
      event.preventDefault();
      if (verdict === 'open-setup') showSetup(null);
    });
    contents.on('dom-ready', () => {
      if (profile.hideCursor) contents.insertCSS(HIDE_CURSOR_CSS).catch(() => {});
    });
    contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
      if (!isMainFrame || code === ERR_ABORTED || callerOf(url, hubOrigin()) !== 'hub') return;
      log.warn(`The hub page did not load (${description}, ${code}): ${url}`);
      goOffline();
    });
    contents.on('did-navigate', (_event, url, httpStatus) => {
      if (callerOf(url, hubOrigin()) !== 'hub') return;
      if (httpStatus < 500) return retry.reset();
      log.warn(`The hub answered ${httpStatus} for ${url}`);
      goOffline();
    });
    contents.on('render-process-gone', (_event, details) => {
      if (details.reason === 'clean-exit') return;
      log.error(
        `The page's process ended (${details.reason}, code ${details.exitCode}); reloading.`,
      );
      timers.setTimeout(() => {
        if (!win.isDestroyed()) contents.reload();
      }, CRASH_RELOAD_DELAY_MS);
    });
    let hang: unknown = null;
    contents.on('unresponsive', () => {
      hang ??= timers.setTimeout(() => {
        hang = null;
        log.error('The page stopped responding; restarting it.');
        if (!win.isDestroyed()) contents.forcefullyCrashRenderer();
      }, UNRESPONSIVE_GRACE_MS);
    });
    contents.on('responsive', () => {
      if (hang !== null) timers.clearTimeout(hang);
      hang = null;
    });
  }

  /** One IPC handler, answering only the station's own window and the callers listed. */
  function handle(channel: string, callers: readonly Caller[], run: (args: unknown[]) => unknown) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const frameUrl = event.senderFrame?.url;
      const caller = callerOf(frameUrl, hubOrigin());
      if (event.sender !== window?.webContents || !callers.includes(caller)) {
        throw new Error(`${channel} is not available to ${frameUrl ?? 'an unknown frame'}`);
      }
      return run(args);
    });
  }

  async function check(hubAddress: unknown): Promise<CheckResult> {
    const hubUrl = parseHubAddress(z.string().max(300).parse(hubAddress));
    if (hubUrl === null) return { ok: false, error: 'bad-address' };
    const up = await probeHub(hubUrl, (url, init) => net.fetch(url, init));
    return up ? { ok: true, hubUrl } : { ok: false, error: 'unreachable', hubUrl };
  }

  async function save(raw: unknown): Promise<SaveResult> {
    const request = SaveRequestSchema.parse(raw);
    const hubUrl = parseHubAddress(request.hubAddress);
    if (hubUrl === null) return { ok: false, error: 'bad-address' };
    const role = STATION_ROLES.find((r) => r === request.role);
    if (role === undefined) return { ok: false, error: 'bad-role' };
    // A token belongs to one hub; keep the saved one only while the hub stays the same.
    const token = request.token.trim() || (config?.hubUrl === hubUrl ? config.token : undefined);
    const printer = config?.printer;
    const next: StationConfig = {
      hubUrl,
      role,
      ...(token ? { token } : {}),
      ...(printer ? { printer } : {}),
    };
    try {
      await writeConfig(configPath(app.getPath('userData')), next);
    } catch (error) {
      log.error(`Could not save the station's setup: ${String(error)}`);
      return { ok: false, error: 'save-failed', detail: String(error) };
    }
    log.info(`Set up as ${role} for ${hubUrl}.`);
    later(() => showRole(next));
    return { ok: true };
  }

  function registerIpc() {
    const anyPage = ['hub', 'local'] as const;
    handle(BRIDGE_CHANNELS.role, anyPage, () => config?.role ?? null);
    handle(BRIDGE_CHANNELS.hubUrl, anyPage, () => config?.hubUrl ?? null);
    handle(BRIDGE_CHANNELS.deviceToken, ['hub'], () => config?.token ?? null);
    handle(BRIDGE_CHANNELS.openSetup, ['hub'], () => void later(() => showSetup(null)));
    handle(BRIDGE_CHANNELS.appReady, ['hub'], () => retry.reset());

    const local = ['local'] as const;
    handle(LOCAL_CHANNELS.setupState, local, (): SetupState => ({
      hubUrl: config?.hubUrl ?? null,
      role: config?.role ?? null,
      hasToken: config?.token !== undefined,
      problem: setupProblem,
    }));
    handle(LOCAL_CHANNELS.discover, local, () => discoverHubs(deps.discovery, timers));
    handle(LOCAL_CHANNELS.check, local, ([hubAddress]) => check(hubAddress));
    handle(LOCAL_CHANNELS.save, local, ([request]) => save(request));
    handle(LOCAL_CHANNELS.back, local, () => {
      const saved = config;
      if (saved !== null) later(() => showRole(saved));
    });
    handle(LOCAL_CHANNELS.quit, local, () => {
      quitting = true;
      later(() => app.quit());
    });
    handle(LOCAL_CHANNELS.offlineStatus, local, () => retry.status());
    handle(LOCAL_CHANNELS.retryNow, local, () => retry.retryNow());
  }

  async function ready() {
    // No menu: its accelerators (close, quit, reload, dev tools) would be ways out of the app.
    Menu.setApplicationMenu(null);
    protocol.handle(LOCAL_SCHEME, (request) => serveLocal(request.url, deps.pagesDir));
    guardSession(session.defaultSession, log);
    registerIpc();
    const read = await readConfig(configPath(app.getPath('userData')));
    if (read.config !== null) return showRole(read.config);
    const { reason, detail } = read.problem;
    if (reason === 'missing') return showSetup(null);
    log.warn(`The saved setup cannot be used (${reason}): ${detail}`);
    showSetup(reason);
  }

  app.on('web-contents-created', (_event, contents) => guardContents(contents, hubOrigin, log));
  app.on('second-instance', () => {
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  app.on('before-quit', () => {
    quitting = true;
    printAgent?.stop();
    retry.stop();
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(ready)
    .catch((error: unknown) => {
      log.error(`The station could not start: ${String(error)}`);
      app.exit(1);
    });
}
