/**
 * Central's HTTP server (plain node:http, behind the ministry's TLS
 * terminator): the hubs' API under /api/v1 (enrol, push records, pull the fee
 * table; a centre's token in `Authorization: Bearer`), and the ministry's
 * pages (a staff session in an HttpOnly cookie).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import pino from 'pino';
import type { Pool } from './db/pool.js';
import { createCentres, type Centres } from './centres.js';
import { CentralError } from './central-error.js';
import { createFees, type Fees } from './fees.js';
import { bearer, readJson, sendError, sendJson } from './http-io.js';
import { createNational } from './national.js';
import { createRecords, type RecordKind, type Records } from './records.js';
import { createStaff } from './staff.js';
import { createPageRoutes } from './page-routes.js';
import { SCHEMA_VERSION } from './db/migrate.js';

export interface CentralOptions {
  pool: Pool;
  kinds: readonly RecordKind[];
  now?: () => number;
  log?: Logger;
  /** Wrong enrolment codes per address per minute (a code is about 40 bits; guessing must be slow). */
  enrolTriesPerMinute?: number;
}

/** Wrong enrolment codes per address per minute: past the limit, the address waits. */
function throttle(perMinute: number, now: () => number) {
  const failures = new Map<string, number[]>();
  const recent = (key: string) => (failures.get(key) ?? []).filter((at) => at > now() - 60_000);
  return {
    check(key: string) {
      if (recent(key).length >= perMinute)
        throw new CentralError('rate-limited', 'Too many wrong enrolment codes: wait a minute');
    },
    failed(key: string) {
      failures.set(key, [...recent(key), now()]);
    },
  };
}

interface ApiDeps {
  pool: Pool;
  centres: Centres;
  fees: Fees;
  records: Records;
  log: Logger;
  enrolThrottle: ReturnType<typeof throttle>;
}

/** The hubs' side: enrol, push records, pull the fee table. */
function createApi({ pool, centres, fees, records, log, enrolThrottle }: ApiDeps) {
  async function centreOf(req: IncomingMessage) {
    const token = bearer(req);
    const centre = token ? await centres.byToken(token) : null;
    if (!centre)
      throw new CentralError('unauthorized', 'Unknown centre token: enrol this hub again');
    return centre;
  }

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === '/api/v1/health') {
      await pool.query('SELECT 1');
      sendJson(res, 200, { ok: true, schemaVersion: SCHEMA_VERSION });
    } else if (method === 'POST' && path === '/api/v1/enrol') {
      const from = req.socket.remoteAddress ?? '';
      enrolThrottle.check(from);
      const body = (await readJson(req)) as { code?: unknown };
      if (typeof body.code !== 'string')
        throw new CentralError('invalid-request', 'Send { "code": "XXXX-XXXX" }');
      const { token, centre } = await centres.enrol(body.code).catch((err: unknown) => {
        enrolThrottle.failed(from);
        throw err;
      });
      log.info({ centre: centre.code }, 'centre enrolled');
      sendJson(res, 200, {
        token,
        centre: {
          code: centre.code,
          nameLo: centre.nameLo,
          nameEn: centre.nameEn,
          province: centre.province,
        },
      });
    } else if (method === 'POST' && path === '/api/v1/records') {
      const centre = await centreOf(req);
      const results = await records.ingest(centre, await readJson(req));
      const refused = results.filter((r) => r.status === 'refused');
      if (refused.length > 0) log.warn({ centre: centre.code, refused }, 'records refused');
      sendJson(res, 200, { results });
    } else if (method === 'GET' && path === '/api/v1/fees') {
      await centreOf(req);
      sendJson(res, 200, await fees.table());
    } else return false;
    return true;
  }

  return api;
}

export function createCentral(opts: CentralOptions) {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? pino({ level: 'silent' });
  const { pool } = opts;
  const centres = createCentres(pool, now);
  const fees = createFees(pool);
  const records = createRecords(pool, opts.kinds, now);
  const national = createNational(pool);
  const staff = createStaff(pool, now);
  const enrolThrottle = throttle(opts.enrolTriesPerMinute ?? 10, now);
  const pages = createPageRoutes({ centres, fees, national, staff, now });

  const api = createApi({ pool, centres, fees, records, log, enrolThrottle });

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://central');
    const handle = url.pathname.startsWith('/api/')
      ? api(req, res, url.pathname)
      : pages.handle(req, res, url);
    handle
      .then((handled) => {
        if (handled) return;
        sendJson(res, 404, { error: { code: 'not-found', message: 'No such page' } });
      })
      .catch((err: unknown) => {
        if (res.headersSent) return void res.end();
        if (err instanceof CentralError) return sendError(res, err);
        log.error({ err, url: req.url }, 'request failed');
        sendJson(res, 500, { error: { code: 'internal', message: 'Central could not do that' } });
      });
  });

  return {
    server,
    centres,
    fees,
    staff,
    records,
    national,
    async listen(port: number, host: string): Promise<string> {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const a = server.address() as AddressInfo;
      return `http://${a.address.includes(':') ? `[${a.address}]` : a.address}:${a.port}`;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type Central = ReturnType<typeof createCentral>;
