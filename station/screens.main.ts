/**
 * What the station shows, and when: its role's hub page once it is set up,
 * the offline page while the hub cannot be reached (retrying until it can),
 * and setup when there is no usable setup or a technician asks for it. It
 * holds the setup the station runs with, which the IPC handlers read.
 */
import { net } from 'electron';
import type { StationConfig } from './config.js';
import type { SetupState } from './ipc.js';
import { localPageUrl } from './local-pages.js';
import { createRetryLoop, probeHub, type RetryLoop } from './offline.js';
import { startKioskAgent } from './print-agent.js';
import { hubPageUrl } from './role-routing.js';
import { setupStateOf } from './setup-requests.js';
import { createStationWindow, loadPage, type StationWindow } from './station-window.main.js';
import type { StationDeps } from './station.main.js';

export type SetupProblem = SetupState['problem'];

export interface Screens {
  readonly window: StationWindow;
  /** Retrying the hub while the offline page is shown. */
  readonly retry: RetryLoop;
  /** The setup the station runs with; null until one is saved. */
  config(): StationConfig | null;
  hubOrigin(): string | null;
  setupState(): SetupState;
  showRole(config: StationConfig): void;
  showSetup(problem: SetupProblem): void;
  /** The station is quitting. */
  stop(): void;
}

export function createScreens(deps: Pick<StationDeps, 'preloadPath' | 'timers' | 'log'>): Screens {
  const { timers, log } = deps;
  let config: StationConfig | null = null;
  let setupProblem: SetupProblem = null;
  let printAgent: { stop(): void } | null = null;
  const hubOrigin = () => config?.hubUrl ?? null;

  const retry = createRetryLoop({
    attempt: async () =>
      config !== null && probeHub(config.hubUrl, (url, init) => net.fetch(url, init)),
    onRecovered: () => loadHub(),
    timers,
  });
  const window = createStationWindow(deps, {
    hubOrigin,
    hubDown: goOffline,
    hubUp: () => retry.reset(),
    openSetup: () => showSetup(null),
  });

  function loadHub() {
    if (config === null) return;
    loadPage(window.open(config.role), hubPageUrl(config.hubUrl, config.role));
  }

  function goOffline() {
    const win = window.current();
    if (win === null || config === null) return;
    const offline = localPageUrl('offline');
    if (win.webContents.getURL() !== offline) loadPage(win, offline);
    retry.start();
  }

  function showRole(next: StationConfig) {
    config = next;
    printAgent?.stop();
    printAgent = startKioskAgent(next, log);
    setupProblem = null;
    retry.reset();
    loadHub();
  }

  function showSetup(problem: SetupProblem) {
    retry.stop();
    setupProblem = problem;
    loadPage(window.open(null), localPageUrl('setup'));
  }

  return {
    window,
    retry,
    config: () => config,
    hubOrigin,
    setupState: () => setupStateOf(config, setupProblem),
    showRole,
    showSetup,
    stop() {
      window.allowClose();
      printAgent?.stop();
      retry.stop();
    },
  };
}
