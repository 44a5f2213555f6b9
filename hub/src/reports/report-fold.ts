/**
 * One pass over a range's tickets and feedback, into the groups a report or
 * a daily record asks for. Each grouping names a key for a ticket (its
 * service, counter, clerk, hour…); a row counts in the total and in its
 * group of every grouping.
 */
import type { FeedbackFactsRow, ReportStore, ServiceRow, TicketFactsRow } from './report-store.js';
import { FiguresAcc } from '../../../shared/domain/report-figures.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Where a ticket was: what every grouping keys on. */
export interface Place {
  day: string;
  serviceId: string;
  counterId: number | null;
  staffId: number | null;
  issuedAt: number;
}

export interface Grouping {
  key(p: Place): string;
  groups: Map<string, FiguresAcc>;
  /** False: only its feedback is counted (the share asked to pay more, by service and counter). */
  tickets: boolean;
}

export const grouping = (key: (p: Place) => string, tickets = true): Grouping => ({
  key,
  groups: new Map(),
  tickets,
});

/** Local clock hours and ISO weekdays of a centre's days, worked out once a day. */
export function localCalendar(timeZone: string) {
  const offsets = new Map<string, number>();
  const weekdays = new Map<string, number>();
  const hourFormat = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  });
  function offsetOf(day: string, at: number) {
    let offset = offsets.get(day);
    if (offset === undefined) {
      const parts = hourFormat.formatToParts(at);
      const part = (type: string) => Number(parts.find((x) => x.type === type)?.value ?? 0);
      const minuteOfDay = part('hour') * 60 + part('minute');
      const utcMinuteOfDay = Math.floor((((at % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
      offset = (((minuteOfDay - utcMinuteOfDay) % 1440) + 1440) % 1440;
      offset = (offset > 720 ? offset - 1440 : offset) * 60_000;
      offsets.set(day, offset);
    }
    return offset;
  }
  return {
    hour(day: string, at: number): number {
      const local = at + offsetOf(day, at);
      return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
    },
    /** 1 Monday … 7 Sunday. */
    weekday(day: string): number {
      let w = weekdays.get(day);
      if (w === undefined) {
        w = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
        weekdays.set(day, w);
      }
      return w;
    },
  };
}
export type LocalCalendar = ReturnType<typeof localCalendar>;

const accIn = (g: Grouping, key: string) => {
  let acc = g.groups.get(key);
  if (!acc) g.groups.set(key, (acc = new FiguresAcc()));
  return acc;
};

export interface FoldResult {
  total: FiguresAcc;
  days: number;
  /** Issued tickets by ISO weekday − 1 and local hour. */
  arrivals: number[][];
  arrivalsByHour: number[];
}

export function foldRange(
  store: ReportStore,
  range: { from: string; to: string },
  services: ServiceRow[],
  calendar: LocalCalendar,
  groupings: Grouping[],
): FoldResult {
  const targetMs = new Map(services.map((s) => [s.id, s.target_minutes * 60_000]));
  const total = new FiguresAcc();
  const arrivals = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const arrivalsByHour = new Array<number>(24).fill(0);
  const ticketGroupings = groupings.filter((g) => g.tickets);
  let days = 0;
  let lastDay = '';
  for (const row of store.tickets(range) as IterableIterator<TicketFactsRow>) {
    const [day, serviceId, counterId, staffId, status, parentId, issuedAt] = row;
    if (day !== lastDay) {
      days++;
      lastDay = day;
    }
    const facts = {
      status,
      transferredIn: parentId !== null,
      issuedAt,
      firstCalledAt: row[7],
      startedAt: row[8],
      finishedAt: row[9],
      estimatedWaitMs: row[10],
      targetMs: targetMs.get(serviceId) ?? Infinity,
    };
    total.addTicket(facts);
    const place = { day, serviceId, counterId, staffId, issuedAt };
    for (const g of ticketGroupings) accIn(g, g.key(place)).addTicket(facts);
    if (parentId === null) {
      const hour = calendar.hour(day, issuedAt);
      const week = arrivals[calendar.weekday(day) - 1];
      if (week) week[hour] = (week[hour] ?? 0) + 1;
      arrivalsByHour[hour] = (arrivalsByHour[hour] ?? 0) + 1;
    }
  }
  for (const row of store.feedback(range) as FeedbackFactsRow[]) {
    const [day, serviceId, counterId, staffId, issuedAt, score] = row;
    const facts = {
      score,
      waitingTime: row[6],
      courtesy: row[7],
      clarity: row[8],
      askedToPayMore: row[9] === null ? null : row[9] === 1,
    };
    total.addFeedback(facts);
    const place = { day, serviceId, counterId, staffId, issuedAt };
    for (const g of groupings) accIn(g, g.key(place)).addFeedback(facts);
  }
  return { total, days, arrivals, arrivalsByHour };
}
