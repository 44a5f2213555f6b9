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
  /** A booked citizen's slot, minutes from midnight; null for everyone else. */
  bookedStartMin: number | null;
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
  const allWaiting = db.prepare<[], TicketRow>(
    `SELECT * FROM tickets WHERE status = 'waiting' ORDER BY queued_at, id`,
  );
  // Kept by a trigger (migration 002), so reading it costs the same at any queue length.
  const issuedToday = db.prepare<[string, string], { n: number }>(
    'SELECT issued AS n FROM issued_counts WHERE day = ? AND service_id = ?',
  );
  // The front of each class through tickets_waiting_class (migration 009), the earlier of the two.
  const frontOfQueue = db.prepare<[{ serviceId: string }], { q: number | null }>(
    `SELECT min(q) AS q FROM (
       SELECT min(queued_at) AS q FROM tickets
       WHERE status = 'waiting' AND service_id = @serviceId AND (priority = 'none') = 1
       UNION ALL
       SELECT min(queued_at) AS q FROM tickets
       WHERE status = 'waiting' AND service_id = @serviceId AND (priority = 'none') = 0)`,
  );
  // Summed in SQLite over tickets_finished: a busy hour's completions are not read one by one.
  const recentCompletions = db.prepare<
    [{ serviceId: string; since: number; now: number }],
    { n: number; oldest: number | null }
  >(
    `SELECT count(*) AS n, min(finished_at) AS oldest FROM tickets
     WHERE status = 'done' AND service_id = @serviceId AND finished_at > @since
       AND finished_at <= @now`,
  );
  return {
    allWaiting: () => allWaiting.all().map(toTicket),
    issuedToday: (day: string, serviceId: string) => issuedToday.get(day, serviceId)?.n ?? 0,
    frontOfQueue: (serviceId: string) => frontOfQueue.get({ serviceId })?.q ?? null,
    /** Completions after `sinceMs` up to `nowMs`: how many, and the oldest. */
    recentCompletions(serviceId: string, sinceMs: number, nowMs: number) {
      const row = recentCompletions.get({ serviceId, since: sinceMs, now: nowMs });
      return { count: row?.n ?? 0, oldestMs: row?.oldest ?? null };
    },
  };
}

/** The queue by class (migration 009): `normal` is 1 for priority 'none', 0 for the priority class. */
function classReads(db: Db) {
  const counts = db.prepare<[string], { waiting: number; priority_waiting: number }>(
    'SELECT waiting, priority_waiting FROM queue_counts WHERE service_id = ?',
  );
  const classHead = db.prepare<[{ serviceId: string; normal: number }], TicketRow>(
    `SELECT * FROM tickets WHERE status = 'waiting' AND service_id = @serviceId
       AND (priority = 'none') = @normal ORDER BY queued_at, id LIMIT 1`,
  );
  const classFront = db.prepare<[{ serviceId: string; normal: number; limit: number }], TicketRow>(
    `SELECT * FROM tickets WHERE status = 'waiting' AND service_id = @serviceId
       AND (priority = 'none') = @normal ORDER BY queued_at, id LIMIT @limit`,
  );
  type Place = { serviceId: string; normal: number; q: number; id: number; limit: number };
  const aheadInClass = db.prepare<[Place], { n: number }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM tickets WHERE status = 'waiting'
       AND service_id = @serviceId AND (priority = 'none') = @normal AND (queued_at, id) < (@q, @id)
       LIMIT @limit)`,
  );
  const behindInClass = db.prepare<[Place], { n: number }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM tickets WHERE status = 'waiting'
       AND service_id = @serviceId AND (priority = 'none') = @normal AND (queued_at, id) > (@q, @id)
       LIMIT @limit)`,
  );
  return {
    /** Waiting tickets of a service by class, from the counts the triggers keep. */
    waitingByClass(serviceId: string): { normal: number; priority: number } {
      const row = counts.get(serviceId);
      const priority = row?.priority_waiting ?? 0;
      return { normal: (row?.waiting ?? 0) - priority, priority };
    },
    /**
     * The tickets call-next can pick in these services: the oldest of each
     * class in each. The policy never calls a later one while these wait (it
     * is FIFO within a class), and a service's oldest overdue ticket is one of
     * them, so picking among them picks what the whole queue would.
     */
    classHeads(serviceIds: readonly string[]): Ticket[] {
      const heads: Ticket[] = [];
      for (const serviceId of serviceIds) {
        for (const normal of [1, 0]) {
          const row = classHead.get({ serviceId, normal });
          if (row) heads.push(toTicket(row));
        }
      }
      return heads;
    },
    /** The first `limit` of each class of a service, in queue order within each class. */
    classFronts(serviceId: string, limit: number): Ticket[] {
      return [1, 0].flatMap((normal) => classFront.all({ serviceId, normal, limit }).map(toTicket));
    },
    /**
     * Tickets of its class in its service queued before a waiting ticket.
     * Counted from whichever end of the class is nearer (a new ticket is at the
     * back), so it costs what the shorter side holds, not the whole queue.
     */
    aheadInClass(t: Ticket, classWaiting: number): number {
      const place = {
        serviceId: t.serviceId,
        normal: t.priority === 'none' ? 1 : 0,
        q: t.queuedAt,
        id: t.id,
      };
      for (let limit = 64; ; limit *= 4) {
        const ahead = aheadInClass.get({ ...place, limit })?.n ?? 0;
        if (ahead < limit) return ahead;
        const behind = behindInClass.get({ ...place, limit })?.n ?? 0;
        if (behind < limit) return Math.max(0, classWaiting - 1 - behind);
      }
    },
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
       issued_at, queued_at, parent_id, request_id, booked_start_min)
     VALUES (@code, @day, @number, @label, @serviceId, @priority, 'waiting', @lang, @source,
       @issuedAt, @queuedAt, @parentId, @requestId, @bookedStartMin)`,
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
  return {
    ...ticketReads(db),
    ...queueReads(db),
    ...classReads(db),
    ...callReads(db),
    ...ticketWrites(db),
  };
}

export type TicketStore = ReturnType<typeof createTicketStore>;
