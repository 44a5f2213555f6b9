/**
 * The station's one window. A role's flags (kiosk, dev tools, throttling)
 * are fixed when a window is made, so another role gets another window; the
 * new one opens before the old one closes, so the app never has zero windows
 * (and so never quits on its own). The window keeps its role's rules itself:
 * the lock on keys and closing, the hidden pointer, the screen kept awake.
 */
import { BrowserWindow, powerSaveBlocker } from 'electron';
import type { StationRole } from '../shared/station-bridge.js';
import { judgeKey } from './key-lock.js';
import {
  keepPageAlive,
  watchHubPage,
  type HubPageEvents,
  type PageWatchLog,
} from './page-watch.main.js';
import { profileOf } from './role-profile.js';
import type { Timers } from './timers.js';
import { HIDE_CURSOR_CSS, windowOptions } from './window-options.js';

export interface WindowEvents extends HubPageEvents {
  /** The technician's key chord. */
  openSetup(): void;
}

export interface StationWindowDeps {
  preloadPath: string;
  timers: Timers;
  log: PageWatchLog;
}

export interface StationWindow {
  /** The window for a role, reused when the role is unchanged. */
  open(role: StationRole | null): BrowserWindow;
  current(): BrowserWindow | null;
  /** A second copy of the station was started: show this one instead. */
  bringForward(): void;
  /** The station is quitting: a locked window may close now. */
  allowClose(): void;
}

export function createStationWindow(deps: StationWindowDeps, events: WindowEvents): StationWindow {
  const { preloadPath, timers, log } = deps;
  let window: BrowserWindow | null = null;
  let windowRole: StationRole | null = null;
  let keepAwakeId: number | null = null;
  let quitting = false;

  function keepAwake(on: boolean) {
    if (on && keepAwakeId === null) keepAwakeId = powerSaveBlocker.start('prevent-display-sleep');
    if (!on && keepAwakeId !== null) {
      powerSaveBlocker.stop(keepAwakeId);
      keepAwakeId = null;
    }
  }

  function wire(win: BrowserWindow, role: StationRole | null) {
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
      if (verdict === 'open-setup') events.openSetup();
    });
    contents.on('dom-ready', () => {
      if (profile.hideCursor) contents.insertCSS(HIDE_CURSOR_CSS).catch(() => {});
    });
    watchHubPage(contents, events, log);
    keepPageAlive(win, timers, log);
  }

  return {
    open(role) {
      if (window !== null && !window.isDestroyed() && windowRole === role) return window;
      const previous = window;
      const win = new BrowserWindow(windowOptions(role, preloadPath));
      window = win;
      windowRole = role;
      wire(win, role);
      previous?.destroy();
      keepAwake(profileOf(role).keepAwake);
      return win;
    },
    current: () => window,
    bringForward() {
      if (window === null) return;
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
    allowClose() {
      quitting = true;
    },
  };
}

/** Loads a page. A failed load is reported by 'did-fail-load', which decides what to show. */
export function loadPage(win: BrowserWindow, url: string): void {
  win.webContents.loadURL(url).catch(() => {});
}
