/**
 * What the floor reads, kept cheap on years of history: today's figures come
 * from today's tickets only (`tickets_day_service`), the queues from
 * `queue_counts` and the waiting index, and a ticket's history from
 * `ticket_events_ticket`. No query here reads every ticket or every event;
 * test/integration/floor.test.ts holds their plans to that.
 */
import type { Db } from '../db/open.js';
import { toTicket, type TicketRow } from '../tickets/ticket-row.js';
import {
  DEFAULT_BOOKING_SETTINGS,
  type BookingStatus,
  type Ticket,
  type TicketStep,
} from '../../../shared/protocol.js';

interface StepRow {
  at: number;
  type: string;
  from_status: string | null;
  to_status: string;
  counter_number: number | null;
  staff_name: string | null;
  detail: string | null;
}

export const FLOOR_SQL = {
  today: `SELECT service_id, sum(status = 'done') AS served, sum(status = 'no_show') AS no_shows
    FROM tickets WHERE day = ? GROUP BY service_id`,
  // The front of each class, the earlier of the two: each is the first entry of its part of
  // tickets_waiting_class (migration 009), where a min over the whole service reads all of it.
  oldest: `SELECT min(q) AS q FROM (
      SELECT min(queued_at) AS q FROM tickets
      WHERE status = 'waiting' AND service_id = ? AND (priority = 'none') = 1
      UNION ALL
      SELECT min(queued_at) AS q FROM tickets
      WHERE status = 'waiting' AND service_id = ? AND (priority = 'none') = 0)`,
  waiting: 'SELECT service_id, waiting FROM queue_counts',
  byLabel: 'SELECT * FROM tickets WHERE day = ? AND label = ? ORDER BY id',
  steps: `SELECT e.at, e.type, e.from_status, e.to_status, c.number AS counter_number,
      s.name AS staff_name, e.detail
    FROM ticket_events e
    LEFT JOIN counters c ON c.id = e.counter_id
    LEFT JOIN staff s ON s.id = e.staff_id
    WHERE e.ticket_id = ? ORDER BY e.id`,
  lastJob: `SELECT id FROM print_jobs WHERE ticket_id = ? ORDER BY id DESC LIMIT 1`,
  // A day's bookings by status, the open ones split by whether their window has closed
  // (booking_settings is one row per service, searched by its key).
  bookings: `SELECT b.service_id, b.status, count(*) AS n,
      sum(b.status = 'booked' AND b.starts_at
        + coalesce(s.late_minutes, ${DEFAULT_BOOKING_SETTINGS.lateMinutes}) * 60000 <= ?) AS missed
    FROM bookings b LEFT JOIN booking_settings s ON s.service_id = b.service_id
    WHERE b.day = ? GROUP BY b.service_id, b.status`,
} as const;

/** Bookings of one service on one day with one status; `missed`: open, window closed. */
export interface BookingStatusRow {
  service_id: string;
  status: BookingStatus;
  n: number;
  missed: number;
}

export function createFloorStore(db: Db) {
  const today = db.prepare<[string], { service_id: string; served: number; no_shows: number }>(
    FLOOR_SQL.today,
  );
  const oldest = db.prepare<[string, string], { q: number | null }>(FLOOR_SQL.oldest);
  const waiting = db.prepare<[], { service_id: string; waiting: number }>(FLOOR_SQL.waiting);
  const byLabel = db.prepare<[string, string], TicketRow>(FLOOR_SQL.byLabel);
  const steps = db.prepare<[number], StepRow>(FLOOR_SQL.steps);
  const lastJob = db.prepare<[number], { id: number }>(FLOOR_SQL.lastJob);
  const bookings = db.prepare<[number, string], BookingStatusRow>(FLOOR_SQL.bookings);

  return {
    /** Per service: tickets served and no-shows on `day`. */
    today(day: string): Map<string, { served: number; noShows: number }> {
      return new Map(
        today.all(day).map((r) => [r.service_id, { served: r.served, noShows: r.no_shows }]),
      );
    },
    /** Per service: people waiting now (kept by triggers, migration 002). */
    waiting: (): Map<string, number> =>
      new Map(waiting.all().map((r) => [r.service_id, r.waiting])),
    /** The longest wait's start in a service: the earlier of its two class fronts. */
    oldestQueuedAt: (serviceId: string): number | null =>
      oldest.get(serviceId, serviceId)?.q ?? null,
    byLabel: (day: string, label: string): Ticket[] => byLabel.all(day, label).map(toTicket),
    steps: (ticketId: number): TicketStep[] =>
      steps.all(ticketId).map((r) => ({
        at: r.at,
        type: r.type,
        fromStatus: r.from_status,
        toStatus: r.to_status,
        counterNumber: r.counter_number,
        staffName: r.staff_name,
        detail: r.detail,
      })),
    /** The newest slip printed (or to be printed) for a ticket; null when it never had one. */
    lastJob: (ticketId: number): number | null => lastJob.get(ticketId)?.id ?? null,
    /** `day`'s bookings per service and status, as of `now`. */
    bookings: (day: string, now: number): BookingStatusRow[] => bookings.all(now, day),
  };
}

export type FloorStore = ReturnType<typeof createFloorStore>;
