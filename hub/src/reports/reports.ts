/**
 * Reports over any range of days, and the daily record of one day. Both
 * fold the same rows the same way (report-fold.ts), so a one-day report and
 * that day's record agree figure for figure.
 */
import type { Db } from '../db/open.js';
import { createReportStore, type ReportStore, type ServiceRow } from './report-store.js';
import { createDayFacts, type DayFactsStore } from './day-facts.js';
import {
  foldDays,
  grouping,
  localCalendar,
  type Grouping,
  type LocalCalendar,
  type Place,
} from './report-fold.js';
import {
  DAILY_RECORD_SCHEMA,
  DAILY_RECORD_VERSION,
  type DailyRecord,
  type Report,
  type ReportGroup,
  type ReportRequest,
} from '../../../shared/protocol.js';
import type { FiguresAcc } from '../../../shared/domain/report-figures.js';
import { payMoreFigures } from '../../../shared/domain/report-figures.js';
import { countBookings } from '../../../shared/domain/booking-counts.js';
import { missingCaseError } from '../../../shared/assert.js';

export const NO_KEY = 'none';
const DEFAULT_TIME_ZONE = 'Asia/Vientiane';

interface CentreRow {
  name_lo: string;
  name_en: string;
  province_lo: string;
  province_en: string;
  district_lo: string;
  district_en: string;
  time_zone: string;
}

function keyOf(
  groupBy: ReportGroup,
  ministryOf: Map<string, string>,
  calendar: LocalCalendar,
): (p: Place) => string {
  switch (groupBy) {
    case 'ministry':
      return (p) => ministryOf.get(p.serviceId) ?? NO_KEY;
    case 'service':
      return (p) => p.serviceId;
    case 'counter':
      return (p) => (p.counterId === null ? NO_KEY : String(p.counterId));
    case 'clerk':
      return (p) => (p.staffId === null ? NO_KEY : String(p.staffId));
    case 'hour':
      return (p) => String(calendar.hour(p.issuedAt));
    case 'weekday':
      return (p) => String(calendar.weekday(p.issuedAt));
    default:
      throw missingCaseError(groupBy);
  }
}

/** Services and ministries in the console's order, numbers as numbers, `none` last. */
function orderKeys(keys: string[], groupBy: ReportGroup, services: ServiceRow[]): string[] {
  const order = new Map<string, number>();
  for (const s of services) {
    const key = groupBy === 'ministry' ? s.ministry_id : s.id;
    if (!order.has(key)) order.set(key, order.size);
  }
  const rank = (k: string) =>
    k === NO_KEY
      ? Infinity
      : groupBy === 'service' || groupBy === 'ministry'
        ? (order.get(k) ?? order.size)
        : Number(k);
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

const payMoreRows = (g: Grouping, order: (keys: string[]) => string[]) =>
  order([...g.groups.keys()]).map((key) => ({
    key,
    ...payMoreFigures((g.groups.get(key) as FiguresAcc).payMore),
  }));

/** Bookings in total and per service (in the console's order, a removed service last). */
function bookingsOf(store: ReportStore, range: ReportRequest['range'], services: ServiceRow[]) {
  const rows = store.bookings(range);
  const ids = orderKeys([...new Set(rows.map((r) => r.service_id))], 'service', services);
  return {
    total: countBookings(rows),
    byService: ids.map((serviceId) => ({
      serviceId,
      ...countBookings(rows.filter((r) => r.service_id === serviceId)),
    })),
  };
}

function runReport(
  store: ReportStore,
  facts: DayFactsStore,
  timeZone: string,
  request: ReportRequest,
): Report {
  const { range, groupBy } = request;
  const services = store.services();
  const ministryOf = new Map(services.map((s) => [s.id, s.ministry_id]));
  const calendar = localCalendar(timeZone);
  const main = grouping(keyOf(groupBy, ministryOf, calendar));
  const byService = grouping(keyOf('service', ministryOf, calendar), false);
  const byCounter = grouping(keyOf('counter', ministryOf, calendar), false);
  const days = facts.range(range.from, range.to);
  const folded = foldDays(days, services, calendar, [main, byService, byCounter]);
  const order = (g: ReportGroup) => (keys: string[]) => orderKeys(keys, g, services);
  return {
    from: range.from,
    to: range.to,
    groupBy,
    days: folded.days,
    total: folded.total.figures(),
    rows: order(groupBy)([...main.groups.keys()]).map((key) => ({
      key,
      figures: (main.groups.get(key) as FiguresAcc).figures(),
    })),
    arrivals: folded.arrivals,
    payMore: {
      byService: payMoreRows(byService, order('service')),
      byCounter: payMoreRows(byCounter, order('counter')),
    },
    bookings: bookingsOf(store, range, services),
  };
}

const centreOf = (c: CentreRow | undefined) => ({
  name: { lo: c?.name_lo ?? '', en: c?.name_en ?? '' },
  province: { lo: c?.province_lo ?? '', en: c?.province_en ?? '' },
  district: { lo: c?.district_lo ?? '', en: c?.district_en ?? '' },
  timeZone: c?.time_zone ?? DEFAULT_TIME_ZONE,
});

function dailyRecordOf(
  store: ReportStore,
  facts: DayFactsStore,
  c: CentreRow | undefined,
  day: string,
): DailyRecord {
  const services = store.services();
  const counters = new Map(store.counters().map((row) => [row.id, row.number]));
  const centre = centreOf(c);
  const calendar = localCalendar(centre.timeZone);
  const byService = grouping(keyOf('service', new Map(), calendar));
  const byCounter = grouping(keyOf('counter', new Map(), calendar));
  const folded = foldDays(facts.range(day, day), services, calendar, [byService, byCounter]);
  const serviceRows = new Map(services.map((s) => [s.id, s]));
  return {
    schema: DAILY_RECORD_SCHEMA,
    version: DAILY_RECORD_VERSION,
    day,
    centre,
    total: folded.total.figures(),
    services: [...byService.groups.keys()].sort().map((id) => {
      const s = serviceRows.get(id);
      return {
        serviceId: id,
        prefix: s?.prefix ?? '',
        name: { lo: s?.name_lo ?? id, en: s?.name_en ?? id },
        ministryId: s?.ministry_id ?? NO_KEY,
        targetMinutes: s?.target_minutes ?? 1,
        feeLak: s?.fee_lak ?? 0,
        figures: (byService.groups.get(id) as FiguresAcc).figures(),
      };
    }),
    counters: [...byCounter.groups.entries()]
      .filter(([key]) => key !== NO_KEY)
      .map(([key, acc]) => ({
        counterId: Number(key),
        number: counters.get(Number(key)) ?? Number(key),
        figures: acc.figures(),
      }))
      .sort((a, b) => a.number - b.number || a.counterId - b.counterId),
    arrivalsByHour: folded.arrivalsByHour,
  };
}

export function createReports(db: Db, store: ReportStore = createReportStore(db)) {
  const facts = createDayFacts(db, store);
  const centre = db.prepare<[], CentreRow>(
    `SELECT name_lo, name_en, province_lo, province_en, district_lo, district_en, time_zone
     FROM centre WHERE id = 1`,
  );
  return {
    run: (request: ReportRequest) =>
      runReport(store, facts, centre.get()?.time_zone ?? DEFAULT_TIME_ZONE, request),
    dailyRecord: (day: string) => dailyRecordOf(store, facts, centre.get(), day),
    /** The per-day facts behind every report (written at the roll, refreshed by feedback). */
    facts,
  };
}

export type Reports = ReturnType<typeof createReports>;
