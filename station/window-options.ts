/**
 * The BrowserWindow each role gets. The security flags are the same for every
 * role (DESIGN.md "Security"); only the look and the lock differ.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { StationRole } from '../shared/station-bridge.js';
import { profileOf } from './role-profile.js';

/** Injected into every page of a role with `hideCursor`; `!important` beats the app's own styles. */
export const HIDE_CURSOR_CSS = '*, *::before, *::after { cursor: none !important; }';

const BACKGROUND_COLOR = '#ffffff';
const WINDOWED_SIZE = { width: 1280, height: 800 } as const;

export function windowOptions(
  role: StationRole | null,
  preloadPath: string,
): BrowserWindowConstructorOptions {
  const profile = profileOf(role);
  const look: BrowserWindowConstructorOptions = profile.locked
    ? { kiosk: true, fullscreen: true, frame: false, minimizable: false, resizable: false }
    : { ...WINDOWED_SIZE };
  return {
    title: 'Khiu',
    // Shown on 'ready-to-show', so a kiosk never flashes an empty frame.
    show: false,
    backgroundColor: BACKGROUND_COLOR,
    autoHideMenuBar: true,
    ...look,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !profile.locked,
      // A hall display is never focused; its timers and animations must not be throttled.
      backgroundThrottling: !profile.locked,
      // Electron's default already allows autoplay; say what each role gets, so a change of default cannot mute the hall.
      autoplayPolicy: profile.autoplay
        ? 'no-user-gesture-required'
        : 'document-user-activation-required',
    },
  };
}
