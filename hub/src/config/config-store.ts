/**
 * The configuration as the console edits it: each row with its `version`.
 * Reads return the console's shapes (shared/schemas/console.ts); writes bump
 * the version and are called inside the editor's one transaction.
 */
import type { Db } from '../db/open.js';
import { logoFromColumn, type CheckedLogo } from './logo-image.js';
import type {
  CentreConfig,
  CentreInput,
  CounterConfig,
  CounterInput,
  MinistryConfig,
  OpeningHours,
  ServiceConfig,
  ServiceInput,
} from '../../../shared/protocol.js';

type MinistryInputT = Omit<MinistryConfig, 'version'>;
type Row = Record<string, string | number | null>;

const str = (v: string | number | null | undefined) => String(v);
const list = (v: string | number | null | undefined) => JSON.parse(String(v)) as string[];

function centreOf(r: Row): CentreConfig {
  return {
    name: { lo: str(r.name_lo), en: str(r.name_en) },
    province: { lo: str(r.province_lo), en: str(r.province_en) },
    district: { lo: str(r.district_lo), en: str(r.district_en) },
    address: { lo: str(r.address_lo), en: str(r.address_en) },
    timeZone: str(r.time_zone),
    publicUrl: r.public_url === null ? null : str(r.public_url),
    version: Number(r.version),
    logo: logoFromColumn(r.logo === null ? null : str(r.logo))?.info ?? null,
  };
}

function serviceOf(r: Row, hours: OpeningHours[]): ServiceConfig {
  return {
    id: str(r.id),
    ministryId: str(r.ministry_id),
    prefix: str(r.prefix),
    name: { lo: str(r.name_lo), en: str(r.name_en) },
    feeLak: Number(r.fee_lak),
    feeIsSample: r.fee_is_sample === 1,
    feeRef:
      r.fee_ref_date === null
        ? null
        : { lo: str(r.fee_ref_lo), en: str(r.fee_ref_en), date: str(r.fee_ref_date) },
    documents: { lo: list(r.documents_lo), en: list(r.documents_en) },
    targetMinutes: Number(r.target_minutes),
    dailyCap: r.daily_cap === null ? null : Number(r.daily_cap),
    hours,
    asksPriority: r.asks_priority === 1,
    open: r.open === 1,
    sort: Number(r.sort),
    version: Number(r.version),
  };
}

function readStatements(db: Db) {
  return {
    centre: db.prepare<[], Row>('SELECT * FROM centre WHERE id = 1'),
    ministries: db.prepare<[], Row>('SELECT * FROM ministries ORDER BY sort, id'),
    ministry: db.prepare<[string], Row>('SELECT * FROM ministries WHERE id = ?'),
    services: db.prepare<[], Row>('SELECT * FROM services ORDER BY sort, prefix'),
    service: db.prepare<[string], Row>('SELECT * FROM services WHERE id = ?'),
    byPrefix: db.prepare<[string], { id: string }>('SELECT id FROM services WHERE prefix = ?'),
    hours: db.prepare<[string], Row>(
      'SELECT * FROM opening_hours WHERE service_id = ? ORDER BY weekday',
    ),
    counters: db.prepare<[], Row>('SELECT * FROM counters ORDER BY number'),
    counter: db.prepare<[number], Row>('SELECT * FROM counters WHERE id = ?'),
    byNumber: db.prepare<[number], { id: number }>('SELECT id FROM counters WHERE number = ?'),
    ranked: db.prepare<[number], { service_id: string }>(
      'SELECT service_id FROM counter_services WHERE counter_id = ? ORDER BY rank',
    ),
  };
}

function writeStatements(db: Db) {
  return {
    centre: db.prepare(
      `UPDATE centre SET name_lo = @nameLo, name_en = @nameEn, province_lo = @provinceLo,
         province_en = @provinceEn, district_lo = @districtLo, district_en = @districtEn,
         address_lo = @addressLo, address_en = @addressEn, time_zone = @timeZone,
         public_url = @publicUrl, version = version + 1 WHERE id = 1`,
    ),
    logo: db.prepare<[string | null]>(
      'UPDATE centre SET logo = ?, version = version + 1 WHERE id = 1',
    ),
    ministry: db.prepare(
      `INSERT INTO ministries (id, name_lo, name_en, sort) VALUES (@id, @nameLo, @nameEn, @sort)
       ON CONFLICT (id) DO UPDATE SET name_lo = @nameLo, name_en = @nameEn, sort = @sort,
         version = version + 1`,
    ),
    service: db.prepare(
      `INSERT INTO services (id, prefix, ministry_id, name_lo, name_en, fee_lak, fee_is_sample,
         fee_ref_lo, fee_ref_en, fee_ref_date, documents_lo, documents_en, target_minutes,
         daily_cap, asks_priority, open, sort)
       VALUES (@id, @prefix, @ministryId, @nameLo, @nameEn, @feeLak, @feeIsSample, @refLo, @refEn,
         @refDate, @documentsLo, @documentsEn, @targetMinutes, @dailyCap, @asksPriority, @open,
         @sort)
       ON CONFLICT (id) DO UPDATE SET prefix = @prefix, ministry_id = @ministryId,
         name_lo = @nameLo, name_en = @nameEn, fee_lak = @feeLak, fee_is_sample = @feeIsSample,
         fee_ref_lo = @refLo, fee_ref_en = @refEn, fee_ref_date = @refDate,
         documents_lo = @documentsLo, documents_en = @documentsEn,
         target_minutes = @targetMinutes, daily_cap = @dailyCap, asks_priority = @asksPriority,
         open = @open, sort = @sort, version = version + 1`,
    ),
    clearHours: db.prepare<[string]>('DELETE FROM opening_hours WHERE service_id = ?'),
    hours: db.prepare<[string, number, number, number, number | null, number | null]>(
      `INSERT INTO opening_hours (service_id, weekday, opens_min, closes_min, lunch_from_min,
         lunch_to_min) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    insertCounter: db.prepare<[number, string, string, number]>(
      'INSERT INTO counters (number, name_lo, name_en, active) VALUES (?, ?, ?, ?)',
    ),
    updateCounter: db.prepare<[number, string, string, number, number]>(
      `UPDATE counters SET number = ?, name_lo = ?, name_en = ?, active = ?,
         version = version + 1 WHERE id = ?`,
    ),
    clearServes: db.prepare<[number]>('DELETE FROM counter_services WHERE counter_id = ?'),
    serves: db.prepare<[number, string, number]>(
      'INSERT INTO counter_services (counter_id, service_id, rank) VALUES (?, ?, ?)',
    ),
  };
}

export type ConfigStore = ReturnType<typeof createConfigStore>;

export function createConfigStore(db: Db) {
  const r = readStatements(db);
  const w = writeStatements(db);
  const ministryOf = (m: Row): MinistryConfig => ({
    id: str(m.id),
    name: { lo: str(m.name_lo), en: str(m.name_en) },
    sort: Number(m.sort),
    version: Number(m.version),
  });
  const hoursOf = (id: string): OpeningHours[] =>
    r.hours.all(id).map((h) => ({
      weekday: Number(h.weekday),
      opensMin: Number(h.opens_min),
      closesMin: Number(h.closes_min),
      lunchFromMin: h.lunch_from_min === null ? null : Number(h.lunch_from_min),
      lunchToMin: h.lunch_to_min === null ? null : Number(h.lunch_to_min),
    }));
  const counterOf = (c: Row): CounterConfig => ({
    id: Number(c.id),
    number: Number(c.number),
    name: { lo: str(c.name_lo), en: str(c.name_en) },
    services: r.ranked.all(Number(c.id)).map((s) => s.service_id),
    active: c.active === 1,
    version: Number(c.version),
  });
  const one = <T>(row: Row | undefined, of: (r: Row) => T) => (row ? of(row) : null);

  return {
    centre: () => one(r.centre.get(), centreOf),
    ministries: () => r.ministries.all().map(ministryOf),
    ministry: (id: string) => one(r.ministry.get(id), ministryOf),
    services: () => r.services.all().map((s) => serviceOf(s, hoursOf(str(s.id)))),
    service: (id: string) => one(r.service.get(id), (s) => serviceOf(s, hoursOf(id))),
    serviceWithPrefix: (prefix: string) => r.byPrefix.get(prefix)?.id ?? null,
    counters: () => r.counters.all().map(counterOf),
    counter: (id: number) => one(r.counter.get(id), counterOf),
    counterWithNumber: (n: number) => r.byNumber.get(n)?.id ?? null,
    ...writes(w),
  };
}

function writes(w: ReturnType<typeof writeStatements>) {
  return {
    writeCentre(c: CentreInput) {
      w.centre.run({
        nameLo: c.name.lo,
        nameEn: c.name.en,
        provinceLo: c.province.lo,
        provinceEn: c.province.en,
        districtLo: c.district.lo,
        districtEn: c.district.en,
        addressLo: c.address.lo,
        addressEn: c.address.en,
        timeZone: c.timeZone,
        publicUrl: c.publicUrl,
      });
    },
    /** The picture's bytes as base64 (a STRICT TEXT column), or none. */
    writeLogo(logo: CheckedLogo | null) {
      w.logo.run(logo === null ? null : logo.data.toString('base64'));
    },
    writeMinistry(m: MinistryInputT) {
      w.ministry.run({ id: m.id, nameLo: m.name.lo, nameEn: m.name.en, sort: m.sort });
    },
    writeService(s: ServiceInput) {
      w.service.run({
        id: s.id,
        prefix: s.prefix,
        ministryId: s.ministryId,
        nameLo: s.name.lo,
        nameEn: s.name.en,
        feeLak: s.feeLak,
        feeIsSample: s.feeIsSample ? 1 : 0,
        refLo: s.feeRef?.lo ?? '',
        refEn: s.feeRef?.en ?? '',
        refDate: s.feeRef?.date ?? null,
        documentsLo: JSON.stringify(s.documents.lo),
        documentsEn: JSON.stringify(s.documents.en),
        targetMinutes: s.targetMinutes,
        dailyCap: s.dailyCap,
        asksPriority: s.asksPriority ? 1 : 0,
        open: s.open ? 1 : 0,
        sort: s.sort,
      });
      w.clearHours.run(s.id);
      for (const h of s.hours) {
        w.hours.run(s.id, h.weekday, h.opensMin, h.closesMin, h.lunchFromMin, h.lunchToMin);
      }
    },
    /** Inserts (no id) or updates a counter and its ranked services; returns its id. */
    writeCounter(c: CounterInput): number {
      const active = c.active ? 1 : 0;
      const id =
        c.id === undefined
          ? Number(w.insertCounter.run(c.number, c.name.lo, c.name.en, active).lastInsertRowid)
          : (w.updateCounter.run(c.number, c.name.lo, c.name.en, active, c.id), c.id);
      w.clearServes.run(id);
      c.services.forEach((s, rank) => w.serves.run(id, s, rank));
      return id;
    },
  };
}
