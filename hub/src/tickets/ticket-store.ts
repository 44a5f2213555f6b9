/**
 * Every SQL statement about tickets, prepared once: single tickets, the
 * queues, today's calls, and the writes of the lifecycle.
 */
import type { Db } from '../db/open.js';
import { toTicket, type TicketRow } from './ticket-row.js';
import type {
  Lang,
  Priority,
  Ticket,
  TicketSource,
  TicketStatus,
} from '../../../shared/protocol.js';

export interface NewTicket {
  code: string;
  day: string;
  number: number;
  label: string;
  serviceId: string;
  priority: Priority;
  lang: Lang;
  source: TicketSource;
  issuedAt: number;
  queuedAt: number;
  parentId: number | null;
  requestId: string | null;
}

export interface TicketEventRow {
  ticketId: number;
  at: number;
  type: string;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus;
  counterId: number | null;
  staffId: number | null;
  deviceId: number | null;
  detail: string | null;
}

export interface CallRow {
  ticket_id: number;
  at: number;
  counter_id: number;
  label: string;
  service_id: string;
}

const one = (row: TicketRow | undefined) => (row ? toTicket(row) : undefined);

/** Single tickets, by what identifies them. */
function ticketReads(db: Db) {
  const byId = db.prepare<[number], TicketRow>('SELECT * FROM tickets WHERE id = ?');
  const byCode = db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE code = ?');
  const byRequest = db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE request_id = ?');
  const childOf = db.prepare<[number], { id: number }>(
    'SELECT id FROM tickets WHERE parent_id = ? ORDER BY id DESC LIMIT 1',
  );
  const held = db.prepare<[], TicketRow>(
    `SELECT * FROM tickets WHERE status IN ('called', 'serving', 'parked') ORDER BY id`,
  );
  const openFromOtherDays = db.prepare<[string], TicketRow>(
    `SELECT * FROM tickets WHERE status IN ('waiting', 'called', 'parked') AND day <> ?`,
  );
  return {
    byId: (id: number) => one(byId.get(id)),
    byCode: (code: string) => one(byCode.get(code)),
    byRequest: (requestId: string) => one(byRequest.get(requestId)),
    /** The newest ticket of a transfer chain that starts at `ticket`. */
    latestOf(ticket: Ticket): Ticket {
      let current = ticket;
      for (let child = childOf.get(current.id); child; child = childOf.get(current.id)) {
        const next = one(byId.get(child.id));
        if (!next) break;
        current = next;
      }
      return current;
    },
    /** Tickets at a counter or on hold there, for counter and console snapshots. */
    held: () => held.all().map(toTicket),
    openFromOtherDays: (day: string) => openFromOtherDays.all(day).map(toTicket),
  };
}

/** The queues: who waits, how many, where the front is. */
function queueReads(db: Db) {
  const waitingIn = db.prepare<[string], TicketRow>(
    `SELECT * FROM tickets WHERE status = 'waiting' AND service_id = ? ORDER BY queued_at, id`,
  );
  const allWaiting = db.prepare<[], TicketRow>(
    `SELECT * FROM tickets WHERE status = 'waiting' ORDER BY queued_at, id`,
  );
  // Both counts are kept by triggers (migration 002), so reading them costs the same at any queue length.
  const waitingCount = db.prepare<[string], { n: number }>(
    'SELECT waiting AS n FROM queue_counts WHERE service_id = ?',
  );
  const issuedToday = db.prepare<[string, string], { n: number }>(
    'SELECT issued AS n FROM issued_counts WHERE day = ? AND service_id = ?',
  );
  const aheadOf = db.prepare<[string, number, number, number], { n: number }>(
    `SELECT count(*) AS n FROM tickets WHERE status = 'waiting' AND service_id = ?
       AND (queued_at < ? OR (queued_at = ? AND id < ?))`,
  );
  const frontOfQueue = db.prepare<[string], { q: number | null }>(
    `SELECT min(queued_at) AS q FROM tickets WHERE status = 'waiting' AND service_id = ?`,
  );
  const completedSince = db.prepare<[string, number], { finished_at: number }>(
    `SELECT finished_at FROM tickets WHERE status = 'done' AND service_id = ? AND finished_at > ?`,
  );
  return {
    waitingIn: (serviceId: string) => waitingIn.all(serviceId).map(toTicket),
    allWaiting: () => allWaiting.all().map(toTicket),
    waitingCount: (serviceId: string) => waitingCount.get(serviceId)?.n ?? 0,
    issuedToday: (day: string, serviceId: string) => issuedToday.get(day, serviceId)?.n ?? 0,
    peopleAhead: (t: Ticket) => aheadOf.get(t.serviceId, t.queuedAt, t.queuedAt, t.id)?.n ?? 0,
    frontOfQueue: (serviceId: string) => frontOfQueue.get(serviceId)?.q ?? null,
    completedSince: (serviceId: string, sinceMs: number) =>
      completedSince.all(serviceId, sinceMs).map((r) => r.finished_at),
  };
}

/** Today's calls, newest first. */
function callReads(db: Db) {
  // Ticket ids only grow, so today's events all belong to tickets from today's first id
  // on: the range keeps these to today's rows instead of the whole history.
  const recentCallPriorities = db.prepare<
    [{ serviceId: string; day: string; limit: number }],
    { priority: Priority }
  >(
    `SELECT t.priority FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
     WHERE e.ticket_id >= (SELECT min(id) FROM tickets WHERE day = @day)
       AND e.type IN ('call', 'recall') AND e.type = 'call' -- the IN lets SQLite use the partial index
       AND t.service_id = @serviceId AND t.day = @day
     ORDER BY e.id DESC LIMIT @limit`,
  );
  const recentCalls = db.prepare<[{ day: string; limit: number }], CallRow>(
    `SELECT e.ticket_id, e.at, e.counter_id, t.label, t.service_id
     FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
     WHERE e.ticket_id >= (SELECT min(id) FROM tickets WHERE day = @day)
       AND e.type IN ('call', 'recall') AND t.day = @day
     ORDER BY e.id DESC LIMIT @limit`,
  );
  return {
    recentCallPriorities: (serviceId: string, day: string, limit: number) =>
      recentCallPriorities.all({ serviceId, day, limit }).map((r) => r.priority),
    recentCalls: (day: string, limit: number) => recentCalls.all({ day, limit }),
  };
}

/** The lifecycle's writes. */
function ticketWrites(db: Db) {
  const insert = db.prepare<[NewTicket]>(
    `INSERT INTO tickets (code, day, number, label, service_id, priority, status, lang, source,
       issued_at, queued_at, parent_id, request_id)
     VALUES (@code, @day, @number, @label, @serviceId, @priority, 'waiting', @lang, @source,
       @issuedAt, @queuedAt, @parentId, @requestId)`,
  );
  const byId = db.prepare<[number], TicketRow>('SELECT * FROM tickets WHERE id = ?');
  const nextNumber = db.prepare<[string, string], { last_number: number }>(
    `INSERT INTO number_series (day, prefix, last_number) VALUES (?, ?, 1)
     ON CONFLICT (day, prefix) DO UPDATE SET last_number = last_number + 1
     RETURNING last_number`,
  );
  const update = db.prepare<[Ticket]>(
    `UPDATE tickets SET status = @status, called_at = @calledAt, started_at = @startedAt,
       finished_at = @finishedAt, counter_id = @counterId, staff_id = @staffId,
       recalls = @recalls, queued_at = @queuedAt
     WHERE id = @id`,
  );
  const insertEvent = db.prepare<[TicketEventRow]>(
    `INSERT INTO ticket_events (ticket_id, at, type, from_status, to_status, counter_id,
       staff_id, device_id, detail)
     VALUES (@ticketId, @at, @type, @fromStatus, @toStatus, @counterId, @staffId, @deviceId,
       @detail)`,
  );
  const setEstimatedWait = db.prepare<[number | null, number]>(
    'UPDATE tickets SET estimated_wait_ms = ? WHERE id = ?',
  );
  return {
    /** The wait the citizen was told at issue (migration 008), for the reports. */
    setEstimatedWait: (id: number, ms: number | null) =>
      void setEstimatedWait.run(ms === null ? null : Math.round(ms), id),
    insert(t: NewTicket): Ticket {
      const ticket = one(byId.get(Number(insert.run(t).lastInsertRowid)));
      if (!ticket) throw new Error('inserted ticket vanished');
      return ticket;
    },
    nextNumber(day: string, prefix: string): number {
      const row = nextNumber.get(day, prefix);
      if (!row) throw new Error('number series did not return a number');
      return row.last_number;
    },
    update: (t: Ticket) => void update.run(t),
    insertEvent: (e: TicketEventRow) => void insertEvent.run(e),
  };
}

export function createTicketStore(db: Db) {
  return { ...ticketReads(db), ...queueReads(db), ...callReads(db), ...ticketWrites(db) };
}

export type TicketStore = ReturnType<typeof createTicketStore>;
