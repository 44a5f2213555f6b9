/**
 * What the floor reads, kept cheap on years of history: today's figures come
 * from today's tickets only (`tickets_day_service`), the queues from
 * `queue_counts` and the waiting index, and a ticket's history from
 * `ticket_events_ticket`. No query here reads every ticket or every event;
 * test/integration/floor.test.ts holds their plans to that.
 */
import type { Db } from '../db/open.js';
import { toTicket, type TicketRow } from '../tickets/ticket-row.js';
import type { Ticket, TicketStep } from '../../../shared/protocol.js';

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
  oldest: `SELECT min(queued_at) AS q FROM tickets WHERE status = 'waiting' AND service_id = ?`,
  waiting: 'SELECT service_id, waiting FROM queue_counts',
  byLabel: 'SELECT * FROM tickets WHERE day = ? AND label = ? ORDER BY id',
  steps: `SELECT e.at, e.type, e.from_status, e.to_status, c.number AS counter_number,
      s.name AS staff_name, e.detail
    FROM ticket_events e
    LEFT JOIN counters c ON c.id = e.counter_id
    LEFT JOIN staff s ON s.id = e.staff_id
    WHERE e.ticket_id = ? ORDER BY e.id`,
  lastJob: `SELECT id FROM print_jobs WHERE ticket_id = ? ORDER BY id DESC LIMIT 1`,
} as const;

export function createFloorStore(db: Db) {
  const today = db.prepare<[string], { service_id: string; served: number; no_shows: number }>(
    FLOOR_SQL.today,
  );
  const oldest = db.prepare<[string], { q: number | null }>(FLOOR_SQL.oldest);
  const waiting = db.prepare<[], { service_id: string; waiting: number }>(FLOOR_SQL.waiting);
  const byLabel = db.prepare<[string, string], TicketRow>(FLOOR_SQL.byLabel);
  const steps = db.prepare<[number], StepRow>(FLOOR_SQL.steps);
  const lastJob = db.prepare<[number], { id: number }>(FLOOR_SQL.lastJob);

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
    oldestQueuedAt: (serviceId: string): number | null => oldest.get(serviceId)?.q ?? null,
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
  };
}

export type FloorStore = ReturnType<typeof createFloorStore>;
