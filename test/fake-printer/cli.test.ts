/**
 * `npm run fake-printer` as a person runs it: a hub prints to it, and each
 * ticket comes out as a PNG whose path it prints; typing `paper` puts it out
 * of paper, and the hub sees that.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, issue, startHub, tempDir, type TestHub } from '../harness.js';
import { addPrinter, FAST_SPOOL, readQr } from './hub-printers.js';
import { REPO_ROOT } from '../fault/hub-process.js';

let hub: TestHub | undefined;
let child: ChildProcess | undefined;
const dirs: string[] = [];
afterEach(async () => {
  // npm, its shell, tsx and the printer: the whole group this test started, by its id.
  try {
    if (child?.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  await hub?.close();
  hub = child = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm run fake-printer', () => {
  it('prints the path of a PNG for each ticket, and goes out of paper when told', async () => {
    const out = tempDir();
    dirs.push(out);
    child = spawn('npm', ['run', '--silent', 'fake-printer', '--', '--port', '0', '--out', out], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    child.stdout?.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    await expect
      .poll(() => /listening at (tcp:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1], { timeout: 15_000 })
      .toBeTruthy();
    const uri = /listening at (tcp:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1] ?? '';
    expect(stdout).toContain(`npm start -- --printer ${uri}`);

    hub = await startHub({ printing: { timing: FAST_SPOOL } });
    addPrinter(hub.hub, { uri });
    const { client: kiosk } = await connect(hub, { role: 'kiosk' });
    const ticket = await issue(kiosk, 'family-book-entry');

    await expect
      .poll(() => /ticket 1: (\S+\.png)/.exec(stdout)?.[1], { timeout: 10_000 })
      .toBeTruthy();
    const file = /ticket 1: (\S+\.png)/.exec(stdout)?.[1] ?? '';
    expect(file.startsWith(out)).toBe(true);
    expect(existsSync(file)).toBe(true);
    const code = hub.db.prepare('SELECT code FROM tickets WHERE id = ?').pluck().get(ticket.id);
    expect(readQr(readFileSync(file))).toBe(`${hub.url}/t/${String(code)}`);

    child.stdin?.write('paper\n');
    await expect.poll(() => stdout).toContain('paper: fault on');
    await expect
      .poll(() => hub?.hub.printing.views.all()[0]?.status, { timeout: 10_000 })
      .toBe('paper-out');
  }, 40_000);
});
