/**
 * The main process's end of the channels in `ipc.ts`. Each channel answers
 * only the station's own window, and only the pages it is for: the device
 * token never goes to a local page, and the hub's pages cannot reach setup.
 */
import { app, ipcMain, net } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { configPath, writeConfig } from './config.js';
import { discoverHubs } from './discovery.js';
import { BRIDGE_CHANNELS, LOCAL_CHANNELS, type SaveResult } from './ipc.js';
import { callerOf, type Caller } from './navigation.js';
import type { Screens } from './screens.main.js';
import { checkHub, setupFromRequest } from './setup-requests.js';
import type { StationDeps } from './station.main.js';

type IpcDeps = Pick<StationDeps, 'discovery' | 'timers' | 'log'>;

export function registerIpc(screens: Screens, deps: IpcDeps): void {
  const { retry } = screens;
  // Acted on after the answer has gone back: the window that asked may be replaced.
  const later = (run: () => void) => deps.timers.setTimeout(run, 0);
  const handle = handlerFor(screens);

  const anyPage = ['hub', 'local'] as const;
  handle(BRIDGE_CHANNELS.role, anyPage, () => screens.config()?.role ?? null);
  handle(BRIDGE_CHANNELS.hubUrl, anyPage, () => screens.config()?.hubUrl ?? null);
  handle(BRIDGE_CHANNELS.deviceToken, ['hub'], () => screens.config()?.token ?? null);
  handle(BRIDGE_CHANNELS.openSetup, ['hub'], () => void later(() => screens.showSetup(null)));
  handle(BRIDGE_CHANNELS.appReady, ['hub'], () => retry.reset());

  const local = ['local'] as const;
  handle(LOCAL_CHANNELS.setupState, local, () => screens.setupState());
  handle(LOCAL_CHANNELS.discover, local, () => discoverHubs(deps.discovery, deps.timers));
  handle(LOCAL_CHANNELS.check, local, ([hubAddress]) =>
    checkHub(hubAddress, (url, init) => net.fetch(url, init)),
  );
  handle(LOCAL_CHANNELS.save, local, ([request]) => save(screens, request, deps.log, later));
  handle(LOCAL_CHANNELS.back, local, () => {
    const saved = screens.config();
    if (saved !== null) later(() => screens.showRole(saved));
  });
  handle(LOCAL_CHANNELS.quit, local, () => {
    screens.window.allowClose();
    later(() => app.quit());
  });
  handle(LOCAL_CHANNELS.offlineStatus, local, () => retry.status());
  handle(LOCAL_CHANNELS.retryNow, local, () => retry.retryNow());
}

/** Registers a channel's handler: it answers only the station's own window and the callers listed. */
function handlerFor(screens: Screens) {
  return (channel: string, callers: readonly Caller[], run: (args: unknown[]) => unknown) => {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const frameUrl = event.senderFrame?.url;
      const caller = callerOf(frameUrl, screens.hubOrigin());
      if (event.sender !== screens.window.current()?.webContents || !callers.includes(caller)) {
        throw new Error(`${channel} is not available to ${frameUrl ?? 'an unknown frame'}`);
      }
      return run(args);
    });
  };
}

/** Saves the setup atomically, then shows the role's page. */
async function save(
  screens: Screens,
  request: unknown,
  log: IpcDeps['log'],
  later: (run: () => void) => void,
): Promise<SaveResult> {
  const planned = setupFromRequest(request, screens.config());
  if (!planned.ok) return planned;
  const next = planned.config;
  try {
    await writeConfig(configPath(app.getPath('userData')), next);
  } catch (error) {
    log.error(`Could not save the station's setup: ${String(error)}`);
    return { ok: false, error: 'save-failed', detail: String(error) };
  }
  log.info(`Set up as ${next.role} for ${next.hubUrl}.`);
  later(() => screens.showRole(next));
  return { ok: true };
}
