/**
 * The composition root: `createHub` builds the features (features.ts), puts
 * the transport in front of them (net/), and joins the one way out of a
 * commit to the broadcaster. Only main.ts reads flags and the environment.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { networkInterfaces } from 'node:os';
import pino, { type Logger } from 'pino';
import type { Db } from './db/open.js';
import { SCHEMA_VERSION } from './db/migrate.js';
import { systemClock, type Clock } from './clock.js';
import { scheduleBackups } from './backup/backup.js';
import { createFeatures, type FeatureOptions, type Features } from './features.js';
import type { Io } from './net/io.js';
import { createHealthProbe } from './db/health-probe.js';
import { createHostGuard } from './net/host-guard.js';
import { attachSocketServer } from './net/socket-server.js';
import type { Printing } from './print/printing.js';
import type { TicketService } from './tickets/ticket-service.js';
import { createLogoRoute } from './net/logo-route.js';
import { createPairRoute } from './net/pair-route.js';
import { createReportsRoute } from './net/reports-route.js';
import { createRestHandler } from './net/rest.js';
import { createVoiceRoute } from './net/voice-route.js';
import { createWebAppHandler } from './net/web-apps.js';
import { appointmentOperations } from './api/appointment-operations.js';
import { coreOperations } from './api/core-operations.js';
import { apiDocsPage } from './api/docs-page.js';
import { openApiDocument } from './api/openapi.js';
import { API_VERSION } from './api/paths.js';
import { createSetupRoute, type SetupRouteOptions } from './net/setup-route.js';
import { createSetup } from './setup/setup.js';

export interface HubOptions extends Partial<Omit<FeatureOptions, 'db'>> {
  db: Db;
  clock?: Clock;
  log?: Logger;
  /** Lets loopback clients claim any role without a token (DESIGN.md "Protocol"). */
  demo?: boolean;
  /** The address phones reach the hub by; filled in from the listening address if absent. */
  publicUrl?: string;
  /** Folder with one built web app per sub-folder. */
  webRoot?: string;
  /** Where scheduled backups go; none are taken when absent. */
  backupDir?: string;
}

/**
 * The address to show and to put in QR codes. A hub listening on every
 * interface (0.0.0.0) is reached by its LAN address, not by 0.0.0.0.
 */
export function listeningUrl(address: AddressInfo): string {
  let host = address.address;
  if (host === '0.0.0.0' || host === '::') {
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((i) => i?.family === 'IPv4' && !i.internal);
    host = lan?.address ?? '127.0.0.1';
  }
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

type Route = (req: IncomingMessage, res: ServerResponse) => boolean;

const MISDIRECTED = JSON.stringify({
  error: { code: 'forbidden', message: 'This hub is not reached by that name' },
});

function httpServerFor(
  routes: Route[],
  guard: { allows(req: IncomingMessage): boolean },
  log: Logger,
) {
  return createServer((req, res) => {
    // The routes read the target as a path on this hub; one that is not (`//`, `//host/x`,
    // `*`) would parse as another host or not at all, so it is the client's mistake, not ours.
    const target = req.url ?? '/';
    if (!/^\/(?!\/)/.test(target) || !URL.canParse(target, 'http://hub')) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'invalid-request', message: 'Bad request path' } }));
      return;
    }
    try {
      if (!guard.allows(req)) {
        // DNS rebinding: a page from another name must not read the hub's answers.
        res.writeHead(421, { 'content-type': 'application/json' });
        res.end(MISDIRECTED);
        return;
      }
      if (routes.some((route) => route(req, res))) return;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found. Apps: /kiosk /counter /display /console; API: /api/v1/health\n');
    } catch (err) {
      // One bad request must never take the centre's hub down.
      log.error({ err, url: req.url }, 'HTTP request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ error: { code: 'internal', message: 'The hub could not do that' } }),
      );
    }
  });
}

/** /api/v1: the operations, and the document and page built from them. */
function restRoute(
  f: Features,
  sockets: ReturnType<typeof attachSocketServer>,
  {
    clock,
    log,
    startedAt,
    probeStorage,
  }: { clock: Clock; log: Logger; startedAt: number; probeStorage: () => { ok: boolean } },
) {
  const operations = [
    ...coreOperations({
      views: f.views,
      tickets: f.ticketService,
      snapshot: () => sockets.broadcaster.snapshot(false),
      health: () => ({
        ...probeStorage(),
        disk: f.disk.current(),
        schemaVersion: SCHEMA_VERSION,
        uptimeMs: clock.now() - startedAt,
        connections: sockets.io.engine.clientsCount,
        memory: process.memoryUsage(),
      }),
    }),
    ...appointmentOperations(f.appointments),
  ];
  let document: ReturnType<typeof openApiDocument> | undefined;
  const apiDocument = () => (document ??= openApiDocument(operations, API_VERSION));
  return createRestHandler({
    operations,
    tokens: f.apiTokens,
    rate: f.apiRate,
    now: () => clock.now(),
    log,
    document: apiDocument,
    docsPage: (lang) => apiDocsPage(apiDocument(), lang),
  });
}

/** The transport in front of the features: one HTTP server for Socket.IO, REST and the apps. */
function transport(f: Features, opts: HubOptions, clock: Clock, log: Logger) {
  const routes: Route[] = [];
  let address: () => AddressInfo | string | null = () => null;
  const hostGuard = createHostGuard({
    address: () => address(),
    publicUrl: () => f.config.publicUrl(),
    demo: opts.demo ?? false,
    now: () => clock.now(),
  });
  const httpServer = httpServerFor(routes, hostGuard, log);
  address = () => httpServer.address();
  const sockets = attachSocketServer(httpServer, {
    hostGuard,
    ...f,
    features: f.handlers,
    printers: f.printing.views,
    catchUpDay: f.rollover.catchUp,
    log,
    demo: opts.demo ?? false,
    now: () => clock.now(),
  });
  const startedAt = clock.now();
  const probeStorage = createHealthProbe(opts.db, () => f.day.current());
  const rest = restRoute(f, sockets, { clock, log, startedAt, probeStorage });
  // Set up already: the wizard's route stays, to say so (GET needed: false, POST 409).
  const setup = createSetupRoute(createSetup({ db: opts.db, clock }), { now: clock.now, log });
  const pair = createPairRoute(f.deviceService, { now: () => clock.now(), log });
  const webApps = createWebAppHandler(opts.webRoot ?? join(process.cwd(), 'dist', 'web'));
  const logo = createLogoRoute({ ...f, editor: f.configEditor, demo: opts.demo ?? false, log });
  const voice = createVoiceRoute({
    clips: f.voiceClips,
    sessions: f.sessions,
    staff: f.staff,
    inForce: f.inForce,
    log,
  });
  const reports = createReportsRoute({ ...f, db: opts.db, demo: opts.demo ?? false, log });
  routes.push(setup, pair, logo, voice, reports, rest, webApps);
  return { httpServer, ...sockets };
}

export interface Hub {
  db: Db;
  io: Io;
  httpServer: Server;
  tickets: TicketService;
  printing: Printing;
  /** The link to the national service: its outbox, the fee table it pulls. */
  central: Features['central'];
  /** Starts a new service day now if midnight has passed (the job also does, on its own). */
  rolloverIfDue(): void;
  /** Re-reads services and counters after the console changed them, and tells every client. */
  reloadConfig(): void;
  /** Listens, then starts the jobs (rollover, spooler, backups); resolves with the address. */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

export function createHub(opts: HubOptions): Hub {
  const { db } = opts;
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? pino({ level: 'silent' });
  const f = createFeatures({ ...opts, clock, log });
  const { httpServer, io, broadcaster } = transport(f, opts, clock, log);
  f.commits.listen({ committed: (changes) => broadcaster.publish(changes) });
  // A hub that was off overnight catches up before it serves anyone.
  f.rollover.run();
  let stopBackups: (() => void) | undefined;

  return {
    db,
    io,
    httpServer,
    tickets: f.ticketService,
    printing: f.printing,
    central: f.central,
    rolloverIfDue: () => f.rollover.run(),

    reloadConfig: () => f.configEditor.reload(),

    async listen(port, host) {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve();
        });
      });
      const url = listeningUrl(httpServer.address() as AddressInfo);
      f.config.listening(url);
      f.rollover.start();
      f.printing.spooler.start(); // QR codes need the public address, known from here on
      f.disk.start();
      f.alerts.start();
      f.webhookDispatcher.start();
      f.central.start();
      if (opts.backupDir) stopBackups = scheduleBackups({ db, dir: opts.backupDir, clock, log });
      return url;
    },

    async close() {
      f.rollover.stop();
      f.disk.stop();
      f.alerts.stop();
      await f.central.stop();
      stopBackups?.();
      await f.printing.spooler.stop();
      await f.webhookDispatcher.stop(); // tries in flight end; their deliveries stay pending
      broadcaster.stop(); // nothing queued may touch the database after it closes
      // No new connection, and no new request on an old keep-alive one: a reconnecting
      // browser's next request could otherwise hold the HTTP server's close open for seconds.
      httpServer.close(() => {});
      httpServer.closeAllConnections();
      await io.close();
      db.close();
    },
  };
}

export interface SetupModeOptions extends Pick<HubOptions, 'db' | 'clock' | 'log' | 'webRoot'> {
  /** Told the setup address (with its code) each time a code is made; show it on the terminal. */
  onAddress: (url: string) => void;
  /** The address the wizard is opened at; the listening address when absent. */
  publicUrl?: string;
  triesPerMinute?: SetupRouteOptions['triesPerMinute'];
  /** Stops setup without a centre (the returned promise rejects). */
  signal?: AbortSignal;
}

/**
 * A centre without a manager is in setup: serve the apps and the wizard's route on
 * `host:port` until the first manager is created, then close. Resolves with the port
 * used (the hub goes on serving there); at once, without listening, when set up already.
 */
export async function runSetupMode(opts: SetupModeOptions, port: number, host: string) {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? pino({ level: 'silent' });
  let base = ''; // known once listening; the first code waits for it
  const announce = (code: string) => opts.onAddress(`${base}/console/setup?code=${code}`);
  const setup = createSetup({ db: opts.db, clock, onCode: (code) => base && announce(code) });
  if (!setup.needed()) return port;
  let done = () => {};
  const finished = new Promise<void>((resolve) => (done = resolve));
  opts.signal?.addEventListener('abort', () => done(), { once: true });
  const routes: Route[] = [
    // No connection outlives the setup server: the hub that follows it answers on fresh ones.
    (_req, res) => (res.setHeader('connection', 'close'), false),
    createSetupRoute(setup, { ...opts, now: clock.now, log }, () => done()),
    createWebAppHandler(opts.webRoot ?? join(process.cwd(), 'dist', 'web')),
  ];
  const guard = createHostGuard({
    address: () => server.address(),
    publicUrl: () => base,
    demo: false,
    now: () => clock.now(),
  });
  const server = httpServerFor(routes, guard, log);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  base = opts.publicUrl ?? listeningUrl(address);
  announce(setup.code() ?? '');
  await finished;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (opts.signal?.aborted) throw new Error('setup was stopped before the centre was set up');
  return address.port;
}
