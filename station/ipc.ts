/**
 * The named IPC channels between the station's pages and its main process,
 * and the shapes that cross them. Two audiences, checked by the main process
 * against the calling frame's URL:
 *
 * - `station:*` — the `StationBridge` the hub's web apps use (`window.khiu`);
 * - `setup:*`, `offline:*` — the station's own local pages (`window.khiuLocal`).
 *
 * Imported by the preload and the local pages as well, so it stays free of
 * Node, Electron and zod, for types too (the pages type-check with DOM
 * types only).
 */
import type { StationRole } from '../shared/station-bridge.js';
import type { RetryStatus } from './offline.js';

export const BRIDGE_API_NAME = 'khiu';
export const LOCAL_API_NAME = 'khiuLocal';

export const BRIDGE_CHANNELS = {
  role: 'station:role',
  hubUrl: 'station:hub-url',
  deviceToken: 'station:device-token',
  openSetup: 'station:open-setup',
  appReady: 'station:app-ready',
} as const;

export const LOCAL_CHANNELS = {
  setupState: 'setup:state',
  discover: 'setup:discover',
  check: 'setup:check',
  save: 'setup:save',
  back: 'setup:back',
  quit: 'setup:quit',
  offlineStatus: 'offline:status',
  retryNow: 'offline:retry-now',
} as const;

/** A hub heard by the mDNS search, with the address a station should use. */
export interface FoundHub {
  name: string;
  url: string;
}

/** What the setup screen starts from. The token itself never goes back to a page. */
export interface SetupState {
  hubUrl: string | null;
  role: StationRole | null;
  hasToken: boolean;
  /** Why the saved settings could not be used, when there were some (see `ConfigProblem`). */
  problem: 'unreadable' | 'corrupt' | 'invalid' | null;
}

export interface SaveRequest {
  hubAddress: string;
  role: string;
  /** Empty keeps the saved token if the hub stays the same. */
  token: string;
}

export type CheckResult =
  | { ok: true; hubUrl: string }
  | { ok: false; error: 'bad-address' }
  | { ok: false; error: 'unreachable'; hubUrl: string };

export type SaveResult =
  | { ok: true }
  | { ok: false; error: 'bad-address' | 'bad-role' }
  | { ok: false; error: 'save-failed'; detail: string };

export interface LocalPageApi {
  setupState(): Promise<SetupState>;
  discover(): Promise<FoundHub[]>;
  check(hubAddress: string): Promise<CheckResult>;
  save(request: SaveRequest): Promise<SaveResult>;
  /** Back to the role's page without changes (only when a setup is saved). */
  back(): Promise<void>;
  quit(): Promise<void>;
  offlineStatus(): Promise<RetryStatus>;
  retryNow(): Promise<void>;
}

/** The local page API the preload exposed, or null outside the station. */
export function getLocalApi(): LocalPageApi | null {
  const api: unknown = Reflect.get(globalThis, LOCAL_API_NAME);
  // The preload is the only writer of this global, and it writes a LocalPageApi.
  return typeof api === 'object' && api !== null ? (api as LocalPageApi) : null;
}
