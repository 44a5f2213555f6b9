/**
 * One ticket, the same bytes on every way to a printer: TCP 9100, serial
 * through serialport's mock binding, serial over a real pty pair made by
 * socat, and a kiosk station's print agent writing to its own printer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { SerialPort } from 'serialport';
import { connect, issue, startHub, type TestHub } from '../harness.js';
import { startFakePrinter, type FakePrinter } from '../fake-printer/fake-printer.js';
import { addPrinter, FAST_SPOOL, readQr } from '../fake-printer/hub-printers.js';
import { addDevice } from '../../hub/src/devices/devices.js';
import { systemClock } from '../../hub/src/clock.js';
import { startPrintAgent } from '../../station/print-agent.js';
import type { SerialPortFactory } from '../../shared/printer/transports.js';

const MOCK_PREFIX = '/dev/khiu-mock-';
const SOCAT_START_MS = 5_000;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function printer(): Promise<FakePrinter> {
  const p = await startFakePrinter();
  cleanups.push(() => p.close());
  return p;
}

/** A pty pair joined by socat: what one end gets, the other sends. */
function ptyPair(): Promise<[string, string]> {
  const child: ChildProcess = spawn('socat', ['-d', '-d', 'pty,raw,echo=0', 'pty,raw,echo=0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  cleanups.push(() => void child.kill('SIGTERM'));
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`socat gave no ptys: ${stderr}`)),
      SOCAT_START_MS,
    );
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const paths = [...stderr.matchAll(/PTY is (\/dev\/pts\/\d+)/g)].map((m) => m[1] ?? '');
      if (paths.length === 2 && /starting data transfer loop/.test(stderr)) {
        clearTimeout(timer);
        resolve([paths[0] ?? '', paths[1] ?? '']);
      }
    });
    child.once('error', reject);
  });
}

const socatMissing = spawnSync('socat', ['-V']).error !== undefined;

describe('the same ticket over every transport', () => {
  it('arrives byte for byte the same over TCP, serial (mock and pty) and the station agent', async () => {
    // .ci/run installs socat; without it (a developer's machine) the pty leg cannot run.
    if (socatMissing)
      throw new Error('socat is not installed: apt-get install socat (.ci/run does)');
    const [tcpPrinter, mockPrinter, ptyPrinter, stationPrinter] = [
      await printer(),
      await printer(),
      await printer(),
      await printer(),
    ];
    const mockPort = mockPrinter.mockSerialPort();
    const serialPort: SerialPortFactory = (o) =>
      o.path.startsWith(MOCK_PREFIX) ? mockPort(o) : new SerialPort(o);
    const t: TestHub = await startHub({ printing: { timing: FAST_SPOOL, serialPort } });
    cleanups.push(() => t.close());
    const [printerEnd, hubEnd] = await ptyPair();
    await ptyPrinter.attachSerial(printerEnd, 115_200);

    // Each extra printer belongs to a kiosk of its own, so the demo kiosk's ticket goes to TCP.
    const device = (name: string) => addDevice(t.db, systemClock, 'kiosk', name);
    const kioskA = device('Kiosk A');
    const kioskB = device('Kiosk B');
    const kioskC = device('Kiosk C');
    const tcpId = addPrinter(t.hub, { uri: tcpPrinter.tcpUri });
    const ids = [
      addPrinter(t.hub, { uri: `serial:${MOCK_PREFIX}0?baud=115200`, kioskDeviceId: kioskA.id }),
      addPrinter(t.hub, { uri: `serial:${hubEnd}?baud=115200`, kioskDeviceId: kioskB.id }),
      addPrinter(t.hub, { uri: 'station', kioskDeviceId: kioskC.id }),
    ];
    const agent = startPrintAgent({
      hubUrl: t.url,
      token: kioskC.token,
      printer: stationPrinter.tcpUri,
      log: { info: () => {}, warn: () => {} },
    });
    cleanups.push(() => agent.stop());

    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const ticket = await issue(kiosk, 'national-id-card', { lang: 'lo' });
    const [viaTcp] = await tcpPrinter.waitForTickets(1);
    // Printed (confirmed, a moment after the cut), so no longer pending.
    await expect.poll(() => t.hub.printing.printStore.nextJob(tcpId)).toBeUndefined();
    const first = t.db
      .prepare<
        [],
        { people_ahead: number | null; estimated_wait_ms: number | null; created_at: number }
      >('SELECT people_ahead, estimated_wait_ms, created_at FROM print_jobs')
      .get();
    // The same job, spooled to the three other printers.
    for (const id of ids) {
      t.hub.printing.printStore.insertJob(
        id,
        ticket.id,
        first?.created_at ?? 0,
        first?.people_ahead ?? null,
        first?.estimated_wait_ms ?? null,
      );
      t.hub.printing.spooler.kick(id);
    }
    const [viaMock] = await mockPrinter.waitForTickets(1);
    const [viaPty] = await ptyPrinter.waitForTickets(1, 10_000);
    const [viaStation] = await stationPrinter.waitForTickets(1, 10_000);

    expect(viaTcp?.bytes.length).toBeGreaterThan(1000);
    expect(viaMock?.bytes.equals(viaTcp?.bytes ?? Buffer.alloc(0))).toBe(true);
    expect(viaPty?.bytes.equals(viaTcp?.bytes ?? Buffer.alloc(0))).toBe(true);
    expect(viaStation?.bytes.equals(viaTcp?.bytes ?? Buffer.alloc(0))).toBe(true);
    expect(readQr(viaPty?.png ?? Buffer.alloc(0))).toBe(`${t.url}/t/${ticket.code}`);
    // The station answers once its printer has the job and has told its status.
    await expect
      .poll(() => t.db.prepare('SELECT state FROM print_jobs').all(), { timeout: 5_000 })
      .toEqual(Array(4).fill({ state: 'printed' }));
  }, 30_000);
});
