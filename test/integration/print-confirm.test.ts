/**
 * "A slip marked printed must have come out": a printer that closes the
 * connection, or stops reading, part way into a job once had every job
 * marked printed, since a TCP write is done when the bytes reach the
 * kernel's buffer. A job is now printed only when the printer answers the GS
 * r sent after it; one that was not confirmed is sent again, and the slip
 * that comes out says it is a reprint.
 */
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { connect, issue, startHub, type TestHub } from '../harness.js';
import { startFakePrinter, type FakePrinter } from '../fake-printer/fake-printer.js';
import { addPrinter, FAST_SPOOL, readQr, savePng, textsOf } from '../fake-printer/hub-printers.js';
import { t as translate } from '../../shared/i18n/index.js';

let hub: TestHub | undefined;
let printer: FakePrinter | undefined;
afterEach(async () => {
  await hub?.close();
  await printer?.close();
  hub = printer = undefined;
});

/** A pino logger whose warnings the test can read. */
function recordingLog() {
  const warnings: { msg: string; reached?: boolean; ticket?: number }[] = [];
  const log = pino(
    { level: 'warn' },
    { write: (line: string) => void warnings.push(JSON.parse(line) as (typeof warnings)[0]) },
  );
  return { log, warnings };
}

/**
 * A printer has this long to confirm a job: long for loopback and for the fake printer, which
 * draws each slip as it is cut (a busy machine once took over 300 ms), short for a test.
 */
const CONFIRM = { confirmBaseMs: 1_500, confirmMsPerByte: 0 };

const jobs = (t: TestHub) =>
  t.db.prepare('SELECT ticket_id, state, reached_printer FROM print_jobs ORDER BY id').all() as {
    ticket_id: number;
    state: string;
    reached_printer: number;
  }[];

describe('a printer that fails mid-job', () => {
  for (const kind of ['close', 'stop-reading'] as const) {
    it(`marks nothing printed while it ${kind === 'close' ? 'closes the connection' : 'stops reading'}, then prints every ticket, the first as a reprint`, async () => {
      printer = await startFakePrinter();
      const { log, warnings } = recordingLog();
      hub = await startHub({ log, printing: { timing: { ...FAST_SPOOL, ...CONFIRM } } });
      addPrinter(hub.hub, { uri: printer.tcpUri });
      await expect.poll(() => hub?.hub.printing.views.all()[0]?.status).toBe('ok');

      printer.setTcpFault({ kind, afterBytes: 3_000 });
      const { client: kiosk } = await connect(hub, { role: 'kiosk' });
      const tickets = [];
      for (let i = 0; i < 3; i += 1) tickets.push(await issue(kiosk, 'family-book-entry'));

      // The first job goes out, part of it is taken, and the printer never confirms it.
      await expect.poll(() => printer?.faults, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      expect(jobs(hub).map((j) => j.state)).not.toContain('printed');
      expect(jobs(hub)[0]?.reached_printer).toBe(1);
      expect(printer.tickets).toHaveLength(0);
      const warned = warnings.filter((w) => w.reached === true);
      expect(warned.length).toBeGreaterThanOrEqual(1);
      expect(warned[0]?.msg).toMatch(/not confirmed/);

      printer.setTcpFault(null);
      const printed = await printer.waitForTickets(3, 10_000);
      expect(printed.map((p) => readQr(p.png))).toEqual(
        tickets.map((tk) => `${hub?.url}/t/${tk.code}`),
      );
      // The last confirmation may still be on its way back when its slip is cut.
      await expect
        .poll(() => hub && jobs(hub).map((j) => j.state))
        .toEqual(['printed', 'printed', 'printed']);

      // Only the slip that may have come out before says it is a reprint (in Lao as a
      // raster, in English as the printer's own text).
      const reprint = translate('en', 'print.reprint');
      const marked = printed.map((p) => textsOf(p).some((line) => reprint.startsWith(line.text)));
      expect(marked).toEqual([true, false, false]);
      if (printed[0]) savePng(printed[0], `ticket-reprint-${kind}`);
    }, 20_000);
  }

  it('marks a job printed only after the printer has processed it', async () => {
    printer = await startFakePrinter();
    hub = await startHub({ printing: { timing: { ...FAST_SPOOL, ...CONFIRM } } });
    addPrinter(hub.hub, { uri: printer.tcpUri });
    await expect.poll(() => hub?.hub.printing.views.all()[0]?.status).toBe('ok');
    const { client: kiosk } = await connect(hub, { role: 'kiosk' });
    await issue(kiosk, 'family-book-entry');
    const [slip] = await printer.waitForTickets(1);
    await expect.poll(() => hub && jobs(hub)[0]?.state).toBe('printed');
    expect(jobs(hub)[0]?.reached_printer).toBe(0);
    expect(slip && textsOf(slip).map((l) => l.text)).not.toContainEqual(
      expect.stringMatching(/^REPRINT/),
    );
  });

  it('prints a lost slip again, marked, when its job is put back as docs/operations.md says', async () => {
    printer = await startFakePrinter();
    hub = await startHub({ printing: { timing: { ...FAST_SPOOL, ...CONFIRM } } });
    addPrinter(hub.hub, { uri: printer.tcpUri });
    const { client: kiosk } = await connect(hub, { role: 'kiosk' });
    const ticket = await issue(kiosk, 'family-book-entry', { lang: 'en' });
    await printer.waitForTickets(1);
    await expect.poll(() => hub && jobs(hub)[0]?.state).toBe('printed');

    hub.db
      .prepare(
        `UPDATE print_jobs SET state = 'queued', reached_printer = 1, next_attempt_at = 0
         WHERE ticket_id = (SELECT id FROM tickets WHERE label = ? ORDER BY id DESC LIMIT 1)`,
      )
      .run(ticket.label);
    const [, again] = await printer.waitForTickets(2);
    expect(again && readQr(again.png)).toBe(`${hub.url}/t/${ticket.code}`);
    expect(again && textsOf(again).map((l) => l.text)).toContainEqual(
      expect.stringMatching(/^REPRINT/),
    );
  });
});
