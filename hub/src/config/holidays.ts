/**
 * The centre's holidays: days every service is closed (opening-hours.ts).
 * A day is its own key, so saving one again renames it; each change is an
 * audited edit of the configuration in force, like the others.
 */
import type { Db } from '../db/open.js';
import type { Handlers } from '../handler.js';
import type { Audit } from './audit.js';
import type { ConfigSource } from './config.js';
import { editInForce } from './config-editor.js';
import type { Commits } from '../changes/commits.js';
import type { Holiday } from '../../../shared/protocol.js';

export function holidayHandlers(deps: {
  db: Db;
  commits: Commits;
  config: ConfigSource;
  audit: Audit;
}): Handlers<'config:holiday-save' | 'config:holiday-delete'> {
  const { db, audit } = deps;
  const byDay = db.prepare<[string], { name_lo: string; name_en: string }>(
    'SELECT name_lo, name_en FROM holidays WHERE day = ?',
  );
  const upsert = db.prepare<[string, string, string]>(
    `INSERT INTO holidays (day, name_lo, name_en) VALUES (?, ?, ?)
     ON CONFLICT (day) DO UPDATE SET name_lo = excluded.name_lo, name_en = excluded.name_en`,
  );
  const remove = db.prepare<[string]>('DELETE FROM holidays WHERE day = ?');
  const list = (): Holiday[] => deps.config.current().holidays;
  const before = (day: string) => {
    const row = byDay.get(day);
    return row ? { day, name: { lo: row.name_lo, en: row.name_en } } : null;
  };
  return {
    'config:holiday-save': (ctx, { holiday }) => {
      const staffId = ctx.manager().id;
      return (
        editInForce(deps, () => {
          const old = before(holiday.day);
          upsert.run(holiday.day, holiday.name.lo, holiday.name.en);
          const action = old ? 'update' : 'create';
          audit.record({
            staffId,
            entity: 'holiday',
            entityId: holiday.day,
            action,
            before: old,
            after: holiday,
          });
          return undefined;
        }) ?? list()
      );
    },
    'config:holiday-delete': (ctx, { day }) => {
      const staffId = ctx.manager().id;
      editInForce(deps, () => {
        const old = before(day);
        if (!old) return;
        remove.run(day);
        audit.record({
          staffId,
          entity: 'holiday',
          entityId: day,
          action: 'delete',
          before: old,
          after: null,
        });
      });
      return list();
    },
  };
}
