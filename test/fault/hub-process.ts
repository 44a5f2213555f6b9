/**
 * The hub as a separate process, started from its command line the way a
 * centre runs it, so a test can kill it with SIGKILL and start it again on
 * the same data directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const START_TIMEOUT_MS = 10_000;

/**
 * A fixed-offset zone where it is now around noon, so the service day cannot
 * roll over between the crash and the restart, whenever the test runs.
 * (Etc/GMT-N is UTC+N.)
 */
export function noonZone(): string {
  const offset = (12 - new Date().getUTCHours() + 24) % 24;
  const east = offset > 12 ? offset - 24 : offset;
  if (east === 0) return 'Etc/GMT';
  return east > 0 ? `Etc/GMT-${east}` : `Etc/GMT+${-east}`;
}

export interface RunningHub {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

/** Hubs still running, for the tests' afterEach to kill. */
export const running = new Set<ChildProcess>();

export function startCli(
  dataDir: string,
  tz: string,
  extraArgs: string[] = [],
): Promise<RunningHub> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'hub/src/main.ts',
      '--demo',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--tz',
      tz,
      ...extraArgs,
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      done({ code, signal });
    }),
  );
  const output = () => `stdout:\n${stdout}\nstderr:\n${stderr}`;
  return new Promise((resolveHub, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hub did not start within ${START_TIMEOUT_MS} ms\n${output()}`));
    }, START_TIMEOUT_MS);
    const onData = () => {
      const url = /Khiu hub listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolveHub({ child, url, exited, output });
    };
    child.stdout?.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`hub exited (${code ?? signal}) before listening\n${output()}`));
    });
  });
}
