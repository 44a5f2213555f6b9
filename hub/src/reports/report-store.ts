/**
 * The reads behind every report, prepared once. Tickets are read from the
 * covering index `tickets_report` (migration 008) over a range of days, so
 * a report never touches the tickets table's rows or `ticket_events`;
 * feedback is read by ticket id, between the range's first and last ticket
 * (ids only grow, and so do days), from an index that holds the answers. The
 * comments' join is fixed feedback-first (CROSS JOIN): fewer rows than the
 * range's tickets. The plans are asserted in db/migrations/008-reports.test.ts.
 */
import type { Db } from '../db/open.js';
import type { BookingStatus, TicketStatus } from '../../../shared/protocol.js';

/**
 * One ticket as a report reads it. The first four columns say where it was
 * (`Place`), which every grouping keys on. The day
 * is not read: a string per row would cost as much as the rest of the row,
 * and the local calendar gives it from `issuedAt` (report-fold.ts).
 */
export type TicketFactsRow = [
  serviceId: string,
  counterId: number | null,
  staffId: number | null,
  issuedAt: number,
  status: TicketStatus,
  parentId: number | null,
  firstCalledAt: number | null,
  startedAt: number | null,
  finishedAt: number | null,
  estimatedWaitMs: number | null,
  id: number,
];

/** A feedback row: the rated ticket's id, then the face and the survey's answers. */
export type FeedbackFactsRow = [
  ticketId: number,
  score: number,
  waitingTime: number | null,
  courtesy: number | null,
  clarity: number | null,
  askedToPayMore: number | null,
];

export interface ServiceRow {
  id: string;
  prefix: string;
  ministry_id: string;
  name_lo: string;
  name_en: string;
  fee_lak: number;
  target_minutes: number;
}

export interface CommentRow {
  id: number;
  day: string;
  at: number;
  service_id: string;
  counter_id: number | null;
  score: number;
  comment: string;
  reviewed_at: number | null;
  reviewed_by: string | null;
  version: number;
}

export const REPORT_SQL = {
  tickets: `SELECT service_id, counter_id, staff_id, issued_at, status, parent_id,
      first_called_at, started_at, finished_at, estimated_wait_ms, id
    FROM tickets WHERE day BETWEEN @from AND @to`,
  // The first and last ticket of a range: a seek to its first (last) day, then that day only.
  firstId: `SELECT min(id) AS id FROM tickets
    WHERE day = (SELECT min(day) FROM tickets WHERE day >= @from AND day <= @to)`,
  lastId: `SELECT max(id) AS id FROM tickets
    WHERE day = (SELECT max(day) FROM tickets WHERE day >= @from AND day <= @to)`,
  // The range's tickets are read anyway: feedback is matched to them by id, from its own index.
  // The same expressions as the index feedback_report, so it covers them.
  feedback: `SELECT ticket_id, score, json_extract(answers, '$.waitingTime'),
      json_extract(answers, '$.courtesy'), json_extract(answers, '$.clarity'),
      json_extract(answers, '$.askedToPayMore')
    FROM feedback INDEXED BY feedback_report WHERE ticket_id BETWEEN @firstId AND @lastId`,
  comments: `SELECT f.id, t.day, f.at, t.service_id, t.counter_id, f.score,
      json_extract(f.answers, '$.comment') AS comment, f.reviewed_at, s.name AS reviewed_by,
      f.version
    FROM feedback f CROSS JOIN tickets t ON t.id = f.ticket_id
      LEFT JOIN staff s ON s.id = f.reviewed_by
    WHERE f.ticket_id BETWEEN @firstId AND @lastId AND t.day BETWEEN @from AND @to
      AND trim(coalesce(json_extract(f.answers, '$.comment'), '')) <> ''
    ORDER BY f.at DESC, f.id DESC LIMIT @limit`,
  // Bookings are far fewer than tickets: counted straight from their (day, status) index.
  bookings: `SELECT service_id, status, count(*) AS n FROM bookings
    WHERE day BETWEEN @from AND @to GROUP BY service_id, status`,
} as const;

interface Range {
  from: string;
  to: string;
}

export function createReportStore(db: Db) {
  const tickets = db.prepare<[Range], TicketFactsRow>(REPORT_SQL.tickets).raw();
  const firstId = db.prepare<[Range], { id: number | null }>(REPORT_SQL.firstId);
  const lastId = db.prepare<[Range], { id: number | null }>(REPORT_SQL.lastId);
  const feedback = db
    .prepare<[{ firstId: number; lastId: number }], FeedbackFactsRow>(REPORT_SQL.feedback)
    .raw();
  const comments = db.prepare<
    [Range & { firstId: number; lastId: number; limit: number }],
    CommentRow
  >(REPORT_SQL.comments);
  const services = db.prepare<[], ServiceRow>(
    `SELECT id, prefix, ministry_id, name_lo, name_en, fee_lak, target_minutes FROM services
     ORDER BY sort, id`,
  );
  const bookings = db.prepare<[Range], { service_id: string; status: BookingStatus; n: number }>(
    REPORT_SQL.bookings,
  );
  const counters = db.prepare<[], { id: number; number: number }>(
    'SELECT id, number FROM counters ORDER BY number',
  );

  function idRange(range: Range) {
    const first = firstId.get(range)?.id ?? null;
    const last = lastId.get(range)?.id ?? null;
    return first === null || last === null ? null : { firstId: first, lastId: last };
  }

  return {
    tickets: (range: Range) => tickets.iterate(range),
    feedback(range: Range): FeedbackFactsRow[] {
      const ids = idRange(range);
      return ids ? feedback.all(ids) : [];
    },
    comments(range: Range, limit: number): CommentRow[] {
      const ids = idRange(range);
      return ids ? comments.all({ ...range, ...ids, limit }) : [];
    },
    services: () => services.all(),
    counters: () => counters.all(),
    /** Bookings for the days of `range`, per service and status. */
    bookings: (range: Range) => bookings.all(range),
  };
}

export type ReportStore = ReturnType<typeof createReportStore>;
