/**
 * One pass over a range's days (day-facts.ts), into the groups a report or
 * a daily record asks for. Each grouping names a key for a ticket (its
 * service, counter, clerk, hour…); a ticket counts in the total and in its
 * group of every grouping, and so does its feedback.
 */
import type { ServiceRow } from './report-store.js';
import { FACT, FACT_COLUMNS, NONE, statusOf, type DayFacts } from './day-facts.js';
import {
  FiguresAcc,
  type FeedbackFacts,
  type MeasuredTicket,
} from '../../../shared/domain/report-figures.js';

// Read once: a module's exports are getters once compiled (tsx), too slow per ticket.
const COLUMNS = FACT_COLUMNS;
const NO_VALUE = NONE;
const statusAt = statusOf;
const {
  service: C_SERVICE,
  counter: C_COUNTER,
  staff: C_STAFF,
  status: C_STATUS,
  transferredIn: C_TRANSFERRED_IN,
  issuedAt: C_ISSUED_AT,
  wait: C_WAIT,
  serviceTime: C_SERVICE_TIME,
  estimate: C_ESTIMATE,
  score: C_SCORE,
  waitingTime: C_WAITING_TIME,
  courtesy: C_COURTESY,
  clarity: C_CLARITY,
  payMore: C_PAY_MORE,
} = FACT;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Where a ticket was: what every grouping keys on (one object, moved along the rows). */
export interface Place {
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

/**
 * Local days, hours and ISO weekdays of instants in a centre's time zone.
 * The zone's offset is asked once per UTC hour it is needed for (offsets
 * change on the hour), so a year of tickets costs a few thousand lookups,
 * not one per ticket.
 */
export function localCalendar(timeZone: string) {
  const offsets = new Map<number, number>();
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  });
  function offsetAt(at: number) {
    const utcHour = Math.floor(at / HOUR_MS);
    let offset = offsets.get(utcHour);
    if (offset === undefined) {
      const probe = utcHour * HOUR_MS;
      const parts = format.formatToParts(probe);
      const part = (type: string) => Number(parts.find((x) => x.type === type)?.value ?? 0);
      const wall = Date.UTC(
        part('year'),
        part('month') - 1,
        part('day'),
        part('hour'),
        part('minute'),
      );
      offset = wall - probe;
      offsets.set(utcHour, offset);
    }
    return offset;
  }
  /** Days since 1970-01-01 on the centre's wall clock. */
  const dayNumber = (at: number) => Math.floor((at + offsetAt(at)) / DAY_MS);
  return {
    dayNumber,
    hour: (at: number) =>
      Math.floor(((((at + offsetAt(at)) % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS),
    /** 1 Monday … 7 Sunday (1970-01-01 was a Thursday). */
    weekday: (at: number) => ((((dayNumber(at) + 3) % 7) + 7) % 7) + 1,
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

const orNull = (v: number | undefined) => (v === undefined || v === NO_VALUE ? null : v);

function feedbackAt(d: Int32Array, at: number): FeedbackFacts | null {
  const score = d[at + C_SCORE] ?? 0;
  if (score === 0) return null;
  const payMore = d[at + C_PAY_MORE];
  return {
    score,
    waitingTime: orNull(d[at + C_WAITING_TIME]),
    courtesy: orNull(d[at + C_COURTESY]),
    clarity: orNull(d[at + C_CLARITY]),
    askedToPayMore: payMore === NO_VALUE || payMore === undefined ? null : payMore === 1,
  };
}

export function foldDays(
  days: DayFacts[],
  services: ServiceRow[],
  calendar: LocalCalendar,
  groupings: Grouping[],
): FoldResult {
  const targetMs = new Map(services.map((s) => [s.id, s.target_minutes * 60_000]));
  const total = new FiguresAcc();
  const ticketGroupings = groupings.filter((g) => g.tickets);
  const arrivals = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const arrivalsByHour = new Array<number>(24).fill(0);
  const place: Place = { serviceId: '', counterId: null, staffId: null, issuedAt: 0 };
  for (const { services: ids, base, data: d } of days) {
    const targets = ids.map((id) => targetMs.get(id) ?? Infinity);
    for (let at = 0; at < d.length; at += COLUMNS) {
      const s = d[at + C_SERVICE] ?? 0;
      place.serviceId = ids[s] ?? '';
      place.counterId = orNull(d[at + C_COUNTER]);
      place.staffId = orNull(d[at + C_STAFF]);
      place.issuedAt = base + (d[at + C_ISSUED_AT] ?? 0);
      const ticket: MeasuredTicket = {
        status: statusAt(d[at + C_STATUS] ?? 0),
        transferredIn: d[at + C_TRANSFERRED_IN] === 1,
        waitMs: orNull(d[at + C_WAIT]),
        serviceMs: orNull(d[at + C_SERVICE_TIME]),
        estimatedWaitMs: orNull(d[at + C_ESTIMATE]),
        targetMs: targets[s] ?? Infinity,
      };
      total.addTicket(ticket);
      for (const g of ticketGroupings) accIn(g, g.key(place)).addTicket(ticket);
      const feedback = feedbackAt(d, at);
      if (feedback) {
        total.addFeedback(feedback);
        for (const g of groupings) accIn(g, g.key(place)).addFeedback(feedback);
      }
      if (!ticket.transferredIn) {
        const hour = calendar.hour(place.issuedAt);
        const week = arrivals[calendar.weekday(place.issuedAt) - 1];
        if (week) week[hour] = (week[hour] ?? 0) + 1;
        arrivalsByHour[hour] = (arrivalsByHour[hour] ?? 0) + 1;
      }
    }
  }
  return { total, days: days.filter((x) => x.data.length > 0).length, arrivals, arrivalsByHour };
}
