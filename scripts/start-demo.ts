/**
 * `npm start`: builds the web apps and the compiled hub (dist/hub/main.js),
 * then runs that demo hub in this same process (`--demo` plus whatever follows `npm start --`; `--no-build` skips
 * the build when dist/web/ is up to date).
 *
 * Stopping `npm start` must stop the hub. npm passes SIGTERM and SIGINT on to
 * the shell it runs this script in, but that shell (dash, on Debian) just
 * ends, without passing them on; the hub, left alone, kept its port. So the
 * hub runs in this process, and it stops (as on SIGTERM: hub/src/main.ts)
 * as soon as the process that started it is gone.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildWebApps } from './web-build.js';

const PARENT_CHECK_MS = 250;

const [node = process.execPath, , ...flags] = process.argv;
const startedBy = process.ppid;
setInterval(() => {
  // Orphaned: whoever started `npm start` stopped it. Stop like `kill` would.
  if (process.ppid !== startedBy) process.kill(process.pid, 'SIGTERM');
}, PARENT_CHECK_MS).unref();

const build = !flags.includes('--no-build');
if (build) await buildWebApps();
// The hub itself runs compiled (scripts/build-hub.ts), as in production: no TypeScript loader.
await import('./build-hub.js');
const compiled = resolve('dist/hub/main.js');
// main.js reads its flags from process.argv, as when it is run on its own.
process.argv = [node, compiled, '--demo', ...flags.filter((f) => f !== '--no-build')];
await import(pathToFileURL(compiled).href);
