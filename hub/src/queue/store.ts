/**
 * Every SQL statement of the queue, prepared once. Rows are mapped to the
 * protocol's types here and nowhere else.
 */
import type { Db } from '../db/open.js';
import type {
  CounterStatus,
  Lang,
  PauseReason,
  Priority,
  Ticket,
  TicketSource,
  TicketStatus,
} from '../../../shared/protocol.js';

interface TicketRow {
  id: number;
  code: string;
  day: string;
  number: number;
  label: string;
  service_id: string;
  priority: Priority;
  status: TicketStatus;
  lang: Lang;
  source: TicketSource;
  issued_at: number;
  queued_at: number;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  counter_id: number | null;
  staff_id: number | null;
  recalls: number;
  parent_id: number | null;
}

export interface CounterRow {
  id: number;
  number: number;
  name_lo: string;
  name_en: string;
  status: CounterStatus;
  pause_reason: PauseReason | null;
  staff_id: number | null;
}

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

function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    code: r.code,
    day: r.day,
    number: r.number,
    label: r.label,
    serviceId: r.service_id,
    priority: r.priority,
    status: r.status,
    lang: r.lang,
    source: r.source,
    issuedAt: r.issued_at,
    queuedAt: r.queued_at,
    calledAt: r.called_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    counterId: r.counter_id,
    staffId: r.staff_id,
    recalls: r.recalls,
    parentId: r.parent_id,
  };
}

const OPEN_STATUSES = "('waiting', 'called', 'parked')";

export function createStore(db: Db) {
  const q = {
    ticketById: db.prepare<[number], TicketRow>('SELECT * FROM tickets WHERE id = ?'),
    ticketByCode: db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE code = ?'),
    ticketByRequest: db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE request_id = ?'),
    childOf: db.prepare<[number], { id: number }>(
      'SELECT id FROM tickets WHERE parent_id = ? ORDER BY id DESC LIMIT 1',
    ),
    insertTicket: db.prepare(
      `INSERT INTO tickets (code, day, number, label, service_id, priority, status, lang, source,
         issued_at, queued_at, parent_id, request_id)
       VALUES (@code, @day, @number, @label, @serviceId, @priority, 'waiting', @lang, @source,
         @issuedAt, @queuedAt, @parentId, @requestId)`,
    ),
    nextNumber: db.prepare<[string, string], { last_number: number }>(
      `INSERT INTO number_series (day, prefix, last_number) VALUES (?, ?, 1)
       ON CONFLICT (day, prefix) DO UPDATE SET last_number = last_number + 1
       RETURNING last_number`,
    ),
    updateTicket: db.prepare(
      `UPDATE tickets SET status = @status, called_at = @calledAt, started_at = @startedAt,
         finished_at = @finishedAt, counter_id = @counterId, staff_id = @staffId,
         recalls = @recalls, queued_at = @queuedAt
       WHERE id = @id`,
    ),
    insertEvent: db.prepare(
      `INSERT INTO ticket_events (ticket_id, at, type, from_status, to_status, counter_id,
         staff_id, device_id, detail)
       VALUES (@ticketId, @at, @type, @fromStatus, @toStatus, @counterId, @staffId, @deviceId,
         @detail)`,
    ),
    waitingIn: db.prepare<[string], TicketRow>(
      `SELECT * FROM tickets WHERE status = 'waiting' AND service_id = ?
       ORDER BY queued_at, id`,
    ),
    allWaiting: db.prepare<[], TicketRow>(
      `SELECT * FROM tickets WHERE status = 'waiting' ORDER BY queued_at, id`,
    ),
    // Both counts are kept by triggers (migration 002), so reading them costs the same at any queue length.
    waitingCount: db.prepare<[string], { n: number }>(
      'SELECT waiting AS n FROM queue_counts WHERE service_id = ?',
    ),
    aheadOf: db.prepare<[string, number, number, number], { n: number }>(
      `SELECT count(*) AS n FROM tickets WHERE status = 'waiting' AND service_id = ?
         AND (queued_at < ? OR (queued_at = ? AND id < ?))`,
    ),
    frontOfQueue: db.prepare<[string], { q: number | null }>(
      `SELECT min(queued_at) AS q FROM tickets WHERE status = 'waiting' AND service_id = ?`,
    ),
    issuedToday: db.prepare<[string, string], { n: number }>(
      'SELECT issued AS n FROM issued_counts WHERE day = ? AND service_id = ?',
    ),
    completedSince: db.prepare<[string, number], { finished_at: number }>(
      `SELECT finished_at FROM tickets WHERE status = 'done' AND service_id = ? AND finished_at > ?`,
    ),
    recentCallPriorities: db.prepare<
      [{ serviceId: string; day: string; limit: number }],
      { priority: Priority }
    >(
      `SELECT t.priority FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
       WHERE e.ticket_id >= (SELECT min(id) FROM tickets WHERE day = @day)
         AND e.type IN ('call', 'recall') AND e.type = 'call' -- the IN lets SQLite use the partial index
         AND t.service_id = @serviceId AND t.day = @day
       ORDER BY e.id DESC LIMIT @limit`,
    ),
    recentCalls: db.prepare<
      [{ day: string; limit: number }],
      { ticket_id: number; at: number; counter_id: number; label: string; service_id: string }
    >(
      // Ticket ids only grow, so today's events all belong to tickets from today's first id
      // on: the range keeps this to today's rows instead of the whole history.
      `SELECT e.ticket_id, e.at, e.counter_id, t.label, t.service_id
       FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
       WHERE e.ticket_id >= (SELECT min(id) FROM tickets WHERE day = @day)
         AND e.type IN ('call', 'recall') AND t.day = @day
       ORDER BY e.id DESC LIMIT @limit`,
    ),
    openFromOtherDays: db.prepare<[string], TicketRow>(
      `SELECT * FROM tickets WHERE status IN ${OPEN_STATUSES} AND day <> ?`,
    ),
    counterById: db.prepare<[number], CounterRow>('SELECT * FROM counters WHERE id = ?'),
    counters: db.prepare<[], CounterRow>('SELECT * FROM counters ORDER BY number'),
    counterCurrent: db.prepare<[number], TicketRow>(
      `SELECT * FROM tickets WHERE counter_id = ? AND status IN ('called', 'serving')
       ORDER BY called_at DESC LIMIT 1`,
    ),
    updateCounter: db.prepare(
      `UPDATE counters SET status = @status, pause_reason = @pauseReason, staff_id = @staffId
       WHERE id = @id`,
    ),
    insertCounterEvent: db.prepare(
      `INSERT INTO counter_events (counter_id, at, type, staff_id, detail)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    servingCounters: db.prepare<[string], { n: number }>(
      `SELECT count(*) AS n FROM counters c JOIN counter_services cs ON cs.counter_id = c.id
       WHERE cs.service_id = ? AND c.status = 'open'`,
    ),
    currentDay: db.prepare<[], { current_day: string | null }>(
      'SELECT current_day FROM centre WHERE id = 1',
    ),
    setCurrentDay: db.prepare<[string]>('UPDATE centre SET current_day = ? WHERE id = 1'),
    staffName: db.prepare<[number], { name: string }>('SELECT name FROM staff WHERE id = ?'),
    feedbackFor: db.prepare<[number], { id: number }>(
      'SELECT id FROM feedback WHERE ticket_id = ?',
    ),
    insertFeedback: db.prepare<[number, number, number, string]>(
      'INSERT INTO feedback (ticket_id, at, score, answers) VALUES (?, ?, ?, ?)',
    ),
    held: db.prepare<[], TicketRow>(
      `SELECT * FROM tickets WHERE status IN ('called', 'serving', 'parked') ORDER BY id`,
    ),
  };

  const one = (row: TicketRow | undefined) => (row ? toTicket(row) : undefined);

  return {
    ticketById: (id: number) => one(q.ticketById.get(id)),
    ticketByCode: (code: string) => one(q.ticketByCode.get(code)),
    ticketByRequest: (requestId: string) => one(q.ticketByRequest.get(requestId)),
    /** The newest ticket of a transfer chain that starts at `ticket`. */
    latestOf(ticket: Ticket): Ticket {
      let current = ticket;
      for (let child = q.childOf.get(current.id); child; child = q.childOf.get(current.id)) {
        const next = one(q.ticketById.get(child.id));
        if (!next) break;
        current = next;
      }
      return current;
    },
    insertTicket(t: NewTicket): Ticket {
      const { lastInsertRowid } = q.insertTicket.run(t);
      const ticket = one(q.ticketById.get(Number(lastInsertRowid)));
      if (!ticket) throw new Error('inserted ticket vanished');
      return ticket;
    },
    nextNumber(day: string, prefix: string): number {
      const row = q.nextNumber.get(day, prefix);
      if (!row) throw new Error('number series did not return a number');
      return row.last_number;
    },
    updateTicket: (t: Ticket) => void q.updateTicket.run(t),
    insertEvent: (e: TicketEventRow) => void q.insertEvent.run(e),
    waitingIn: (serviceId: string) => q.waitingIn.all(serviceId).map(toTicket),
    allWaiting: () => q.allWaiting.all().map(toTicket),
    waitingCount: (serviceId: string) => q.waitingCount.get(serviceId)?.n ?? 0,
    peopleAhead: (t: Ticket) => q.aheadOf.get(t.serviceId, t.queuedAt, t.queuedAt, t.id)?.n ?? 0,
    frontOfQueue: (serviceId: string) => q.frontOfQueue.get(serviceId)?.q ?? null,
    issuedToday: (day: string, serviceId: string) => q.issuedToday.get(day, serviceId)?.n ?? 0,
    completedSince: (serviceId: string, sinceMs: number) =>
      q.completedSince.all(serviceId, sinceMs).map((r) => r.finished_at),
    recentCallPriorities: (serviceId: string, day: string, limit: number) =>
      q.recentCallPriorities.all({ serviceId, day, limit }).map((r) => r.priority),
    recentCalls: (day: string, limit: number) => q.recentCalls.all({ day, limit }),
    openFromOtherDays: (day: string) => q.openFromOtherDays.all(day).map(toTicket),
    counterById: (id: number) => q.counterById.get(id),
    counters: () => q.counters.all(),
    counterCurrent: (counterId: number) => one(q.counterCurrent.get(counterId)),
    updateCounter: (c: {
      id: number;
      status: CounterStatus;
      pauseReason: PauseReason | null;
      staffId: number | null;
    }) => void q.updateCounter.run(c),
    insertCounterEvent: (
      counterId: number,
      at: number,
      type: string,
      staffId: number | null,
      detail: string | null,
    ) => void q.insertCounterEvent.run(counterId, at, type, staffId, detail),
    servingCounters: (serviceId: string) => q.servingCounters.get(serviceId)?.n ?? 0,
    currentDay: () => q.currentDay.get()?.current_day ?? null,
    setCurrentDay: (day: string) => void q.setCurrentDay.run(day),
    staffName: (id: number) => q.staffName.get(id)?.name ?? null,
    hasFeedback: (ticketId: number) => q.feedbackFor.get(ticketId) !== undefined,
    insertFeedback: (ticketId: number, at: number, score: number, answers: string) =>
      void q.insertFeedback.run(ticketId, at, score, answers),
    /** Tickets at a counter or on hold there, for counter and console snapshots. */
    held: () => q.held.all().map(toTicket),
  };
}

export type Store = ReturnType<typeof createStore>;
