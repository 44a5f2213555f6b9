/**
 * Carrying out an import's plan (config-diff.ts) inside the import's one
 * transaction: each planned difference written through the config store (so
 * versions are bumped as by any edit), a fee-history row for a fee change and
 * one `config_audit` row (`import`) per entity. Ministries go first (services
 * name them), then services (counters name them), counters, the centre and
 * holidays.
 */
import { localised, type Planned } from './config-diff.js';
import type { ConfigBody } from './config-file.js';
import type { TransferDeps } from './config-import.js';
import type { Db } from '../db/open.js';
import type { DiffEntity, KhiuConfig } from '../../../shared/protocol.js';

export interface Plan {
  body: ConfigBody;
  file: KhiuConfig;
  match: Map<string, string>;
  differences: Planned[];
}

function statements(db: Db) {
  return {
    settings: db.prepare<[], { settings: string }>('SELECT settings FROM centre WHERE id = 1'),
    writeSettings: db.prepare<[string]>('UPDATE centre SET settings = ? WHERE id = 1'),
    holiday: db.prepare<[string, string, string]>(
      `INSERT INTO holidays (day, name_lo, name_en) VALUES (?, ?, ?)
       ON CONFLICT (day) DO UPDATE SET name_lo = excluded.name_lo, name_en = excluded.name_en`,
    ),
    removeHoliday: db.prepare<[string]>('DELETE FROM holidays WHERE day = ?'),
    clearNotices: db.prepare('DELETE FROM notices'),
    notice: db.prepare<[string, string, string | null, string | null, number]>(
      'INSERT INTO notices (text_lo, text_en, starts_on, ends_on, sort) VALUES (?, ?, ?, ?, ?)',
    ),
    // A letter on its way to another service: moved aside first, so two services may swap.
    parkPrefix: db.prepare<[string, string]>('UPDATE services SET prefix = ? WHERE id = ?'),
  };
}

/** Letters no service has or will have, for services whose letter changes. */
function* sparePrefixes(taken: Set<string>) {
  const A = 'A'.charCodeAt(0);
  for (let i = 26 ** 3 - 1; i >= 0; i--) {
    const p = String.fromCharCode(
      A + Math.floor(i / 676),
      A + (Math.floor(i / 26) % 26),
      A + (i % 26),
    );
    if (!taken.has(p)) yield p;
  }
}

type Sql = ReturnType<typeof statements>;
type WriterDeps = Pick<TransferDeps, 'store' | 'fees'> & { sql: Sql };
/** Writes one planned difference; the row before and after, for its audit row. */
type Write = (w: WriterDeps, at: Step) => { before: unknown; after: unknown };

interface Step {
  staffId: number;
  plan: Plan;
  local: ReturnType<typeof localised>;
  d: Planned;
}

const WRITES: Record<DiffEntity, Write> = {
  centre({ store, sql }, { plan }) {
    const { priorityEvery: oldEvery, notices: oldNotices } = plan.body.centre;
    const before = { ...store.centre(), priorityEvery: oldEvery, notices: oldNotices };
    const { priorityEvery, notices, ...centre } = plan.file.centre;
    store.writeCentre(centre);
    // Other settings a later version keeps there stay as they are.
    const settings = JSON.parse(sql.settings.get()?.settings ?? '{}') as object;
    sql.writeSettings.run(JSON.stringify({ ...settings, priorityEvery }));
    // The file's notices are the centre's notices, in its order.
    sql.clearNotices.run();
    notices.forEach((n, i) => sql.notice.run(n.text.lo, n.text.en, n.startsOn, n.endsOn, i));
    return { before, after: { ...store.centre(), priorityEvery, notices } };
  },
  ministry({ store }, { plan, d }) {
    const before = store.ministry(d.key);
    const m = plan.file.ministries.find((x) => x.id === d.key);
    if (m) store.writeMinistry(m);
    return { before, after: store.ministry(d.key) };
  },
  service({ store, fees }, { staffId, local, d }) {
    const before = store.service(d.key);
    const next =
      local.services.find((s) => s.id === d.key) ?? (before && { ...before, open: false });
    if (!next) throw new Error(`a planned service ${d.key} is in neither side`);
    store.writeService(next);
    fees.record(staffId, before, next);
    return { before, after: store.service(d.key) };
  },
  counter({ store }, { local, d }) {
    const id = store.counterWithNumber(Number(d.key));
    const before = id === null ? null : store.counter(id);
    const next =
      local.counters.find((c) => String(c.number) === d.key) ??
      (before && { ...before, active: false });
    if (!next) throw new Error(`a planned counter ${d.key} is in neither side`);
    const written = store.writeCounter({ ...next, ...(id === null ? {} : { id }) });
    return { before, after: store.counter(written) };
  },
  holiday({ sql }, { plan, d }) {
    const before = plan.body.holidays.find((h) => h.day === d.key) ?? null;
    const h = plan.file.holidays.find((x) => x.day === d.key);
    if (h) sql.holiday.run(h.day, h.name.lo, h.name.en);
    else sql.removeHoliday.run(d.key);
    return { before, after: h ?? null };
  },
};

/** A service whose letter changes goes to a spare one first, so two services may swap letters. */
function moveChangedPrefixesAside(sql: Sql, plan: Plan) {
  const changing = plan.differences.filter(
    (d) =>
      d.entity === 'service' &&
      d.change === 'changed' &&
      d.fields.some((f) => f.field === 'prefix'),
  );
  if (changing.length === 0) return;
  const taken = new Set([...plan.body.services, ...plan.file.services].map((s) => s.prefix));
  const spare = sparePrefixes(taken);
  for (const d of changing) sql.parkPrefix.run(String(spare.next().value), d.key);
}

const ORDER = [
  'ministry',
  'service',
  'counter',
  'centre',
  'holiday',
] as const satisfies DiffEntity[];

export function createPlanWriter(deps: Pick<TransferDeps, 'db' | 'store' | 'audit' | 'fees'>) {
  const { db, store, audit, fees } = deps;
  const w: WriterDeps = { store, fees, sql: statements(db) };
  return function applyPlan(staffId: number, plan: Plan) {
    const local = localised(plan);
    moveChangedPrefixesAside(w.sql, plan);
    for (const entity of ORDER) {
      for (const d of plan.differences.filter((x) => x.entity === entity)) {
        const { before, after } = WRITES[entity](w, { staffId, plan, local, d });
        audit.record({ staffId, entity, entityId: d.key, action: 'import', before, after });
      }
    }
  };
}
