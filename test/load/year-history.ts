/**
 * A year of a busy centre's history, written straight into a hub database for
 * the bench: 2,000 tickets a day for 300 days before today, on a morning-heavy
 * arrival curve with a lunch dip, about one in ten with a priority, and each
 * day's transfers (a new ticket with the same number), no-shows, cancels and
 * feedback; then today so far, with people still waiting. Every ticket has its
 * `ticket_events` rows as the hub writes them (issue, call, start, complete…),
 * so what reads history reads what a real year leaves.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../hub/src/db/open.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import { formatLabel } from '../../shared/domain/numbering.js';

export const HISTORY_DAYS = 300;
export const TICKETS_PER_DAY = 2_000;
const TODAY_SO_FAR = 1_000;
const TODAY_WAITING = 80;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Asia/Vientiane is UTC+7 all year (no summer time). */
const TZ_OFFSET_MS = 7 * HOUR_MS;
/** Arrivals per local hour from 08:00 to 16:00: a morning peak and a lunch dip. */
const HOUR_WEIGHTS = [14, 18, 16, 10, 5, 10, 12, 9, 6] as const;

/** A small deterministic generator, so two benches seed the same year. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The local midnight (epoch ms) of the day `back` days before the one `now` falls in. */
function dayStart(now: number, back: number) {
  const local = now + TZ_OFFSET_MS;
  return local - (local % (24 * HOUR_MS)) - TZ_OFFSET_MS - back * 24 * HOUR_MS;
}
const dayOf = (start: number) => new Date(start + TZ_OFFSET_MS).toISOString().slice(0, 10);

function arrivalOffsetMs(rnd: () => number): number {
  const total = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
  let pick = rnd() * total;
  let hour = 0;
  for (const w of HOUR_WEIGHTS) {
    if (pick < w) break;
    pick -= w;
    hour++;
  }
  return (8 + hour) * HOUR_MS + Math.floor(rnd() * HOUR_MS);
}

function statements(db: Db) {
  return {
    ticket: db.prepare(
      `INSERT INTO tickets (code, day, number, label, service_id, priority, status, lang, source,
         issued_at, queued_at, called_at, started_at, finished_at, counter_id, staff_id, parent_id)
       VALUES (@code, @day, @number, @label, @service, @priority, @status, 'lo', @source,
         @issued, @issued, @called, @started, @finished, @counter, @staff, @parent)`,
    ),
    event: db.prepare(
      `INSERT INTO ticket_events (ticket_id, at, type, from_status, to_status, counter_id, staff_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    feedback: db.prepare(
      'INSERT INTO feedback (ticket_id, at, score, answers) VALUES (?, ?, ?, ?)',
    ),
    series: db.prepare('INSERT INTO number_series (day, prefix, last_number) VALUES (?, ?, ?)'),
  };
}

type Q = ReturnType<typeof statements>;
type Outcome = 'done' | 'no_show' | 'cancelled' | 'transferred' | 'waiting';

function outcomeOf(r: number): Outcome {
  if (r < 0.05) return 'no_show';
  if (r < 0.07) return 'cancelled';
  if (r < 0.1) return 'transferred';
  return 'done';
}

/** One ticket and its events; returns its id. */
function writeTicket(
  q: Q,
  t: { day: string; number: number; prefix: string; service: string; issued: number },
  outcome: Outcome,
  rnd: () => number,
  parent: number | null,
): number {
  const counter = 1 + Math.floor(rnd() * 8);
  const waitMs = Math.floor((2 + rnd() * 25) * MINUTE_MS);
  const serveMs = Math.floor((3 + rnd() * 12) * MINUTE_MS);
  const called = outcome === 'waiting' || outcome === 'cancelled' ? null : t.issued + waitMs;
  const started = called !== null && outcome !== 'no_show' ? called + MINUTE_MS : null;
  const finished =
    started !== null
      ? started + serveMs
      : called !== null
        ? called + 3 * MINUTE_MS
        : outcome === 'cancelled'
          ? t.issued + waitMs
          : null;
  const at = called === null ? null : counter;
  const row = q.ticket.run({
    code: randomBytes(10).toString('base64url'),
    day: t.day,
    number: t.number,
    label: formatLabel(t.prefix, t.number),
    service: t.service,
    priority: rnd() < 0.1 ? 'elderly' : 'none',
    status: outcome,
    source: parent === null ? 'kiosk' : 'counter',
    issued: t.issued,
    called,
    started,
    finished,
    counter: at,
    staff: at,
    parent,
  });
  const id = Number(row.lastInsertRowid);
  q.event.run(id, t.issued, 'issue', null, 'waiting', parent === null ? null : counter, null);
  if (outcome === 'cancelled')
    q.event.run(id, finished, 'cancel', 'waiting', 'cancelled', null, null);
  if (called === null) return id;
  q.event.run(id, called, 'call', 'waiting', 'called', counter, counter);
  if (outcome === 'no_show') {
    q.event.run(id, finished, 'no-show', 'called', 'no_show', counter, counter);
    return id;
  }
  q.event.run(id, started, 'start', 'called', 'serving', counter, counter);
  const last = outcome === 'transferred' ? 'transfer' : 'complete';
  q.event.run(id, finished, last, 'serving', outcome, counter, counter);
  if (outcome === 'done' && rnd() < 0.1) {
    q.feedback.run(id, (finished ?? 0) + MINUTE_MS, 1 + Math.floor(rnd() * 5), '{}');
  }
  return id;
}

function writeDay(q: Q, day: string, arrivals: number[], waitingFrom: number, rnd: () => number) {
  const services = DEMO_CENTRE.services;
  const numbers = new Map<string, number>();
  arrivals.sort((a, b) => a - b);
  arrivals.forEach((issued, i) => {
    const s = services[Math.floor(rnd() * services.length)] ?? services[0];
    if (!s) return;
    const number = (numbers.get(s.prefix) ?? 0) + 1;
    numbers.set(s.prefix, number);
    const outcome = i >= waitingFrom ? 'waiting' : outcomeOf(rnd());
    const t = { day, number, prefix: s.prefix, service: s.id, issued };
    const id = writeTicket(q, t, outcome, rnd, null);
    if (outcome !== 'transferred') return;
    const to = services[Math.floor(rnd() * services.length)] ?? s;
    writeTicket(q, { ...t, service: to.id, issued: issued + 30 * MINUTE_MS }, 'done', rnd, id);
  });
  for (const [prefix, last] of numbers) q.series.run(day, prefix, last);
}

/** Seeds the history and today so far; `now` decides which day is today. */
export function seedYear(db: Db, now: number): { tickets: number; events: number } {
  const q = statements(db);
  const rnd = random(20261204);
  for (let back = HISTORY_DAYS; back >= 1; back--) {
    const start = dayStart(now, back);
    const arrivals = Array.from({ length: TICKETS_PER_DAY }, () => start + arrivalOffsetMs(rnd));
    db.transaction(() => writeDay(q, dayOf(start), arrivals, Infinity, rnd))();
  }
  // Today so far: arrivals between midnight and now, whatever time the bench runs.
  const today = dayStart(now, 0);
  const arrivals = Array.from(
    { length: TODAY_SO_FAR },
    () => today + Math.floor(rnd() * (now - today)),
  );
  db.transaction(() => writeDay(q, dayOf(today), arrivals, TODAY_SO_FAR - TODAY_WAITING, rnd))();
  const count = (table: string) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { tickets: count('tickets'), events: count('ticket_events') };
}
