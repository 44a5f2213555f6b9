/**
 * A report as a download: CSV (one row per group, then the total) and XLSX
 * (the same table, the arrivals heat map, and the share asked to pay more by
 * service and counter, each on its own sheet). Headers and group names are
 * in the reader's language; the numbers are FIGURE_COLUMNS', so the file
 * parses to exactly what the console shows.
 */
import ExcelJS from 'exceljs';
import type { Db } from '../db/open.js';
import { t, type Lang } from '../../../shared/i18n/index.js';
import type { MessageKey } from '../../../shared/i18n/en.js';
import { BOOKING_COLUMNS, FIGURE_COLUMNS, toCsv } from '../../../shared/domain/report-columns.js';
import { NO_BOOKINGS } from '../../../shared/domain/booking-counts.js';
import {
  groupLabel,
  ISO_WEEKDAY_KEYS,
  type ReportNames,
} from '../../../shared/domain/report-labels.js';
import type { BookingCounts, DailyRecord, Report } from '../../../shared/protocol.js';

const header = (lang: Lang) => [
  t(lang, 'report.col.group'),
  ...[...FIGURE_COLUMNS, ...BOOKING_COLUMNS].map((c) =>
    t(lang, `report.col.${c.id}` as MessageKey),
  ),
];

const bookingCells = (c: BookingCounts | null) =>
  BOOKING_COLUMNS.map((col) => (c === null ? null : col.value(c)));

/** A row's bookings: a service's own when grouped by service, else none (see BOOKING_COLUMNS). */
function rowBookings(report: Report, key: string): BookingCounts | null {
  if (report.groupBy !== 'service') return null;
  return report.bookings.byService.find((b) => b.serviceId === key) ?? NO_BOOKINGS;
}

/** The group rows then the total, as label + numbers. */
export function reportTable(report: Report, lang: Lang, names: ReportNames) {
  return [
    ...report.rows.map((r) => [
      groupLabel(report.groupBy, r.key, lang, names),
      ...FIGURE_COLUMNS.map((c) => c.value(r.figures)),
      ...bookingCells(rowBookings(report, r.key)),
    ]),
    [
      t(lang, 'report.key.total'),
      ...FIGURE_COLUMNS.map((c) => c.value(report.total)),
      ...bookingCells(report.bookings.total),
    ],
  ];
}

export const reportCsv = (report: Report, lang: Lang, names: ReportNames) =>
  toCsv([header(lang), ...reportTable(report, lang, names)]);

const NUMBER_FORMAT: Record<string, string> = {
  share: '0.0%',
  seconds: '0.###',
  mean: '0.00',
  count: '0',
};

export async function reportXlsx(report: Report, lang: Lang, names: ReportNames) {
  const book = new ExcelJS.Workbook();
  book.creator = 'Khiu';
  const sheet = book.addWorksheet(t(lang, 'report.sheet.report'));
  sheet.addRow(header(lang)).font = { bold: true };
  for (const row of reportTable(report, lang, names)) sheet.addRow(row);
  FIGURE_COLUMNS.forEach((c, i) => {
    sheet.getColumn(i + 2).numFmt = NUMBER_FORMAT[c.kind] ?? '0';
  });
  sheet.getColumn(1).width = 32;
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];

  const arrivals = book.addWorksheet(t(lang, 'report.sheet.arrivals'));
  arrivals.addRow([t(lang, 'report.col.weekday'), ...Array.from({ length: 24 }, (_, h) => h)]);
  report.arrivals.forEach((hours, i) =>
    arrivals.addRow([t(lang, ISO_WEEKDAY_KEYS[i] ?? 'report.key.none'), ...hours]),
  );

  const payMore = book.addWorksheet(t(lang, 'report.sheet.payMore'));
  payMore.addRow([
    t(lang, 'report.col.group'),
    t(lang, 'report.col.pay_more_answered'),
    t(lang, 'report.col.pay_more_yes'),
    t(lang, 'report.col.pay_more_share'),
  ]);
  for (const [group, rows] of [
    ['service', report.payMore.byService],
    ['counter', report.payMore.byCounter],
  ] as const) {
    for (const r of rows) {
      payMore.addRow([groupLabel(group, r.key, lang, names), r.answered, r.yes, r.share]);
    }
  }
  payMore.getColumn(4).numFmt = NUMBER_FORMAT.share ?? '0';

  const bookings = book.addWorksheet(t(lang, 'report.sheet.bookings'));
  bookings.addRow([
    t(lang, 'report.group.service'),
    ...BOOKING_COLUMNS.map((c) => t(lang, `report.col.${c.id}` as MessageKey)),
  ]).font = { bold: true };
  for (const b of report.bookings.byService) {
    bookings.addRow([groupLabel('service', b.serviceId, lang, names), ...bookingCells(b)]);
  }
  bookings.addRow([t(lang, 'report.key.total'), ...bookingCells(report.bookings.total)]);
  bookings.getColumn(1).width = 32;
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Daily records as CSV: one row per day and scope (the day's total, each service, each counter). */
export function dailyRecordsCsv(records: DailyRecord[]): string {
  const rows: (string | number | null)[][] = [
    ['day', 'scope', 'key', ...FIGURE_COLUMNS.map((c) => c.id)],
  ];
  for (const r of records) {
    const line = (scope: string, key: string, f: DailyRecord['total']) =>
      rows.push([r.day, scope, key, ...FIGURE_COLUMNS.map((c) => c.value(f))]);
    line('total', '', r.total);
    for (const s of r.services) line('service', s.serviceId, s.figures);
    for (const c of r.counters) line('counter', String(c.number), c.figures);
  }
  return toCsv(rows);
}

/** Names for a staff-facing report, read from the database (services and counters as they are now). */
export function reportNames(db: Db): ReportNames {
  const ministries = db
    .prepare<[], { id: string; name_lo: string; name_en: string }>(
      'SELECT id, name_lo, name_en FROM ministries',
    )
    .all();
  const services = db
    .prepare<[], { id: string; name_lo: string; name_en: string }>(
      'SELECT id, name_lo, name_en FROM services',
    )
    .all();
  const counters = db
    .prepare<[], { id: number; number: number }>('SELECT id, number FROM counters')
    .all();
  const staff = db.prepare<[], { id: number; name: string }>('SELECT id, name FROM staff').all();
  return {
    ministries: new Map(ministries.map((m) => [m.id, { lo: m.name_lo, en: m.name_en }])),
    services: new Map(services.map((s) => [s.id, { lo: s.name_lo, en: s.name_en }])),
    counters: new Map(counters.map((c) => [c.id, c.number])),
    staff: new Map(staff.map((s) => [s.id, s.name])),
  };
}
