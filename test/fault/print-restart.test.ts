/**
 * A hub killed with SIGKILL while tickets wait in its print spool (the
 * printer is out of paper) prints each of them after it is restarted, once,
 * and never prints again a ticket that had already come out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { connect, issue, tempDir, type Client } from '../harness.js';
import { noonZone, running, startCli } from './hub-process.js';
import { startFakePrinter, type FakePrinter } from '../fake-printer/fake-printer.js';
import { readQr, textsOf } from '../fake-printer/hub-printers.js';
import type { Ticket } from '../../shared/protocol.js';

/** Longer than the hub's default poll of a printer in trouble, so a second print would show. */
const QUIET_MS = 3_000;

describe('print spool across a crash', () => {
  const dirs: string[] = [];
  const clients: Client[] = [];
  let printer: FakePrinter | undefined;
  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    for (const child of running) child.kill('SIGKILL');
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    await printer?.close();
  });

  it('prints the queued jobs after restart, each once', async () => {
    const dataDir = tempDir('khiu-print-crash-');
    dirs.push(dataDir);
    const tz = noonZone();
    printer = await startFakePrinter();
    const args = ['--printer', printer.tcpUri];
    const first = await startCli(dataDir, tz, args);
    const { client: kiosk } = await connect({ url: first.url, clients }, { role: 'kiosk' });

    const before: Ticket[] = [];
    const during: Ticket[] = [];
    for (let i = 0; i < 3; i++) before.push(await issue(kiosk, 'family-book-entry'));
    await printer.waitForTickets(3);
    const db = new Database(join(dataDir, 'khiu.sqlite'), { readonly: true, fileMustExist: true });
    const unprinted = () =>
      db.prepare("SELECT count(*) AS n FROM print_jobs WHERE state <> 'printed'").get();
    try {
      // Each is printed once the printer has confirmed it, a moment after its cut.
      await expect.poll(unprinted).toEqual({ n: 0 });
      printer.setFlags({ paperOut: true });
      for (let i = 0; i < 2; i++)
        during.push(await issue(kiosk, 'national-id-card', { lang: 'en' }));
      expect(unprinted()).toEqual({ n: 2 });
    } finally {
      db.close();
    }
    first.child.kill('SIGKILL');
    expect(await first.exited).toMatchObject({ signal: 'SIGKILL' });

    printer.setFlags({ paperOut: false });
    const second = await startCli(dataDir, tz, args);
    await printer.waitForTickets(5, 10_000);
    await new Promise((r) => setTimeout(r, QUIET_MS));

    const labels = printer.tickets.map((t) => textsOf(t).find((x) => x.width >= 4)?.text);
    expect(labels).toEqual([...before, ...during].map((t) => t.label));
    const urls = printer.tickets.slice(3).map((t) => readQr(t.png));
    expect(urls).toEqual(during.map((t) => `${second.url}/t/${t.code}`));
    second.child.kill('SIGTERM');
    expect(await second.exited).toMatchObject({ code: 0 });
  }, 60_000);
});
