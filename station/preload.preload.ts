/**
 * The only door between a station page and the main process. The hub's apps
 * get the `StationBridge` as `window.khiu`; the station's own setup and
 * offline pages also get `window.khiuLocal`. Every method is one
 * `ipcRenderer.invoke` on a named channel, and the main process checks the
 * caller's origin again, so this file stays a list and decides nothing.
 *
 * Sandboxed: bundled to CommonJS, and it may require only 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { StationBridge } from '../shared/station-bridge.js';
import {
  BRIDGE_API_NAME,
  BRIDGE_CHANNELS,
  LOCAL_API_NAME,
  LOCAL_CHANNELS,
  type LocalPageApi,
} from './ipc.js';
import { LOCAL_SCHEME } from './local-pages.js';

const bridge = {
  kind: 'station',
  role: () => ipcRenderer.invoke(BRIDGE_CHANNELS.role),
  hubUrl: () => ipcRenderer.invoke(BRIDGE_CHANNELS.hubUrl),
  deviceToken: () => ipcRenderer.invoke(BRIDGE_CHANNELS.deviceToken),
  openSetup: () => ipcRenderer.invoke(BRIDGE_CHANNELS.openSetup),
  appReady: () => ipcRenderer.invoke(BRIDGE_CHANNELS.appReady),
} satisfies StationBridge;

const localApi = {
  setupState: () => ipcRenderer.invoke(LOCAL_CHANNELS.setupState),
  discover: () => ipcRenderer.invoke(LOCAL_CHANNELS.discover),
  check: (hubAddress) => ipcRenderer.invoke(LOCAL_CHANNELS.check, hubAddress),
  save: (request) => ipcRenderer.invoke(LOCAL_CHANNELS.save, request),
  back: () => ipcRenderer.invoke(LOCAL_CHANNELS.back),
  quit: () => ipcRenderer.invoke(LOCAL_CHANNELS.quit),
  offlineStatus: () => ipcRenderer.invoke(LOCAL_CHANNELS.offlineStatus),
  retryNow: () => ipcRenderer.invoke(LOCAL_CHANNELS.retryNow),
} satisfies LocalPageApi;

contextBridge.exposeInMainWorld(BRIDGE_API_NAME, bridge);

const protocol: unknown = Reflect.get(Reflect.get(globalThis, 'location') ?? {}, 'protocol');
if (protocol === `${LOCAL_SCHEME}:`) contextBridge.exposeInMainWorld(LOCAL_API_NAME, localApi);
