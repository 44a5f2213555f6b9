/**
 * Months of made-up but plausible history for a centre (`npm run
 * seed:history`, and the reports' bench): working days only, arrivals that
 * peak mid-morning and dip at lunch, a priority mix, transfers, no-shows,
 * cancellations, tickets left at day end, and feedback. Deterministic for a
 * seed. Rows are written as the hub writes them (tickets with their audit
 * events), a day per transaction, oldest first, so ids grow with days.
 */
import type { Db } from '../db/open.js';
import { createDailyRecords } from '../reports/daily-records.js';
import { createReports } from '../reports/reports.js';
import { formatLabel } from '../../../shared/domain/numbering.js';
import type { Priority, TicketStatus } from '../../../shared/protocol.js';

export interface HistoryOptions {
  days: number;
  perDay: number;
  /** The last service day seeded (`YYYY-MM-DD`); days before it go back from here. */
  lastDay: string;
  /** UTC offset of the centre's wall clock, in minutes (Vientiane: +420). */
  utcOffsetMinutes?: number;
  seed?: number;
}

const MIN = 60_000;
/** Relative arrivals per half hour from 08:00 to 16:00: a morning peak, a lunch dip. */
const ARRIVAL_WEIGHTS = [6, 10, 12, 12, 11, 10, 8, 6, 3, 3, 6, 8, 8, 6, 4, 2];
const PRIORITIES: [Priority, number][] = [
  ['none', 0.85],
  ['elderly', 0.06],
  ['disability', 0.03],
  ['pregnant', 0.02],
  ['monk', 0.02],
  ['appointment', 0.02],
];
const FACE_WEIGHTS = [0.05, 0.08, 0.17, 0.35, 0.35];
const COMMENTS = [
  'ພະນັກງານສຸພາບ ບໍລິການໄວ',
  'ລໍຖ້າດົນເກີນໄປ',
  'Clear explanation of the documents needed',
  'The queue screen was easy to follow',
];

/** mulberry32: small, fast, and the same sequence for the same seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, weighted: [T, number][]): T {
  let r = rand() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of weighted) {
    r -= w;
    if (r <= 0) return value;
  }
  return (weighted.at(-1) as [T, number])[0];
}

/** Working days (Monday to Friday) ending at `lastDay`, oldest first. */
export function workingDays(lastDay: string, count: number): string[] {
  const days: string[] = [];
  for (let d = Date.parse(`${lastDay}T00:00:00Z`); days.length < count; d -= 86_400_000) {
    const weekday = new Date(d).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(new Date(d).toISOString().slice(0, 10));
  }
  return days.reverse();
}

interface Setup {
  services: { id: string; prefix: string; target: number; weight: number }[];
  /** Service → counters serving it, with the clerk who works each. */
  desks: Map<string, { counterId: number; staffId: number | null }[]>;
}

function readSetup(db: Db, rand: () => number): Setup {
  const services = db
    .prepare<[], { id: string; prefix: string; target_minutes: number }>(
      'SELECT id, prefix, target_minutes FROM services ORDER BY sort, id',
    )
    .all()
    .map((s) => ({ id: s.id, prefix: s.prefix, target: s.target_minutes, weight: 0.3 + rand() }));
  const rows = db
    .prepare<[], { service_id: string; counter_id: number; staff_id: number | null }>(
      `SELECT cs.service_id, cs.counter_id,
         (SELECT min(sc.staff_id) FROM staff_counters sc WHERE sc.counter_id = cs.counter_id) AS staff_id
       FROM counter_services cs ORDER BY cs.rank`,
    )
    .all();
  const desks = new Map<string, { counterId: number; staffId: number | null }[]>();
  for (const r of rows) {
    const list = desks.get(r.service_id) ?? [];
    list.push({ counterId: r.counter_id, staffId: r.staff_id });
    desks.set(r.service_id, list);
  }
  return { services, desks };
}

function statements(db: Db) {
  return {
    ticket: db.prepare(
      `INSERT INTO tickets (code, day, number, label, service_id, priority, status, lang, source,
         issued_at, queued_at, called_at, started_at, finished_at, counter_id, staff_id,
         parent_id, estimated_wait_ms, first_called_at)
       VALUES (@code, @day, @number, @label, @serviceId, @priority, @status, @lang, 'kiosk',
         @issuedAt, @issuedAt, @calledAt, @startedAt, @finishedAt, @counterId, @staffId,
         @parentId, @estimatedWaitMs, @calledAt)`,
    ),
    event: db.prepare<
      [number, number, string, string | null, string, number | null, number | null]
    >(
      `INSERT INTO ticket_events (ticket_id, at, type, from_status, to_status, counter_id, staff_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    feedback: db.prepare<[number, number, number, string]>(
      'INSERT INTO feedback (ticket_id, at, score, answers) VALUES (?, ?, ?, ?)',
    ),
    series: db.prepare<[string, string, number]>(
      `INSERT INTO number_series (day, prefix, last_number) VALUES (?, ?, ?)
       ON CONFLICT (day, prefix) DO UPDATE SET last_number = excluded.last_number`,
    ),
  };
}

type Statements = ReturnType<typeof statements>;

interface Visit {
  day: string;
  serviceId: string;
  target: number;
  label: string;
  number: number;
  priority: Priority;
  issuedAt: number;
  parentId: number | null;
  desk: { counterId: number; staffId: number | null };
  ending: TicketStatus;
}

/** One ticket with its events; returns its id and when it ended. */
function writeVisit(s: Statements, rand: () => number, v: Visit, n: number) {
  const busy = 0.4 + (ARRIVAL_WEIGHTS[Math.floor(((v.issuedAt / MIN) % 1440) / 30) % 16] ?? 6) / 8;
  const waitMs = Math.round(v.target * MIN * busy * (0.2 + rand() * 1.6));
  const called = v.ending !== 'cancelled' && v.ending !== 'expired';
  const calledAt = called ? v.issuedAt + waitMs : null;
  const served = v.ending === 'done' || v.ending === 'transferred';
  const startedAt =
    served && calledAt !== null ? calledAt + 30_000 + Math.round(rand() * 60_000) : null;
  const serviceMs = Math.round(v.target * MIN * (0.3 + rand()));
  const finishedAt =
    startedAt !== null
      ? startedAt + serviceMs
      : calledAt !== null
        ? calledAt + 3 * MIN
        : v.issuedAt + 40 * MIN;
  const at = called ? v.desk : { counterId: null, staffId: null };
  const id = Number(
    s.ticket.run({
      code: `h${n.toString(36).padStart(12, '0')}`,
      day: v.day,
      number: v.number,
      label: v.label,
      serviceId: v.serviceId,
      priority: v.priority,
      status: v.ending,
      lang: rand() < 0.8 ? 'lo' : 'en',
      issuedAt: v.issuedAt,
      calledAt,
      startedAt,
      finishedAt: v.ending === 'expired' ? null : finishedAt,
      counterId: at.counterId,
      staffId: at.staffId,
      parentId: v.parentId,
      estimatedWaitMs: v.parentId === null ? Math.round(waitMs * (0.6 + rand() * 0.9)) : null,
    }).lastInsertRowid,
  );
  s.event.run(id, v.issuedAt, 'issue', null, 'waiting', null, null);
  if (calledAt !== null)
    s.event.run(id, calledAt, 'call', 'waiting', 'called', at.counterId, at.staffId);
  if (startedAt !== null)
    s.event.run(id, startedAt, 'start', 'called', 'serving', at.counterId, at.staffId);
  const last = {
    done: 'complete',
    no_show: 'no-show',
    transferred: 'transfer',
    cancelled: 'cancel',
  } as const;
  const type = last[v.ending as keyof typeof last];
  if (type)
    s.event.run(
      id,
      finishedAt,
      type,
      startedAt !== null ? 'serving' : 'waiting',
      v.ending,
      at.counterId,
      at.staffId,
    );
  return { id, finishedAt };
}

function writeFeedback(s: Statements, rand: () => number, ticketId: number, at: number) {
  const face = () =>
    pick(
      rand,
      FACE_WEIGHTS.map((w, i) => [i + 1, w] as [number, number]),
    );
  const answers: Record<string, unknown> = {};
  if (rand() < 0.7) answers.waitingTime = face();
  if (rand() < 0.7) answers.courtesy = face();
  if (rand() < 0.7) answers.clarity = face();
  if (rand() < 0.8) answers.askedToPayMore = rand() < 0.04;
  if (rand() < 0.03) answers.comment = COMMENTS[Math.floor(rand() * COMMENTS.length)];
  s.feedback.run(ticketId, at + 2 * MIN, face(), JSON.stringify(answers));
}

function ending(rand: () => number): TicketStatus {
  const r = rand();
  return r < 0.05
    ? 'no_show'
    : r < 0.07
      ? 'cancelled'
      : r < 0.1
        ? 'transferred'
        : r < 0.12
          ? 'expired'
          : 'done';
}

/** Arrival times of one day, in order: the day's curve, a random minute in each half hour. */
function arrivalsOf(rand: () => number, day: string, perDay: number, offsetMs: number) {
  const opensAt = Date.parse(`${day}T08:00:00Z`) - offsetMs;
  const slots = ARRIVAL_WEIGHTS.map((w, i) => [i, w] as [number, number]);
  return Array.from(
    { length: perDay },
    () => opensAt + pick(rand, slots) * 30 * MIN + Math.floor(rand() * 30 * MIN),
  ).sort((a, b) => a - b);
}

function seedDay(
  s: Statements,
  setup: Setup,
  rand: () => number,
  day: string,
  perDay: number,
  offsetMs: number,
  counter: { n: number },
) {
  const weighted = setup.services.map((x) => [x, x.weight] as [Setup['services'][number], number]);
  const arrivals = arrivalsOf(rand, day, perDay, offsetMs);
  const numbers = new Map<string, number>();
  const next = (prefix: string) => {
    const n = (numbers.get(prefix) ?? 0) + 1;
    numbers.set(prefix, n);
    return n;
  };
  for (const issuedAt of arrivals) {
    const svc = pick(rand, weighted);
    const desks = setup.desks.get(svc.id) ?? [];
    const desk = desks[Math.floor(rand() * desks.length)] ?? { counterId: 1, staffId: null };
    const number = next(svc.prefix);
    const visit: Visit = {
      day,
      serviceId: svc.id,
      target: svc.target,
      label: formatLabel(svc.prefix, number),
      number,
      priority: pick(rand, PRIORITIES),
      issuedAt,
      parentId: null,
      desk,
      ending: ending(rand),
    };
    const first = writeVisit(s, rand, visit, counter.n++);
    let done = visit.ending === 'done' ? first : null;
    if (visit.ending === 'transferred') {
      const to = pick(rand, weighted);
      const toDesks = setup.desks.get(to.id) ?? [];
      done = writeVisit(
        s,
        rand,
        {
          ...visit,
          serviceId: to.id,
          target: to.target,
          issuedAt: first.finishedAt,
          parentId: first.id,
          desk: toDesks[Math.floor(rand() * toDesks.length)] ?? desk,
          ending: 'done',
        },
        counter.n++,
      );
    }
    if (done && rand() < 0.2) writeFeedback(s, rand, done.id, done.finishedAt);
  }
  for (const [prefix, last] of numbers) s.series.run(day, prefix, last);
}

/** Seeds the history and writes every day's daily record; returns the days seeded. */
export function seedHistory(db: Db, opts: HistoryOptions): string[] {
  const rand = random(opts.seed ?? 1);
  const setup = readSetup(db, rand);
  const s = statements(db);
  const offsetMs = (opts.utcOffsetMinutes ?? 420) * MIN;
  const days = workingDays(opts.lastDay, opts.days);
  const counter = {
    n: Number((db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n),
  };
  for (const day of days) {
    db.transaction(() => seedDay(s, setup, rand, day, opts.perDay, offsetMs, counter))();
  }
  const records = createDailyRecords(db, createReports(db));
  const next = new Date(Date.parse(`${opts.lastDay}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
  db.transaction(() => records.writeBefore(next))();
  return days;
}
