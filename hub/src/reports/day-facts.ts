/**
 * Per-day facts: every ticket of a finished day, packed once into one blob
 * of 32-bit integers (`report_days`, migration 008) with the times measured
 * as docs/mne.md defines them, and its feedback beside it. A report over a
 * year reads 300 blobs instead of 600,000 rows; a day without a blob (today,
 * or one not rolled yet) is packed from the covering index when asked. Both
 * give the same `DayFacts`, so there is one fold (report-fold.ts) and a day
 * counts the same either way.
 *
 * A blob is written at the day roll, and again when feedback arrives for a
 * ticket of a day already packed (a citizen may rate the next morning).
 */
import type { Db } from '../db/open.js';
import { measure, type FeedbackFacts } from '../../../shared/domain/report-figures.js';
import { TICKET_STATUSES, type TicketStatus } from '../../../shared/protocol.js';
import type { FeedbackFactsRow, ReportStore, TicketFactsRow } from './report-store.js';

/** Columns of one packed ticket, in order. */
export const FACT = {
  service: 0,
  counter: 1,
  staff: 2,
  status: 3,
  transferredIn: 4,
  /** Issued at, in ms after the blob's `base`. */
  issuedAt: 5,
  wait: 6,
  serviceTime: 7,
  estimate: 8,
  score: 9,
  waitingTime: 10,
  courtesy: 11,
  clarity: 12,
  payMore: 13,
} as const;
export const FACT_COLUMNS = 14;
/** An absent value (never called, no estimate, no answer). */
export const NONE = -1;

export interface DayFacts {
  /** Service ids the `service` column indexes. */
  services: string[];
  /** Epoch ms that `issuedAt` counts from. */
  base: number;
  data: Int32Array;
}

const STATUS_CODE = new Map<TicketStatus, number>(TICKET_STATUSES.map((s, i) => [s, i]));
export const statusOf = (code: number): TicketStatus => TICKET_STATUSES[code] ?? 'waiting';

const orNone = (v: number | null) => (v === null ? NONE : v);

function packFeedback(data: Int32Array, at: number, f: FeedbackFacts | undefined) {
  data[at + FACT.score] = f?.score ?? 0;
  data[at + FACT.waitingTime] = f?.waitingTime ?? NONE;
  data[at + FACT.courtesy] = f?.courtesy ?? NONE;
  data[at + FACT.clarity] = f?.clarity ?? NONE;
  data[at + FACT.payMore] =
    f?.askedToPayMore === undefined || f.askedToPayMore === null ? NONE : f.askedToPayMore ? 1 : 0;
}

export const feedbackFacts = (row: FeedbackFactsRow): FeedbackFacts => ({
  score: row[1],
  waitingTime: row[2],
  courtesy: row[3],
  clarity: row[4],
  askedToPayMore: row[5] === null ? null : row[5] === 1,
});

/** Packs one day's rows (the target is applied when folding: it may change later). */
export function pack(rows: TicketFactsRow[], feedback: FeedbackFactsRow[]): DayFacts {
  const rated = new Map(feedback.map((r) => [r[0], feedbackFacts(r)]));
  const services: string[] = [];
  const serviceIndex = new Map<string, number>();
  const base = rows.reduce((min, r) => Math.min(min, r[3]), Infinity);
  const data = new Int32Array(rows.length * FACT_COLUMNS);
  rows.forEach((r, i) => {
    let s = serviceIndex.get(r[0]);
    if (s === undefined) serviceIndex.set(r[0], (s = services.push(r[0]) - 1));
    const m = measure({
      status: r[4],
      transferredIn: r[5] !== null,
      issuedAt: r[3],
      firstCalledAt: r[6],
      startedAt: r[7],
      finishedAt: r[8],
      estimatedWaitMs: r[9],
      targetMs: 0,
    });
    const at = i * FACT_COLUMNS;
    data[at + FACT.service] = s;
    data[at + FACT.counter] = orNone(r[1]);
    data[at + FACT.staff] = orNone(r[2]);
    data[at + FACT.status] = STATUS_CODE.get(r[4]) ?? 0;
    data[at + FACT.transferredIn] = m.transferredIn ? 1 : 0;
    data[at + FACT.issuedAt] = r[3] - base;
    data[at + FACT.wait] = orNone(m.waitMs);
    data[at + FACT.serviceTime] = orNone(m.serviceMs);
    data[at + FACT.estimate] = orNone(m.estimatedWaitMs);
    packFeedback(data, at, rated.get(r[10]));
  });
  return { services, base: rows.length === 0 ? 0 : base, data };
}

interface StoredRow {
  day: string;
  base: number;
  services: string;
  facts: Buffer;
}

const toFacts = (r: StoredRow): DayFacts => ({
  services: JSON.parse(r.services) as string[],
  base: r.base,
  // A copy, aligned for the view (a Buffer's offset into its pool may not be).
  data: new Int32Array(new Uint8Array(r.facts).buffer),
});

export function createDayFacts(db: Db, store: ReportStore) {
  const stored = db.prepare<[string, string], StoredRow>(
    'SELECT day, base, services, facts FROM report_days WHERE day BETWEEN ? AND ? ORDER BY day',
  );
  const upsert = db.prepare<[string, number, string, Buffer]>(
    `INSERT INTO report_days (day, base, services, facts) VALUES (?, ?, ?, ?)
     ON CONFLICT (day) DO UPDATE SET base = excluded.base, services = excluded.services,
       facts = excluded.facts`,
  );
  const packed = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM report_days WHERE day = ?',
  );
  // Each step a seek on the day index: the next day in the range that has tickets.
  const nextDay = db.prepare<[string, string], { day: string }>(
    'SELECT day FROM tickets WHERE day > ? AND day <= ? ORDER BY day LIMIT 1',
  );

  function live(day: string): DayFacts {
    const range = { from: day, to: day };
    return pack([...store.tickets(range)], store.feedback(range));
  }

  return {
    live,
    /** Packs a finished day and keeps it; call inside the roll's transaction. */
    write(day: string): void {
      const facts = live(day);
      upsert.run(day, facts.base, JSON.stringify(facts.services), Buffer.from(facts.data.buffer));
    },
    /** A day's feedback changed: packs it again if it is packed already. */
    refresh(day: string): void {
      if ((packed.get(day)?.n ?? 0) > 0) this.write(day);
    },
    /** Every day of the range that has tickets, packed or read now. */
    range(from: string, to: string): DayFacts[] {
      const kept = new Map(stored.all(from, to).map((r) => [r.day, toFacts(r)]));
      const out: DayFacts[] = [];
      for (let day = nextDay.get(prevDay(from), to)?.day ?? null; day !== null;) {
        out.push(kept.get(day) ?? live(day));
        day = nextDay.get(day, to)?.day ?? null;
      }
      return out;
    },
  };
}

/** The day before (as text; `day > prevDay(from)` includes `from`). */
const prevDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export type DayFactsStore = ReturnType<typeof createDayFacts>;
