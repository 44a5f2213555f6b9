/**
 * Central's command line: the only module that reads flags and the
 * environment.
 *
 *   npm run central                          embedded PostgreSQL in ./data/central, demo centres
 *   DATABASE_URL=postgres://… npm run central -- --no-demo
 *   npm run central -- staff add --username U --name N     (password from CENTRAL_PASSWORD)
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import pino from 'pino';
import { startEmbeddedPostgres } from './db/embedded.js';
import { createPool } from './db/pool.js';
import { migrate } from './db/migrate.js';
import { createCentral } from './server.js';
import { RECORD_KINDS } from './record-figures.js';
import { seedDemo } from './demo-seed.js';
import { todayAt } from './days.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '8480' },
    'data-dir': { type: 'string', default: './data/central' },
    'no-demo': { type: 'boolean', default: false },
    username: { type: 'string' },
    name: { type: 'string' },
  },
});

function fail(message: string): never {
  process.stderr.write(`khiu central: ${message}\n`);
  process.exit(1);
}

const log = pino(process.stdout.isTTY ? { transport: { target: 'pino-pretty' } } : {});
const embedded = process.env.DATABASE_URL
  ? null
  : await startEmbeddedPostgres({ dataDir: resolve(values['data-dir']) });
const pool = createPool(process.env.DATABASE_URL ?? embedded?.url ?? '', 10, (err) =>
  log.warn({ err }, 'a database connection dropped'),
);
const stopAll = async () => {
  await pool.end();
  await embedded?.stop();
};
const migrated = await migrate(pool);
const central = createCentral({ pool, kinds: RECORD_KINDS, log });

if (positionals[0] === 'staff' && positionals[1] === 'add') {
  const password = process.env.CENTRAL_PASSWORD ?? '';
  if (!values.username || !values.name) fail('staff add needs --username and --name');
  try {
    await central.staff.add(values.username, values.name, password);
  } catch (err) {
    await stopAll();
    fail(`${(err as Error).message} (give it in CENTRAL_PASSWORD)`);
  }
  process.stdout.write(`Staff member ${values.username} can log in.\n`);
  await stopAll();
} else {
  if (!values['no-demo']) {
    await seedDemo(central, todayAt(Date.now()));
    await central.staff.add('moha', 'MOHA demo', 'demo-password');
  }
  const url = await central.listen(Number(values.port), values.host);
  process.stdout.write(
    `Khiu central listening on ${url}  (schema ${migrated.to})\n` +
      (embedded
        ? `  data     ${resolve(values['data-dir'])} (embedded PostgreSQL on port ${embedded.port})\n`
        : '') +
      (values['no-demo'] ? '' : '  log in   moha / demo-password (demo only)\n'),
  );
  const stop = () =>
    void central
      .close()
      .then(stopAll)
      .then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
