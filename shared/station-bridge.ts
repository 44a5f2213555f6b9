/**
 * The one thing a web app may ask of the device it runs on. In the Electron
 * station the preload exposes an implementation as `window.khiu`; in a plain
 * browser (a counter tablet, a smart TV, Playwright) `browserBridge` answers
 * instead, so the same build runs in both (after Actual Budget's bridge).
 *
 * Runs in the DOM apps: no Node, no Electron, no zod at run time.
 */
import type { Role } from './protocol.js';

/** The roles a station can be set up as (console and public are browser-only). */
export const STATION_ROLES = [
  'kiosk',
  'counter',
  'display',
  'feedback',
] as const satisfies readonly Role[];
export type StationRole = (typeof STATION_ROLES)[number];

export interface StationBridge {
  /** 'station' inside the Electron shell, 'browser' anywhere else. */
  readonly kind: 'station' | 'browser';
  /** The role this device was set up as; null in a browser, where the page's path decides. */
  role(): Promise<StationRole | null>;
  /** The hub's origin, e.g. `http://192.168.1.10:8470`; in a browser, the page's own origin. */
  hubUrl(): Promise<string | null>;
  /**
   * The paired device token for the Socket.IO handshake, or null. A browser
   * has none here: it connects as `public` (or, with `--demo`, claims a role).
   */
  deviceToken(): Promise<string | null>;
  /** Leave the app for the station's setup screen. Gate it behind staff (PIN, long press). */
  openSetup(): Promise<void>;
  /** The app has rendered and reached the hub; the station stops its offline retries. */
  appReady(): Promise<void>;
}

function pageOrigin(): string | null {
  const location: unknown = Reflect.get(globalThis, 'location');
  if (typeof location !== 'object' || location === null || !('origin' in location)) return null;
  return typeof location.origin === 'string' && location.origin !== 'null' ? location.origin : null;
}

export const browserBridge = {
  kind: 'browser',
  role: async () => null,
  hubUrl: async () => pageOrigin(),
  deviceToken: async () => null,
  // A browser has no setup screen; its address bar is the setup.
  openSetup: async () => {},
  appReady: async () => {},
} satisfies StationBridge;

const BRIDGE_METHODS = ['role', 'hubUrl', 'deviceToken', 'openSetup', 'appReady'] as const;

function isStationBridge(value: unknown): value is StationBridge {
  if (typeof value !== 'object' || value === null) return false;
  if (Reflect.get(value, 'kind') !== 'station') return false;
  return BRIDGE_METHODS.every((name) => typeof Reflect.get(value, name) === 'function');
}

/** The station's bridge when the preload exposed one, else the browser's. */
export function getBridge(): StationBridge {
  const exposed: unknown = Reflect.get(globalThis, 'khiu');
  return isStationBridge(exposed) ? exposed : browserBridge;
}
