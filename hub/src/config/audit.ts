/**
 * The configuration's audit trail (`config_audit`): who changed what, when,
 * from what to what. Every console edit writes one row inside its own
 * transaction, and a stale edit is refused with the name of whoever made the
 * change it missed. PINs and their hashes never reach a row.
 */
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import { HubError } from '../hub-error.js';
import type { AuditEntry } from '../../../shared/protocol.js';

export type AuditAction = AuditEntry['action'];

export interface AuditRecord {
  staffId: number | null;
  entity: string;
  entityId: string;
  action: AuditAction;
  before: unknown;
  after: unknown;
}

export interface Audit {
  /** Writes one row; call inside the edit's transaction. */
  record(entry: AuditRecord): void;
  /**
   * Refuses an edit made on `given` when the row is at `current` (`conflict` +
   * `stale-version`, with who made the last change and when).
   */
  checkVersion(entity: string, entityId: string, current: number, given: number): void;
  list(filter: {
    entity?: string | undefined;
    entityId?: string | undefined;
    limit?: number | undefined;
  }): AuditEntry[];
}

interface AuditRow {
  id: number;
  at: number;
  staff_name: string | null;
  entity: string;
  entity_id: string;
  action: AuditAction;
  before: string | null;
  after: string | null;
}

const SELECT = `SELECT a.id, a.at, s.name AS staff_name, a.entity, a.entity_id, a.action,
  a.before, a.after FROM config_audit a LEFT JOIN staff s ON s.id = a.staff_id`;

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

export function createAudit(db: Db, clock: Clock): Audit {
  const insert = db.prepare<
    [number, number | null, string, string, string, string | null, string | null]
  >(
    `INSERT INTO config_audit (at, staff_id, entity, entity_id, action, before, after)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const last = db.prepare<[string, string], AuditRow>(
    `${SELECT} WHERE a.entity = ? AND a.entity_id = ? ORDER BY a.id DESC LIMIT 1`,
  );
  const list = db.prepare<[{ entity: string | null; id: string | null; limit: number }], AuditRow>(
    `${SELECT} WHERE (@entity IS NULL OR a.entity = @entity) AND (@id IS NULL OR a.entity_id = @id)
     ORDER BY a.id DESC LIMIT @limit`,
  );
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

  return {
    record(e) {
      insert.run(
        clock.now(),
        e.staffId,
        e.entity,
        e.entityId,
        e.action,
        json(e.before),
        json(e.after),
      );
    },
    checkVersion(entity, entityId, current, given) {
      if (current === given) return;
      const row = last.get(entity, entityId);
      throw new HubError(
        'conflict',
        `Someone changed this ${entity} since you opened it: look at it again`,
        'stale-version',
        { params: { by: row?.staff_name ?? '', at: row?.at ?? 0 } },
      );
    },
    list({ entity, entityId, limit }) {
      return list
        .all({ entity: entity ?? null, id: entityId ?? null, limit: limit ?? 100 })
        .map((r) => ({
          id: r.id,
          at: r.at,
          staffName: r.staff_name,
          entity: r.entity,
          entityId: r.entity_id,
          action: r.action,
          before: parse(r.before),
          after: parse(r.after),
        }));
    },
  };
}
