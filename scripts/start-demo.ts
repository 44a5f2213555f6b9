/**
 * `npm start`: builds the web apps, then runs the demo hub in this same
 * process (`--demo` plus whatever follows `npm start --`; `--no-build` skips
 * the build when dist/web/ is up to date).
 *
 * Stopping `npm start` must stop the hub. npm passes SIGTERM and SIGINT on to
 * the shell it runs this script in, but that shell (dash, on Debian) just
 * ends, without passing them on; the hub, left alone, kept its port. So the
 * hub runs in this process, and it stops (as on SIGTERM: hub/src/main.ts)
 * as soon as the process that started it is gone.
 */
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
// main.ts reads its flags from process.argv, as when it is run on its own.
process.argv = [node, 'hub/src/main.ts', '--demo', ...flags.filter((f) => f !== '--no-build')];
await import('../hub/src/main.js');
