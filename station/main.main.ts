/**
 * The Electron entry point: the only file that knows where the build put
 * things (`build-station.ts` writes main.js, preload.cjs and pages/ side by
 * side) and which real clock and mDNS the station uses.
 */
import { join } from 'node:path';
import { createBonjourBrowser } from './discovery.js';
import { startStation, type StationLog } from './station.main.js';
import { systemTimers } from './timers.js';

const log: StationLog = console;
const here = import.meta.dirname;

startStation({
  pagesDir: join(here, 'pages'),
  preloadPath: join(here, 'preload.cjs'),
  timers: systemTimers,
  discovery: createBonjourBrowser((error) => log.warn(`mDNS search failed: ${String(error)}`)),
  log,
});
