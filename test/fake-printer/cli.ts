/**
 * `npm run fake-printer`: the tests' fake thermal printer, run by hand, so
 * printing can be tried without a printer or any code. It listens like a
 * network printer on 127.0.0.1, answers the hub's status questions, and
 * writes each ticket it cuts as a PNG, printing the file's path.
 *
 *   npm run fake-printer -- [--port 9100] [--paper-mm 80|58] [--out DIR]
 *   npm start -- --printer tcp://127.0.0.1:9100      (in another terminal)
 *
 * While it runs, type `paper`, `cover` or `offline` and Enter to turn that
 * fault on or off (the kiosk then says the printer needs attention, and the
 * waiting tickets print once it is off again); `status` shows the faults.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { PAPER_WIDTHS } from '../../hub/src/print/ticket-layout.js';
import type { PrinterFlags } from '../../shared/printer/status.js';
import type { DecodedTicket } from './escpos-decoder.js';
import { startFakePrinter } from './fake-printer.js';

const FAULTS = { paper: 'paperOut', cover: 'coverOpen', offline: 'offline' } as const;

function fail(message: string): never {
  process.stderr.write(`fake-printer: ${message}\n`);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9100' },
    'paper-mm': { type: 'string', default: '80' },
    out: { type: 'string', default: join('test-results', 'fake-printer') },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be 0–65535`);
const paperMm = values['paper-mm'];
if (paperMm !== '80' && paperMm !== '58') fail(`--paper-mm must be 80 or 58, not ${paperMm}`);
const out = resolve(values.out);
mkdirSync(out, { recursive: true });

let count = 0;
const save = (ticket: DecodedTicket) => {
  count += 1;
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const file = join(out, `ticket-${String(count).padStart(3, '0')}-${stamp}.png`);
  writeFileSync(file, ticket.png);
  const qr = ticket.items.find((i) => i.kind === 'qr');
  process.stdout.write(`ticket ${count}: ${file}${qr ? `  (QR: ${qr.data})` : ''}\n`);
};

const printer = await startFakePrinter({ port, paperDots: PAPER_WIDTHS[paperMm], onTicket: save });
process.stdout.write(
  `Fake ${paperMm} mm printer listening at ${printer.tcpUri}\n` +
    `Start the demo with it:  npm start -- --printer ${printer.tcpUri}\n` +
    `Tickets are saved in ${out}\n` +
    'Type paper, cover or offline (Enter) to turn that fault on or off; status; Ctrl+C stops.\n',
);

const faultsOf = (flags: PrinterFlags) =>
  Object.entries(FAULTS)
    .filter(([, flag]) => flags[flag])
    .map(([word]) => word);

createInterface({ input: process.stdin }).on('line', (line) => {
  const word = line.trim().toLowerCase();
  if (word === 'status' || word === '') {
    const faults = faultsOf(printer.flags);
    process.stdout.write(faults.length ? `faults: ${faults.join(', ')}\n` : 'ready\n');
    return;
  }
  const flag = FAULTS[word as keyof typeof FAULTS] as keyof PrinterFlags | undefined;
  if (!flag) {
    process.stdout.write('type paper, cover, offline or status\n');
    return;
  }
  printer.setFlags({ [flag]: !printer.flags[flag] });
  process.stdout.write(`${word}: ${printer.flags[flag] ? 'fault on' : 'fault off'}\n`);
});

const stop = () => void printer.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
