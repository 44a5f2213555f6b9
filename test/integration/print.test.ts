/**
 * A kiosk ticket, printed: a real hub sends it over TCP to the fake printer,
 * which decodes the ESC/POS bytes into the image the paper would show.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  connect,
  issue,
  ok,
  openCounter,
  recordEvents,
  send,
  startHub,
  type TestHub,
} from '../harness.js';
import { startFakePrinter, type FakePrinter } from '../fake-printer/fake-printer.js';
import {
  addPrinter,
  FAST_SPOOL,
  rastersOf,
  readQr,
  savePng,
  textsOf,
} from '../fake-printer/hub-printers.js';
import { io } from 'socket.io-client';
import { renderRasterLines } from '../../hub/src/print/raster.js';
import { addDevice } from '../../hub/src/devices/devices.js';
import { systemClock } from '../../hub/src/clock.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import type { PaperDots } from '../../hub/src/print/ticket-layout.js';
import { PROTOCOL_VERSION, type Lang } from '../../shared/protocol.js';

let hub: TestHub | undefined;
let printer: FakePrinter | undefined;
afterEach(async () => {
  await hub?.close();
  await printer?.close();
  hub = printer = undefined;
});

const family = DEMO_CENTRE.services.find((s) => s.id === 'family-book-entry');

describe('a kiosk ticket on an ESC/POS printer', () => {
  for (const paperDots of [576, 384] as const satisfies readonly PaperDots[]) {
    for (const lang of ['lo', 'en'] as const satisfies readonly Lang[]) {
      it(`prints the number, Lao raster lines and a QR code to /t/<code> (${paperDots} dots, ${lang})`, async () => {
        printer = await startFakePrinter({ paperDots });
        hub = await startHub({ printing: { timing: FAST_SPOOL } });
        addPrinter(hub.hub, { uri: printer.tcpUri, paperDots });
        const { client: kiosk } = await connect(hub, { role: 'kiosk' });
        const ticket = await issue(kiosk, 'family-book-entry', { lang });

        const [printed] = await printer.waitForTickets(1);
        expect(printed).toBeDefined();
        if (!printed) return;
        savePng(printed, `ticket-${paperDots === 576 ? '80mm' : '58mm'}-${lang}`);

        // The number, in big native text.
        const number = textsOf(printed).find((t) => t.text === ticket.label);
        expect(number?.width).toBeGreaterThanOrEqual(4);
        expect(number?.height).toBeGreaterThanOrEqual(4);
        // The service's Lao name, as the very raster the layout draws for it.
        const expected = renderRasterLines(
          { text: family?.name.lo ?? '', px: 28, bold: true },
          paperDots,
        );
        const rasters = rastersOf(printed);
        expect(rasters.map((r) => [r.rowBytes, r.height])).toEqual(
          expect.arrayContaining(expected.map((e) => [e.rowBytes, e.height])),
        );
        for (const r of rasters) expect(r.rowBytes * 8).toBeLessThanOrEqual(paperDots);
        // The phone page, read back from the printed image.
        const url = `${hub.url}/t/${ticket.code}`;
        expect(readQr(printed.png)).toBe(url);
        // English lines that are plain ASCII are native text.
        expect(
          textsOf(printed)
            .map((t) => t.text)
            .join(' '),
        ).toContain(family?.name.en);
        expect(printed.bytes.length).toBeLessThanOrEqual(12 * 1024);
        expect(printer.decoders.flatMap((d) => d.unknown)).toEqual([]);
        // Confirmed by the printer's answer to GS r, which comes a moment after the cut.
        const job = () => hub?.db.prepare('SELECT state, attempts FROM print_jobs').all();
        await expect.poll(job).toEqual([{ state: 'printed', attempts: 1 }]);
      });
    }
  }
});

describe('a printer that needs attention', () => {
  it('never blocks a ticket, alerts staff and the kiosk, and prints the ticket once paper is back', async () => {
    printer = await startFakePrinter();
    hub = await startHub({ printing: { timing: FAST_SPOOL } });
    const printerId = addPrinter(hub.hub, { name: 'Kiosk printer', uri: printer.tcpUri });
    const { client: kiosk } = await connect(hub, { role: 'kiosk' });
    const { client: counter } = await connect(hub, { role: 'counter' });
    const { client: display, snapshot: displaySnapshot } = await connect(hub, { role: 'display' });
    const staff = recordEvents(counter);
    const kioskEvents = recordEvents(kiosk);
    const displayEvents = recordEvents(display);
    expect(displaySnapshot.printers).toBeUndefined();
    await expect.poll(() => hub?.hub.printing.views.all()[0]?.status).toBe('ok');

    // The printer says so itself (automatic status back), before any ticket is waiting.
    printer.setFlags({ paperOut: true });
    await staff.waitFor(
      (e) => e.type === 'printer-updated' && e.printers?.[0]?.status === 'paper-out',
    );
    const ticket = await issue(kiosk, 'family-book-entry');
    const alert = await staff.waitFor(
      (e) => e.type === 'printer-updated' && e.printers?.[0]?.queuedJobs === 1,
    );
    expect(alert.printers).toEqual([
      expect.objectContaining({
        id: printerId,
        name: 'Kiosk printer',
        status: 'paper-out',
        queuedJobs: 1,
      }),
    ]);
    const kioskAlert = await kioskEvents.waitFor((e) => e.type === 'printer-updated');
    expect(kioskAlert.printers?.[0]?.status).toBe('paper-out');
    const publicAlert = await displayEvents.waitFor((e) => e.type === 'printer-updated');
    expect(publicAlert.printers).toBeUndefined();
    const { snapshot } = await connect(hub, { role: 'kiosk' });
    expect(snapshot.printers?.map((p) => p.status)).toEqual(['paper-out']);
    expect(printer.tickets).toHaveLength(0);

    printer.setFlags({ paperOut: false });
    const [printed] = await printer.waitForTickets(1);
    expect(printed && readQr(printed.png)).toBe(`${hub.url}/t/${ticket.code}`);
    await staff.waitFor((e) => e.type === 'printer-updated' && e.printers?.[0]?.status === 'ok');
    await new Promise((r) => setTimeout(r, FAST_SPOOL.idlePollMs * 2));
    expect(printer.tickets).toHaveLength(1);
    expect(printer.decoders.reduce((n, d) => n + d.discarded, 0)).toBe(0);
  });

  it("tells a kiosk only about the printer its own tickets go to, not another's fault", async () => {
    printer = await startFakePrinter();
    const shared = await startFakePrinter();
    try {
      hub = await startHub({ printing: { timing: FAST_SPOOL } });
      const device = addDevice(hub.db, systemClock, 'kiosk', 'Kiosk 1');
      const ownId = addPrinter(hub.hub, {
        name: 'Kiosk 1 printer',
        uri: printer.tcpUri,
        kioskDeviceId: device.id,
      });
      addPrinter(hub.hub, { name: 'Shared printer', uri: shared.tcpUri });
      const { client: kiosk, snapshot } = await connect(hub, { token: device.token });
      const { client: unpaired, snapshot: unpairedSnapshot } = await connect(hub, {
        role: 'kiosk',
      });
      expect(snapshot.printers?.map((p) => p.id)).toEqual([ownId]);
      expect(unpairedSnapshot.printers?.map((p) => p.name)).toEqual(['Shared printer']);
      const own = recordEvents(kiosk);
      const other = recordEvents(unpaired);

      shared.setFlags({ paperOut: true });
      const seen = await other.waitFor(
        (e) => e.type === 'printer-updated' && e.printers?.[0]?.status === 'paper-out',
      );
      const ownEvent = await own.waitFor((e) => e.seq === seen.seq);
      expect(ownEvent.printers ?? []).toEqual([]);
      expect(own.events.flatMap((e) => e.printers ?? []).map((p) => p.id)).not.toContain(
        seen.printers?.[0]?.id,
      );
    } finally {
      await shared.close();
    }
  });

  it('drops, unprinted, the job of a ticket called while the printer was out of paper', async () => {
    printer = await startFakePrinter();
    printer.setFlags({ paperOut: true });
    hub = await startHub({ printing: { timing: FAST_SPOOL } });
    addPrinter(hub.hub, { uri: printer.tcpUri });
    const { client: kiosk } = await connect(hub, { role: 'kiosk' });
    const served = await issue(kiosk, 'family-book-entry');
    const waiting = await issue(kiosk, 'family-book-entry');
    const { client: counter } = await openCounter(hub, 1);
    expect(ok(await send(counter, 'counter:call-next', { counterId: 1 }))?.id).toBe(served.id);
    printer.setFlags({ paperOut: false });
    const [printed] = await printer.waitForTickets(1);
    expect(printed && readQr(printed.png)).toBe(`${hub.url}/t/${waiting.code}`);
    await new Promise((r) => setTimeout(r, FAST_SPOOL.idlePollMs * 2));
    expect(printer.tickets).toHaveLength(1);
    const jobs = hub.db
      .prepare('SELECT ticket_id, state, last_error FROM print_jobs ORDER BY id')
      .all();
    expect(jobs).toEqual([
      { ticket_id: served.id, state: 'dropped', last_error: 'the ticket is called' },
      { ticket_id: waiting.id, state: 'printed', last_error: null },
    ]);
  });

  it('reads each fault the printer reports: near end still prints, cover open and offline hold', async () => {
    printer = await startFakePrinter();
    hub = await startHub({ printing: { timing: FAST_SPOOL } });
    addPrinter(hub.hub, { uri: printer.tcpUri });
    const status = () => hub?.hub.printing.views.all()[0]?.status;
    await expect.poll(status).toBe('ok');
    printer.setFlags({ paperNearEnd: true });
    await expect.poll(status).toBe('paper-near-end');
    const { client: kiosk } = await connect(hub, { role: 'kiosk' });
    await issue(kiosk, 'family-book-entry');
    await printer.waitForTickets(1);
    printer.setFlags({ paperNearEnd: false, coverOpen: true });
    await expect.poll(status).toBe('cover-open');
    printer.setFlags({ coverOpen: false, offline: true });
    await expect.poll(status).toBe('offline');
    await issue(kiosk, 'family-book-entry');
    await new Promise((r) => setTimeout(r, FAST_SPOOL.faultPollMs * 4));
    expect(printer.tickets).toHaveLength(1);
    printer.setFlags({ offline: false });
    await printer.waitForTickets(2);
    await expect.poll(status).toBe('ok');
  });

  it('marks a printer that does not answer offline, and prints when it comes up again', async () => {
    hub = await startHub({ printing: { timing: FAST_SPOOL } });
    // A port with nobody listening: taken, then freed.
    const probe = await startFakePrinter();
    const uri = probe.tcpUri;
    await probe.close();
    addPrinter(hub.hub, { uri });
    await expect.poll(() => hub?.hub.printing.views.all()[0]?.status).toBe('offline');
    const { client: kiosk } = await connect(hub, { role: 'kiosk' });
    const ticket = await issue(kiosk, 'birth-certificate');
    expect(hub.hub.printing.views.all()[0]?.queuedJobs).toBe(1);
    // Switched on again, at the same address.
    printer = await startFakePrinter({ port: Number(new URL(uri).port) });
    const [printed] = await printer.waitForTickets(1);
    expect(printed && readQr(printed.png)).toBe(`${hub.url}/t/${ticket.code}`);
    await expect.poll(() => hub?.hub.printing.views.all()[0]?.status).toBe('ok');
  });
});

describe('print agent connections', () => {
  /** A print agent's connection; resolves once connected, rejects with the hub's refusal. */
  function agentSocket(t: TestHub, auth: { token?: string; role?: 'kiosk' }) {
    const agent = io(t.url, {
      transports: ['websocket'],
      auth: { protocol: PROTOCOL_VERSION, printAgent: true, ...auth },
      reconnection: false,
      forceNew: true,
    });
    t.clients.push(agent);
    return new Promise<typeof agent>((resolve, reject) => {
      agent.once('connect', () => resolve(agent));
      agent.once('connect_error', reject);
    });
  }

  it('needs a paired kiosk token, and gets no snapshot or events', async () => {
    const t = await startHub();
    hub = t;
    const display = addDevice(t.db, systemClock, 'display', 'Hall');
    for (const auth of [{ role: 'kiosk' as const }, { token: display.token }]) {
      await expect(agentSocket(t, auth)).rejects.toThrow(
        /a print agent needs a paired kiosk token/,
      );
    }
    const kioskDevice = addDevice(t.db, systemClock, 'kiosk', 'Kiosk 1');
    const agent = await agentSocket(t, { token: kioskDevice.token });
    const heard: string[] = [];
    agent.onAny((event: string) => heard.push(event));
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    await issue(kiosk, 'family-book-entry');
    await new Promise((r) => setTimeout(r, 200));
    expect(heard).toEqual([]);
    // An agent may send nothing: no answer comes.
    const answer = await agent
      .timeout(1000)
      .emitWithAck('queue:snapshot', {})
      .catch((e: Error) => e);
    expect(answer).toBeInstanceOf(Error);
  });
});
