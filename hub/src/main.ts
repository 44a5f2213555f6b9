/**
 * The hub's command line. The only module that reads flags and the
 * environment; everything else gets its dependencies from here.
 *
 *   npm run hub -- [--demo] [--host H] [--port P] [--data-dir D] [--tz Z] [--public-url U]
 *                  [--printer URI [--paper-mm 80|58]]
 *   npm run hub -- device add --role kiosk --name "Kiosk 1" [--data-dir D]
 *   npm run hub -- central enrol <central-url> <code> [--data-dir D]
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pino, { type Logger } from 'pino';
import { DamagedDatabaseError, openDatabase, type Db } from './db/open.js';
import { restoreAdvice } from './backup/restore-advice.js';
import { createPrintStore } from './print/print-store.js';
import { PAPER_WIDTHS } from './print/ticket-layout.js';
import { parsePrinterUri } from '../../shared/printer/printer-uri.js';
import { createHub, runSetupMode } from './app.js';
import { hasCentre, seedCentre } from './demo/seed.js';
import { DEMO_CENTRE } from './demo/centre-data.js';
import { seedDemoAppointments } from './demo/appointments.js';
import { demoStartRefusal } from './demo/guard.js';
import { addDevice, type DeviceRole } from './devices/devices.js';
import { systemClock } from './clock.js';
import { WEB_APPS } from './net/web-apps.js';
import { announceHub } from './net/announce.js';
import { lanAddress, LOOPBACK_HOSTS, startBanner } from './start-banner.js';
import { assertTimeZone } from '../../shared/domain/numbering.js';
import { ROLES } from '../../shared/protocol.js';
import { createCentralLink, dailyRecordsTable } from './central/central-link.js';

export const DEFAULT_PORT = 8470;
/** The printer --printer saves: one name, so a second start re-points it instead of adding another. */
export const CLI_PRINTER_NAME = 'Kiosk printer (--printer)';

const HELP = `Khiu hub — the queue server of a One-Door Service Centre.

Usage:
  npm run hub -- [options]                 run the hub
  npm run hub -- device add --role R --name N [--data-dir D]
                                           register a station and print its token
  npm run hub -- central enrol <url> <code> [--data-dir D]
                                           enrol this centre with the national service, with
                                           the code the ministry gave (see docs/central.md)

Options:
  --host <addr>        address to listen on (default 127.0.0.1; 0.0.0.0 for the whole LAN)
  --port <n>           port for HTTP, Socket.IO and the apps (default ${DEFAULT_PORT}; 0 picks a free one)
  --data-dir <dir>     where the SQLite database, its backups and the central link's key
                       (central-link.key, kept out of the backups) live (default ./data)
  --demo               seed the demo centre on first start and let clients on this
                       machine (loopback) claim any role without a token; never in production
  --tz <zone>          the centre's time zone, e.g. Asia/Vientiane (default: the stored one,
                       or Asia/Vientiane); the service day rolls over at its midnight
  --public-url <url>   the address phones and stations reach the hub by, used in QR codes
                       (default: the listening address)
  --printer <uri>      the ticket printer of the kiosks that have none of their own:
                       tcp://HOST:9100, serial:/dev/ttyUSB0?baud=115200 or usblp:/dev/usb/lp0
                       (saved as the printer "${CLI_PRINTER_NAME}"; see docs/hardware.md)
  --paper-mm <80|58>   with --printer: the roll width (default 80)
  --role <role>        with "device add": ${ROLES.filter((r) => r !== 'public').join(', ')}
  --name <name>        with "device add": a name staff will recognise
  -h, --help           show this help
`;

function fail(message: string): never {
  process.stderr.write(`khiu: ${message}\n`);
  process.exit(1);
}

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: String(DEFAULT_PORT) },
        'data-dir': { type: 'string', default: './data' },
        demo: { type: 'boolean', default: false },
        tz: { type: 'string' },
        'public-url': { type: 'string' },
        printer: { type: 'string' },
        'paper-mm': { type: 'string', default: '80' },
        role: { type: 'string' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    fail(`${(err as Error).message}\nRun with --help for the options.`);
  }
}

function deviceAdd(dataDir: string, role: string | undefined, name: string | undefined) {
  const roles = ROLES.filter((r): r is DeviceRole => r !== 'public');
  const deviceRole = roles.find((r) => r === role);
  if (!deviceRole) fail(`device add needs --role, one of: ${roles.join(', ')}`);
  if (!name?.trim()) fail('device add needs --name');
  const db = openDatabase(join(dataDir, 'khiu.sqlite'));
  const device = addDevice(db, systemClock, deviceRole, name.trim());
  db.close();
  process.stdout.write(
    `Added ${device.role} "${device.name}" (device ${device.id}).\n` +
      `Token (shown once; enter it in the station's setup screen):\n${device.token}\n`,
  );
}

async function centralEnrol(dataDir: string, url: string | undefined, code: string | undefined) {
  if (!url || !URL.canParse(url) || !code) fail('usage: central enrol <central-url> <code>');
  const db = openDatabase(join(dataDir, 'khiu.sqlite'));
  const log = pino({ level: 'silent' });
  const link = createCentralLink({
    db,
    clock: systemClock,
    log,
    records: dailyRecordsTable(db),
    inForce: (work) => work(), // the hub is not serving: it reads the table when it starts
  });
  try {
    const centre = await link.enrol(url, code);
    process.stdout.write(`Enrolled as ${centre.code} (${centre.nameEn}) with ${url}.\n`);
  } catch (err) {
    db.close();
    fail(`enrolment failed: ${(err as Error).message}`);
  }
  db.close();
}

/** `--printer`: the printer every kiosk without its own prints to. */
function savePrinterFlag(db: Db, uri: string, paperMm: string) {
  let parsed;
  try {
    parsed = parsePrinterUri(uri);
  } catch (err) {
    fail((err as Error).message);
  }
  if (parsed.kind === 'station')
    fail('--printer station: assign a station printer to its kiosk in the console');
  const paperDots =
    paperMm === '58' ? PAPER_WIDTHS[58] : paperMm === '80' ? PAPER_WIDTHS[80] : null;
  if (paperDots === null) fail(`--paper-mm must be 80 or 58, not ${paperMm}`);
  createPrintStore(db).savePrinter({ name: CLI_PRINTER_NAME, uri, paperDots, kioskDeviceId: null });
}

type Values = ReturnType<typeof parse>['values'];

function checkFlags(values: Values): number {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    fail(`--port must be 0–65535, not ${values.port}`);
  if (values.tz) {
    try {
      assertTimeZone(values.tz);
    } catch {
      fail(`--tz ${values.tz} is not a time zone this machine knows (try Asia/Vientiane)`);
    }
  }
  return port;
}

/**
 * Opens the centre's database; `--demo` seeds the demo centre where there was none (refused
 * over an existing file, and a demo centre refused without --demo: demo/guard.ts). Without
 * --demo an empty one is set up in the console (setupFirst).
 */
async function openCentre(values: Values, dbFile: string, log: Logger): Promise<Db> {
  const fileExisted = existsSync(dbFile);
  const db = openDatabase(dbFile);
  const refusal = await demoStartRefusal(db, { demo: values.demo, dbFile, fileExisted });
  if (refusal) {
    db.close();
    fail(refusal);
  }
  if (!hasCentre(db)) {
    if (!values.demo) return db;
    seedCentre(
      db,
      { ...DEMO_CENTRE, timeZone: values.tz ?? DEMO_CENTRE.timeZone },
      { sampleFees: true },
    );
    const booked = seedDemoAppointments(db, Date.now());
    log.info(booked, 'seeded the demo centre, with bookings for the day shown');
  } else if (values.tz) {
    db.prepare('UPDATE centre SET time_zone = ? WHERE id = 1').run(values.tz);
  }
  if (values.printer) savePrinterFlag(db, values.printer, values['paper-mm']);
  return db;
}

function printAddresses(values: Values, url: string, webRoot: string, dbFile: string) {
  const banner = startBanner({
    url,
    host: values.host,
    demo: values.demo,
    publicUrl: values['public-url'],
    lanAddress: lanAddress(),
    apps: WEB_APPS.map((name) => ({ name, built: existsSync(join(webRoot, name, 'index.html')) })),
    dbFile,
    flags: process.argv.slice(2),
  });
  process.stdout.write(banner);
}

/** Stations on the LAN find the hub by mDNS; a hub only this machine can reach has nothing to announce. */
function announce(values: Values, url: string, log: Logger): () => Promise<void> {
  if (LOOPBACK_HOSTS.includes(values.host)) return async () => {};
  return announceHub({
    name: `Khiu ${new URL(url).host}`,
    port: Number(new URL(url).port),
    publicUrl: values['public-url'] ?? url,
    log,
  });
}

/**
 * A centre without a manager is set up first, on the same port: the setup address (its
 * one-time code in it) goes to this terminal only, never to the log or the network.
 */
async function setupFirst(values: Values, db: Db, port: number, webRoot: string, log: Logger) {
  const opts = {
    db,
    log,
    webRoot,
    ...(values['public-url'] ? { publicUrl: values['public-url'].replace(/\/$/, '') } : {}),
    onAddress: (url: string) =>
      process.stdout.write(
        `Khiu hub: this centre is not set up yet. To set it up, open\n  ${url}\n` +
          'The code in this address works once; it is shown only here.\n',
      ),
  };
  return runSetupMode(opts, port, values.host).catch((err: Error) =>
    fail(`cannot listen: ${err.message}`),
  );
}

/** A damaged database is refused with what to do, not a stack trace. */
async function openOrExplain(open: () => Promise<Db>, backupDir: string): Promise<Db> {
  try {
    return await open();
  } catch (err) {
    if (err instanceof DamagedDatabaseError) fail(restoreAdvice(err, backupDir));
    throw err;
  }
}

async function serve(values: Values) {
  const port = checkFlags(values);
  const log = pino(
    process.stdout.isTTY
      ? { transport: { target: 'pino-pretty', options: { colorize: true } } }
      : {},
  );
  const dataDir = resolve(values['data-dir']);
  const dbFile = join(dataDir, 'khiu.sqlite');
  const db = await openOrExplain(() => openCentre(values, dbFile, log), join(dataDir, 'backups'));
  const webRoot = resolve('dist', 'web');
  const usedPort = await setupFirst(values, db, port, webRoot, log);
  const hub = createHub({
    db,
    log,
    demo: values.demo,
    ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
    webRoot,
    backupDir: join(dataDir, 'backups'),
  });
  const url = await hub
    .listen(usedPort, values.host)
    .catch((err: Error) => fail(`cannot listen: ${err.message}`));
  printAddresses(values, url, webRoot, dbFile);
  const unannounce = announce(values, url, log);
  stopOnSignal(log, () => unannounce().then(() => hub.close()));
}

/** How long a stop may take (open connections, a print job going out) before the hub just exits. */
const STOP_GRACE_MS = 5_000;

/**
 * SIGTERM (`systemctl stop`, `kill`, npm passing on a stop) and SIGINT (Ctrl+C) close the
 * hub and end the process; a close that hangs ends it anyway, so a hub told to stop never
 * keeps its port. A second signal while stopping changes nothing: Ctrl+C under `npm start`
 * reaches the hub twice (from the terminal, and passed on by npm).
 */
function stopOnSignal(log: Logger, close: () => Promise<void>) {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    setTimeout(() => {
      log.error({ graceMs: STOP_GRACE_MS }, 'the hub did not close in time; exiting anyway');
      process.exit(1);
    }, STOP_GRACE_MS).unref();
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'closing the hub failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const { values, positionals } = parse();
if (values.help) {
  process.stdout.write(HELP);
} else if (positionals[0] === 'device' && positionals[1] === 'add') {
  deviceAdd(resolve(values['data-dir']), values.role, values.name);
} else if (positionals[0] === 'central' && positionals[1] === 'enrol') {
  await centralEnrol(resolve(values['data-dir']), positionals[2], positionals[3]);
} else if (positionals.length > 0) {
  fail(`unknown command "${positionals.join(' ')}". Run with --help.`);
} else {
  await serve(values);
}
