/**
 * The centre's notices for the hall displays and the kiosks, each with the
 * days it is up. Supervisors may post them as well as managers: a notice is
 * how the floor tells the room about today (a closed service, a slow
 * system), and the supervisor is the one on the floor. Each change is an
 * audited edit of the configuration in force, on the version it was made on.
 */
import type { Db } from '../db/open.js';
import type { Handlers } from '../handler.js';
import { notFound } from '../hub-error.js';
import type { Audit } from './audit.js';
import { loadNotices, type ConfigSource } from './config.js';
import { editInForce } from './config-editor.js';
import type { Commits } from '../changes/commits.js';
import type { NoticeConfig, NoticeInput } from '../../../shared/protocol.js';

function noticeStatements(db: Db) {
  const insert = db.prepare<[string, string, string | null, string | null]>(
    `INSERT INTO notices (text_lo, text_en, starts_on, ends_on, sort)
     VALUES (?, ?, ?, ?, (SELECT coalesce(max(sort), -1) + 1 FROM notices))`,
  );
  const update = db.prepare<[string, string, string | null, string | null, number]>(
    `UPDATE notices SET text_lo = ?, text_en = ?, starts_on = ?, ends_on = ?,
       version = version + 1 WHERE id = ?`,
  );
  const remove = db.prepare<[number]>('DELETE FROM notices WHERE id = ?');
  return {
    /** Inserts a new notice (last in order) or updates one; returns its id. */
    write(n: NoticeInput): number {
      if (n.id === undefined) {
        return Number(insert.run(n.text.lo, n.text.en, n.startsOn, n.endsOn).lastInsertRowid);
      }
      update.run(n.text.lo, n.text.en, n.startsOn, n.endsOn, n.id);
      return n.id;
    },
    remove: (id: number) => void remove.run(id),
  };
}

export function noticeHandlers(deps: {
  db: Db;
  commits: Commits;
  config: ConfigSource;
  audit: Audit;
}): Handlers<'config:notice-save' | 'config:notice-delete'> {
  const { db, audit } = deps;
  const { write, remove } = noticeStatements(db);
  const all = () => loadNotices(db);
  const byId = (id: number): NoticeConfig => {
    const found = all().find((n) => n.id === id);
    if (!found) throw notFound(`The notice ${id}`);
    return found;
  };
  return {
    'config:notice-save': (ctx, { notice, version }) => {
      const staffId = ctx.staff().id;
      return editInForce(deps, () => {
        const before = notice.id === undefined ? null : byId(notice.id);
        if (before) audit.checkVersion('notice', String(before.id), before.version, version ?? 0);
        const id = write(notice);
        audit.record({
          staffId,
          entity: 'notice',
          entityId: String(id),
          action: before ? 'update' : 'create',
          before,
          after: byId(id),
        });
        return all();
      });
    },
    'config:notice-delete': (ctx, { id, version }) => {
      const staffId = ctx.staff().id;
      return editInForce(deps, () => {
        const before = byId(id);
        audit.checkVersion('notice', String(id), before.version, version);
        remove(id);
        audit.record({
          staffId,
          entity: 'notice',
          entityId: String(id),
          action: 'delete',
          before,
          after: null,
        });
        return all();
      });
    },
  };
}
