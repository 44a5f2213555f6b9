/**
 * The console's Printers screen, through its events: a manager adds, changes
 * and removes printers (each an audited change on the printer's version, a
 * config-changed with every printer in use, the spooler's worker restarted or
 * stopped at once), prints a test slip the printer confirms, and staff see
 * the spool and reprint or drop a slip. A refused change leaves the database
 * byte-identical.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import {
  connect,
  hashAllTables,
  issue,
  ok,
  recordEvents,
  send,
  startHub,
  type Client,
  type TestHub,
} from '../harness.js';
import { startFakePrinter, type FakePrinter } from '../fake-printer/fake-printer.js';
import { rastersOf, textsOf } from '../fake-printer/hub-printers.js';
import { addDevice } from '../../hub/src/devices/devices.js';
import { systemClock } from '../../hub/src/clock.js';
import { t as translate } from '../../shared/i18n/index.js';
import type { Ack, PrinterInput, RequestPayload } from '../../shared/protocol.js';

/**
 * Jobs go out at once (they wake the worker), but the worker asks the status only every
 * minute: between two steps of a test nothing writes, so "changes nothing" can be exact.
 */
const QUIET_SPOOL = {
  idlePollMs: 60_000,
  faultPollMs: 60_000,
  retryBaseMs: 50,
  retryMaxMs: 400,
  confirmBaseMs: 1_500,
  confirmMsPerByte: 0,
};

const refusal = (ack: Ack<unknown>) => (ack.ok ? null : ack.error);
const jobsOf = (t: TestHub) =>
  t.db
    .prepare('SELECT id, state, reached_printer, last_error FROM print_jobs ORDER BY id')
    .all() as {
    id: number;
    state: string;
    reached_printer: number;
    last_error: string | null;
  }[];

/** Waits until the spool has stopped writing (the status it asked after the last job). */
async function quiet(t: TestHub) {
  const mark = () => JSON.stringify(t.db.prepare('SELECT status_at FROM printers').all());
  for (let last = mark(); ;) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const now = mark();
    if (now === last) return;
    last = now;
  }
}

describe('printers in the console', () => {
  let t: TestHub;
  let manager: Client;
  const printers: FakePrinter[] = [];
  const fakePrinter = async (paperDots?: number) => {
    const p = await startFakePrinter(paperDots ? { paperDots } : {});
    printers.push(p);
    return p;
  };
  const login = async (username: string, pin: string) => {
    const { client } = await connect(t, { role: 'console' });
    ok(await send(client, 'staff:login', { username, pin }));
    return client;
  };
  const input = (patch: Partial<PrinterInput> = {}): PrinterInput => ({
    name: 'Hall printer',
    uri: 'tcp://127.0.0.1:9',
    paperMm: 80,
    kioskDeviceId: null,
    ...patch,
  });
  const save = (printer: PrinterInput, version: number | null = null) =>
    send(manager, 'printer:save', { printer, version });
  const listed = async () => ok(await send(manager, 'printer:list', {}));

  beforeEach(async () => {
    t = await startHub({ printing: { timing: QUIET_SPOOL } });
    manager = await login('manager', '9999');
  });
  afterEach(async () => {
    await t.close();
    for (const p of printers.splice(0)) await p.close();
  });

  it('adds a printer that prints at once, edits it onto another printer, and removes it', async () => {
    const first = await fakePrinter();
    const watcher = recordEvents((await connect(t, { role: 'console' })).client);
    const added = ok(await save(input({ uri: first.tcpUri })));
    expect(added).toMatchObject({ name: 'Hall printer', paperMm: 80, version: 2 });

    // Every console hears of it, with the whole list of printers in use.
    const changed = await watcher.waitFor((e) => e.type === 'config-changed');
    expect(changed.printers?.map((p) => p.id)).toEqual([added.id]);
    await expect.poll(async () => (await listed())[0]?.status).toBe('ok');

    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    await issue(kiosk, 'family-book-entry');
    await first.waitForTickets(1);

    // Edited onto another printer, on 58 mm paper: the next slip comes out there, at once.
    const second = await fakePrinter(384);
    const moved = ok(await save(input({ id: added.id, uri: second.tcpUri, paperMm: 58 }), 2));
    expect(moved).toMatchObject({ paperMm: 58, version: 3 });
    await issue(kiosk, 'family-book-entry');
    const [slip] = await second.waitForTickets(1);
    const width = (png: Buffer | undefined) => (png ? PNG.sync.read(png).width : 0);
    expect(width(first.tickets[0]?.png) - width(slip?.png)).toBe(576 - 384);
    expect(first.tickets).toHaveLength(1);

    // Removed: its worker stops, and a kiosk's ticket has no printer to wait for.
    expect(ok(await send(manager, 'printer:remove', { printerId: added.id, version: 3 }))).toEqual(
      [],
    );
    await issue(kiosk, 'family-book-entry');
    expect(jobsOf(t)).toHaveLength(2);
    const audit = ok(await send(manager, 'config:audit', { entity: 'printer' }));
    expect(audit.map((a) => a.action)).toEqual(['delete', 'update', 'create']);
    expect(audit[1]?.before).toMatchObject({ uri: first.tcpUri, paperMm: 80 });
  });

  it('refuses a stale edit, a bad address and a second printer for the same kiosks, changing nothing', async () => {
    const kiosk = addDevice(t.db, systemClock, 'kiosk', 'Kiosk by the door');
    const display = addDevice(t.db, systemClock, 'display', 'Hall TV');
    const hall = ok(await save(input()));
    ok(await save(input({ id: hall.id, name: 'Hall printer (door)' }), hall.version));
    await expect.poll(async () => (await listed())[0]?.statusAt).not.toBeNull();
    await quiet(t);
    const before = hashAllTables(t.db);

    const cases: [RequestPayload<'printer:save'>, string, string][] = [
      [{ printer: input({ uri: 'lpt1' }), version: null }, 'printer.uri', 'printer-uri'],
      [
        { printer: input({ uri: 'serial:/dev/ttyUSB0?baud=1234' }), version: null },
        'printer.uri',
        'printer-uri',
      ],
      [
        { printer: input({ uri: 'station' }), version: null },
        'printer.kioskDeviceId',
        'station-needs-kiosk',
      ],
      [
        {
          printer: input({ name: 'Door', uri: 'station', kioskDeviceId: display.id }),
          version: null,
        },
        'printer.kioskDeviceId',
        'kiosk-not-found',
      ],
      [
        { printer: input({ name: 'Second' }), version: null },
        'printer.kioskDeviceId',
        'shared-printer-taken',
      ],
      [
        { printer: input({ name: 'Hall printer (door)', kioskDeviceId: kiosk.id }), version: null },
        'printer.name',
        'duplicate',
      ],
    ];
    for (const [payload, path, issue] of cases) {
      const error = refusal(await send(manager, 'printer:save', payload));
      expect(error?.fields, JSON.stringify(payload)).toContainEqual({ path, issue });
    }
    // Made on the version before the rename: refused, naming who changed it.
    const stale = refusal(await save(input({ id: hall.id, paperMm: 58 }), hall.version));
    expect(stale).toMatchObject({ code: 'conflict', reason: 'stale-version' });
    expect(stale?.params?.['by']).toBe('Khamla Sayavong');
    expect(hashAllTables(t.db)).toBe(before);

    // A station printer inside the kiosk is fine: that kiosk prints there, the others shared.
    const own = ok(
      await save(input({ name: 'Kiosk printer', uri: 'station', kioskDeviceId: kiosk.id })),
    );
    expect(own.kioskDeviceId).toBe(kiosk.id);
    expect(t.hub.printing.views.forKiosk(kiosk.id).map((p) => p.id)).toEqual([own.id]);
    expect(t.hub.printing.views.forKiosk(null).map((p) => p.id)).toEqual([hall.id]);
  });

  it('prints a test slip the printer confirms, and says why when it cannot', async () => {
    const printer = await fakePrinter();
    const added = ok(await save(input({ name: 'ເຄື່ອງພິມຫ້ອງໂຖງ', uri: printer.tcpUri })));
    const result = ok(await send(manager, 'printer:test', { printerId: added.id }));
    expect(result).toEqual({ printed: true, status: 'ok', error: null });
    const [slip] = await printer.waitForTickets(1);
    if (!slip) throw new Error('no test slip');
    const texts = textsOf(slip).map((l) => l.text);
    expect(texts).toContain('TEST');
    expect(texts).toContain(translate('en', 'print.test.paper', { mm: 80 }));
    const centre = t.db.prepare('SELECT name_en FROM centre').get() as { name_en: string };
    expect(texts.join(' ')).toContain(centre.name_en);
    // The printer's Lao name, the Lao title and the Lao check line are drawn, not typed.
    expect(rastersOf(slip).length).toBeGreaterThanOrEqual(4);
    // A test slip is no ticket: it leaves nothing in the spool.
    expect(jobsOf(t)).toEqual([]);

    printer.setFlags({ paperOut: true });
    await expect.poll(async () => (await listed())[0]?.status).toBe('paper-out');
    const refused = ok(await send(manager, 'printer:test', { printerId: added.id }));
    expect(refused).toMatchObject({ printed: false, status: 'paper-out' });
    expect(printer.tickets).toHaveLength(1);
  });

  it('lets staff reprint a slip of a waiting ticket and drop one, and refuses to remove a printer tickets wait on', async () => {
    const printer = await fakePrinter();
    const added = ok(await save(input({ uri: printer.tcpUri })));
    const supervisor = await login('supervisor', '5555');
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const lost = await issue(kiosk, 'family-book-entry', { lang: 'en' });
    await printer.waitForTickets(1);
    await expect.poll(() => jobsOf(t)[0]?.state).toBe('printed');

    // The citizen lost it: the supervisor finds it in the spool and prints it again.
    const [job] = ok(await send(supervisor, 'printer:jobs', { printerId: added.id }));
    expect(job).toMatchObject({ label: lost.label, state: 'printed', ticketStatus: 'waiting' });
    if (!job) throw new Error('no job');
    expect(ok(await send(supervisor, 'printer:reprint', { jobId: job.id })).state).toBe('queued');
    const [, again] = await printer.waitForTickets(2);
    const reprint = translate('en', 'print.reprint');
    expect(again && textsOf(again).some((l) => reprint.startsWith(l.text))).toBe(true);
    await expect.poll(() => jobsOf(t)[0]).toMatchObject({ state: 'printed', reached_printer: 1 });

    // Out of paper: two slips wait. One is dropped; removing the printer is refused.
    printer.setFlags({ paperOut: true });
    await expect.poll(async () => (await listed())[0]?.status).toBe('paper-out');
    await issue(kiosk, 'family-book-entry');
    await issue(kiosk, 'national-id-card');
    const waiting = ok(await send(supervisor, 'printer:jobs', { printerId: added.id }));
    expect(waiting.filter((j) => j.state === 'queued')).toHaveLength(2);
    const dropped = ok(await send(supervisor, 'printer:drop', { jobId: waiting[0]?.id ?? 0 }));
    expect(dropped.state).toBe('dropped');
    expect(dropped.lastError).toBe('dropped in the console by Vilayvanh Phommachanh');

    // A slip of a ticket that moved on is not printed again.
    ok(await send(supervisor, 'ticket:cancel', { ticketId: lost.id }));
    const moved = refusal(await send(supervisor, 'printer:reprint', { jobId: job.id }));
    expect(moved).toMatchObject({ code: 'conflict', reason: 'status' });

    // A supervisor does not set printers up.
    for (const ack of [
      await send(supervisor, 'printer:save', { printer: input({ name: 'Other' }), version: null }),
      await send(supervisor, 'printer:remove', { printerId: added.id, version: 2 }),
      await send(supervisor, 'printer:test', { printerId: added.id }),
    ]) {
      expect(refusal(ack)).toMatchObject({ code: 'forbidden', reason: 'manager-only' });
    }
    await quiet(t);
    const before = hashAllTables(t.db);
    const busy = refusal(
      await send(manager, 'printer:remove', { printerId: added.id, version: 2 }),
    );
    expect(busy).toMatchObject({ reason: 'printer-has-jobs', params: { count: 1 } });
    expect(hashAllTables(t.db)).toBe(before);

    // Told to drop them, it goes, and the slip says why it never printed.
    ok(
      await send(manager, 'printer:remove', { printerId: added.id, version: 2, dropWaiting: true }),
    );
    expect(jobsOf(t).map((j) => j.state)).toEqual(['printed', 'dropped', 'dropped']);
    expect(jobsOf(t)[1]?.last_error).toBe('the printer was removed by Khamla Sayavong');
    printer.setFlags({ paperOut: false });
    await new Promise((r) => setTimeout(r, 300));
    expect(printer.tickets).toHaveLength(2);
  });
});
