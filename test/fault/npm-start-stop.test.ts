/**
 * `npm start` is stopped the way a person stops it: `kill` (SIGTERM) of the
 * npm process, or Ctrl+C (SIGINT to the terminal's process group). The hub
 * must stop with it: the port closed and no process of the tree left behind,
 * within a few seconds. (Before, npm's shell ended on SIGTERM and the hub it
 * had started kept listening.) npm also says how to open the demo to a phone.
 *
 * A SIGINT sent to the npm process alone is not a case here: npm passes it
 * to its shell, and a shell waiting for a command ignores SIGINT until that
 * command ends (so that Ctrl+C, which reaches the command too, is left to it).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { connect as tcpConnect } from 'node:net';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../harness.js';
import { noonZone, REPO_ROOT } from './hub-process.js';

const START_TIMEOUT_MS = 20_000;
/** The hub's own grace is 5 s (main.ts); the parent check adds a quarter of a second. */
const STOPPED_WITHIN_MS = 8_000;

const started: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  // Whatever a failed test left behind: the whole group it started, by its id.
  for (const child of started.splice(0)) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Every process below `root`, from `ps` (pid and parent of each). */
function descendants(root: number): number[] {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    for (const [child, parent] of rows) {
      if (parent === pid && child !== undefined) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie has exited; only its parent has not read its status yet.
  try {
    return !/^\d+ \(.*\) Z/.test(execFileSync('cat', [`/proc/${pid}/stat`], { encoding: 'utf8' }));
  } catch {
    return false;
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function until(probe: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await probe()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return probe();
}

/** `npm start` as a person runs it (the apps already built), on port 0 and a fresh data folder. */
async function npmStart(): Promise<{ npm: ChildProcess; port: number; stdout: () => string }> {
  const dir = tempDir();
  dirs.push(dir);
  const npm = spawn(
    'npm',
    ['start', '--', '--no-build', '--port', '0', '--data-dir', dir, '--tz', noonZone()],
    // Its own process group, so that afterEach can clean up after a failure.
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  started.push(npm);
  let stdout = '';
  let stderr = '';
  npm.stdout?.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  npm.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const listening = () => /Khiu hub listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout);
  const up = await until(() => listening() !== null, START_TIMEOUT_MS);
  if (!up) throw new Error(`npm start did not listen\nstdout:\n${stdout}\nstderr:\n${stderr}`);
  return { npm, port: Number(listening()?.[1]), stdout: () => stdout };
}

describe('stopping npm start', () => {
  const ways = [
    { name: 'kill (SIGTERM to npm)', stop: (npm: ChildProcess) => npm.kill('SIGTERM') },
    {
      name: 'Ctrl+C (SIGINT to its process group)',
      stop: (npm: ChildProcess) => process.kill(-(npm.pid ?? 0), 'SIGINT'),
    },
  ];
  for (const way of ways) {
    it(`${way.name} stops the hub: port closed, no process left`, async () => {
      const { npm, port, stdout } = await npmStart();
      expect(stdout()).toContain(`npm start -- --host 0.0.0.0 --port ${port}`);
      const tree = descendants(npm.pid ?? -1);
      expect(tree.length).toBeGreaterThan(0);
      expect(await portOpen(port)).toBe(true);

      way.stop(npm);
      expect(await until(async () => !(await portOpen(port)), STOPPED_WITHIN_MS)).toBe(true);
      expect(await until(() => tree.every((pid) => !alive(pid)), STOPPED_WITHIN_MS)).toBe(true);
    }, 40_000);
  }
});
