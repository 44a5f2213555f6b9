/**
 * What the station watches in a page while nobody stands at the screen: its
 * process (a crashed page is reloaded, a hung one killed so that it is) and
 * its loads (the hub's page failing to load means the hub is down).
 */
import type { BrowserWindow, WebContents } from 'electron';
import { callerOf } from './navigation.js';
import type { Timers } from './timers.js';

/** A crashed page is reloaded after this pause, so a page that crashes at once cannot spin the CPU. */
export const CRASH_RELOAD_DELAY_MS = 1_000;
/** A page that stays unresponsive this long is killed, and so reloaded. */
export const UNRESPONSIVE_GRACE_MS = 15_000;
/** Chromium's net::ERR_ABORTED: a load replaced by another, not an outage. */
const ERR_ABORTED = -3;

export interface PageWatchLog {
  warn(message: string): void;
  error(message: string): void;
}

export function keepPageAlive(win: BrowserWindow, timers: Timers, log: PageWatchLog): void {
  const contents = win.webContents;
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    log.error(`The page's process ended (${details.reason}, code ${details.exitCode}); reloading.`);
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

export interface HubPageEvents {
  hubOrigin(): string | null;
  /** The hub's page did not load, or the hub answered it with a 5xx. */
  hubDown(): void;
  /** The hub's page loaded. */
  hubUp(): void;
}

/** Only the main frame's loads from the hub count: a subframe or another origin says nothing of the hub. */
export function watchHubPage(
  contents: WebContents,
  events: HubPageEvents,
  log: PageWatchLog,
): void {
  contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (!isMainFrame || code === ERR_ABORTED || callerOf(url, events.hubOrigin()) !== 'hub') return;
    log.warn(`The hub page did not load (${description}, ${code}): ${url}`);
    events.hubDown();
  });
  contents.on('did-navigate', (_event, url, httpStatus) => {
    if (callerOf(url, events.hubOrigin()) !== 'hub') return;
    if (httpStatus < 500) return events.hubUp();
    log.warn(`The hub answered ${httpStatus} for ${url}`);
    events.hubDown();
  });
}
