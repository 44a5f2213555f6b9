/**
 * `npm run seed:history -- --days 300 --per-day 2000 --data-dir ./data`:
 * fills a data directory with months of history (hub/src/demo/history.ts)
 * for trying the reports or measuring them. A new directory gets the demo
 * centre first; one with tickets already is refused, so real history is
 * never mixed with made-up history.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../hub/src/db/open.js';
import { DEMO_CENTRE } from '../hub/src/demo/centre-data.js';
import { seedHistory } from '../hub/src/demo/history.js';
import { hasCentre, seedCentre } from '../hub/src/demo/seed.js';
import { serviceDay } from '../shared/domain/numbering.js';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '300' },
    'per-day': { type: 'string', default: '2000' },
    'data-dir': { type: 'string', default: './data' },
    'last-day': { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});

const dataDir = resolve(values['data-dir']);
mkdirSync(dataDir, { recursive: true });
const file = join(dataDir, 'khiu.sqlite');
const db = openDatabase(file);
if (!hasCentre(db)) seedCentre(db, DEMO_CENTRE, { sampleFees: true });
if ((db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n > 0) {
  console.error(`${file} has tickets already: seed history into a new data directory`);
  process.exit(1);
}
const yesterday = serviceDay(Date.now() - 86_400_000, DEMO_CENTRE.timeZone);
const started = performance.now();
const days = seedHistory(db, {
  days: Number(values.days),
  perDay: Number(values['per-day']),
  lastDay: values['last-day'] ?? yesterday,
  seed: Number(values.seed),
});
db.pragma('wal_checkpoint(TRUNCATE)');
db.close();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const mb = (statSync(file).size / 1e6).toFixed(1);
console.log(
  `${days.length} days (${days[0]} to ${days.at(-1)}) in ${seconds} s: ${file}, ${mb} MB`,
);
