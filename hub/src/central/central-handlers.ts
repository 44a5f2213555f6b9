/**
 * The console's events for the national link: supervisors and managers see
 * its state; managers enrol the hub, ask for a sync now, and map a local
 * service to a national one (one transaction with its audit row, and a
 * config-changed, since the service's fee in force changes with it).
 */
import type { Handlers } from '../handler.js';
import type { Db } from '../db/open.js';
import type { Audit } from '../config/audit.js';
import { HubError, notFound } from '../hub-error.js';
import { CentralCallError } from './central-client.js';
import type { CentralLink } from './central-link.js';

type CentralEvent = 'central:status' | 'central:enrol' | 'central:sync' | 'central:map-service';

function mappingStatements(db: Db) {
  const mapped = db.prepare<[string], { national_code: string }>(
    'SELECT national_code FROM service_national_codes WHERE service_id = ?',
  );
  const service = db.prepare<[string], { id: string; version: number }>(
    'SELECT id, version FROM services WHERE id = ?',
  );
  const bump = db.prepare<[string]>('UPDATE services SET version = version + 1 WHERE id = ?');
  const setMap = db.prepare<[string, string]>(
    `INSERT INTO service_national_codes (service_id, national_code) VALUES (?, ?)
     ON CONFLICT (service_id) DO UPDATE SET national_code = excluded.national_code`,
  );
  const unmap = db.prepare<[string]>('DELETE FROM service_national_codes WHERE service_id = ?');
  return { mapped, service, bump, setMap, unmap };
}

export function centralHandlers(deps: {
  db: Db;
  link: CentralLink;
  audit: Audit;
  inForce: <T>(work: () => T) => T;
}): Handlers<CentralEvent> {
  const { db, link, audit } = deps;
  const q = mappingStatements(db);
  return {
    'central:status': (ctx) => (ctx.staff(), link.status()),
    'central:enrol': async (ctx, { url, code }) => {
      ctx.manager();
      try {
        await link.enrol(url, code);
      } catch (err) {
        if (!(err instanceof CentralCallError)) throw err;
        throw new HubError(err.status === null ? 'closed' : 'forbidden', err.message, undefined, {
          fields:
            err.status === null
              ? [{ path: 'url', issue: 'central-unreachable' }]
              : [{ path: 'code', issue: 'central-code-refused' }],
        });
      }
      void link.sync();
      return link.status();
    },
    'central:sync': async (ctx) => {
      ctx.manager();
      await link.sync();
      return link.status();
    },
    'central:map-service': (ctx, { serviceId, nationalCode, version }) => {
      const by = ctx.manager();
      deps.inForce(() => {
        const current = q.service.get(serviceId);
        if (!current) throw notFound(`Service ${serviceId}`);
        audit.checkVersion('service', serviceId, current.version, version);
        q.bump.run(serviceId);
        const before = q.mapped.get(serviceId)?.national_code ?? null;
        if (nationalCode === null) q.unmap.run(serviceId);
        else q.setMap.run(serviceId, nationalCode);
        audit.record({
          staffId: by.id,
          entity: 'service-national-code',
          entityId: serviceId,
          action: 'update',
          before: { nationalCode: before },
          after: { nationalCode },
        });
      });
      return link.status();
    },
  };
}
