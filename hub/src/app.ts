/**
 * The composition root: `createHub` wires the database, the queue, the
 * socket and REST servers and the schedules from the dependencies it is
 * given. Only main.ts reads flags and the environment.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { networkInterfaces } from 'node:os';
import pino, { type Logger } from 'pino';
import type { Db } from './db/open.js';
import { SCHEMA_VERSION } from './db/migrate.js';
import { systemClock, type Clock } from './clock.js';
import { createStore } from './queue/store.js';
import { loadConfig } from './queue/config.js';
import { createQueueService } from './queue/queue-service.js';
import { createViews } from './queue/views.js';
import { createStaffAuth } from './auth/staff-login.js';
import { createStaffSessions } from './auth/staff-sessions.js';
import { createCounterStats } from './queue/counter-stats.js';
import { createDeviceAuth } from './auth/devices.js';
import { attachSocketServer } from './net/socket-server.js';
import { createRestHandler } from './net/rest.js';
import { createWebAppHandler } from './net/web-apps.js';
import { scheduleBackups } from './backup.js';
import { msUntilNextServiceDay } from '../../shared/domain/numbering.js';
import { createPrinting } from './print/printing.js';
import { STATION_ACK_TIMEOUT_MS } from './print/printer-connection.js';
import type { SpoolTiming } from './print/spooler.js';
import type { SerialPortFactory } from '../../shared/printer/transports.js';

export interface HubOptions {
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
  /** Spool timing and, for tests, how serial ports are made. */
  printing?: { timing?: Partial<SpoolTiming>; serialPort?: SerialPortFactory };
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

/** Rollover re-checks at least this often, in case the machine slept through midnight. */
const ROLLOVER_CHECK_MAX_MS = 60 * 60_000;

export function createHub(opts: HubOptions) {
  const { db } = opts;
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? pino({ level: 'silent' });
  const startedAt = clock.now();
  let publicUrl = opts.publicUrl ?? '';

  let config = loadConfig(db);
  const store = createStore(db);
  const queue = createQueueService({
    db,
    clock,
    store,
    config: () => config,
    onIssued: (ticket, actor) => printing.onIssued(ticket, actor.deviceId),
  });
  const views = createViews({
    clock,
    store,
    config: () => config,
    get publicUrl() {
      return publicUrl;
    },
    currentDay: () => queue.currentDay(),
    sinceLastPriority: (serviceId) => queue.sinceLastPriority(serviceId),
  });

  const printing = createPrinting({
    db,
    clock,
    log,
    store,
    views: () => views,
    config: () => config,
    publicUrl: () => publicUrl,
    publish: (printerIds) =>
      sockets.broadcaster.publish([
        {
          type: 'printer-updated',
          ticketIds: [],
          serviceIds: [],
          counterIds: [],
          call: null,
          printerIds,
        },
      ]),
    sendToAgent: (deviceId, job) => sockets.sendToAgent(deviceId, job, STATION_ACK_TIMEOUT_MS),
    ...(opts.printing?.timing ? { timing: opts.printing.timing } : {}),
    ...(opts.printing?.serialPort ? { serialPort: opts.printing.serialPort } : {}),
  });

  const rest = createRestHandler({
    views,
    broadcaster: () => sockets.broadcaster,
    health: () => ({
      ok: true,
      day: queue.currentDay(),
      schemaVersion: SCHEMA_VERSION,
      uptimeMs: clock.now() - startedAt,
      connections: sockets.io.engine.clientsCount,
      memory: process.memoryUsage(),
    }),
  });
  const webApps = createWebAppHandler(opts.webRoot ?? join(process.cwd(), 'dist', 'web'));

  const httpServer: HttpServer = createServer((req, res) => {
    try {
      if (rest(req, res) || webApps(req, res)) return;
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

  function rolloverIfDue() {
    const change = queue.rollover();
    if (change) {
      log.info({ day: queue.currentDay(), expired: change.ticketIds.length }, 'service day rolled');
      sockets.broadcaster.publish([change]);
    }
  }

  const sockets = attachSocketServer(httpServer, {
    queue,
    views,
    store,
    staffAuth: createStaffAuth(db, clock),
    staffSessions: createStaffSessions(db, clock),
    counterStats: createCounterStats(db),
    deviceAuth: createDeviceAuth(db, clock),
    log,
    demo: opts.demo ?? false,
    now: () => clock.now(),
    rolloverIfDue,
    printers: printing.views,
  });

  // A hub that was off overnight catches up before it serves anyone.
  rolloverIfDue();

  let rolloverTimer: NodeJS.Timeout | undefined;
  function scheduleRollover() {
    const delay = Math.min(
      msUntilNextServiceDay(clock.now(), config.timeZone),
      ROLLOVER_CHECK_MAX_MS,
    );
    rolloverTimer = setTimeout(() => {
      try {
        rolloverIfDue();
      } catch (err) {
        log.error({ err }, 'rollover failed; trying again');
      } finally {
        scheduleRollover();
      }
    }, delay + 50);
    rolloverTimer.unref();
  }
  let stopBackups: (() => void) | undefined;

  return {
    db,
    io: sockets.io,
    httpServer,
    queue,
    rolloverIfDue,
    printing,

    /** Re-reads services and counters after the console changed them, and tells every client. */
    reloadConfig() {
      config = loadConfig(db);
      sockets.broadcaster.publish([
        {
          type: 'config-changed',
          ticketIds: [],
          serviceIds: [...config.services.keys()],
          counterIds: [...config.counters.keys()],
          call: null,
        },
      ]);
    },

    async listen(port: number, host: string): Promise<string> {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve();
        });
      });
      const url = listeningUrl(httpServer.address() as AddressInfo);
      if (!publicUrl) publicUrl = url;
      scheduleRollover();
      printing.spooler.start(); // QR codes need the public address, known from here on
      if (opts.backupDir) {
        stopBackups = scheduleBackups({ db, dir: opts.backupDir, clock, log });
      }
      return url;
    },

    async close(): Promise<void> {
      clearTimeout(rolloverTimer);
      stopBackups?.();
      await printing.spooler.stop();
      sockets.broadcaster.stop(); // nothing queued may touch the database after it closes
      await sockets.io.close(); // also closes the HTTP server
      db.close();
    },
  };
}

export type Hub = ReturnType<typeof createHub>;
