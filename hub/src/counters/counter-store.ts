/** Every SQL statement about counters, prepared once: their state, their events, who is at them. */
import type { Db } from '../db/open.js';
import { toTicket, type TicketRow } from '../tickets/ticket-row.js';
import type { CounterStatus, PauseReason, Ticket } from '../../../shared/protocol.js';

export interface CounterRow {
  id: number;
  number: number;
  name_lo: string;
  name_en: string;
  status: CounterStatus;
  pause_reason: PauseReason | null;
  staff_id: number | null;
}

export interface CounterState {
  id: number;
  status: CounterStatus;
  pauseReason: PauseReason | null;
  staffId: number | null;
}

export interface CounterStore {
  byId(id: number): CounterRow | undefined;
  /** The ticket called or served at the counter now. */
  current(counterId: number): Ticket | undefined;
  update(c: CounterState): void;
  insertEvent(e: {
    counterId: number;
    at: number;
    type: string;
    staffId: number | null;
    detail: string | null;
  }): void;
  /** How many open counters serve the service (the wait estimate divides by it). */
  servingCount(serviceId: string): number;
  staffName(staffId: number): string | null;
}

export function createCounterStore(db: Db): CounterStore {
  const q = {
    byId: db.prepare<[number], CounterRow>('SELECT * FROM counters WHERE id = ?'),
    current: db.prepare<[number], TicketRow>(
      `SELECT * FROM tickets WHERE counter_id = ? AND status IN ('called', 'serving')
       ORDER BY called_at DESC LIMIT 1`,
    ),
    update: db.prepare<[CounterState]>(
      `UPDATE counters SET status = @status, pause_reason = @pauseReason, staff_id = @staffId
       WHERE id = @id`,
    ),
    insertEvent: db.prepare(
      `INSERT INTO counter_events (counter_id, at, type, staff_id, detail)
       VALUES (@counterId, @at, @type, @staffId, @detail)`,
    ),
    servingCount: db.prepare<[string], { n: number }>(
      `SELECT count(*) AS n FROM counters c JOIN counter_services cs ON cs.counter_id = c.id
       WHERE cs.service_id = ? AND c.status = 'open'`,
    ),
    staffName: db.prepare<[number], { name: string }>('SELECT name FROM staff WHERE id = ?'),
  };
  return {
    byId: (id) => q.byId.get(id),
    current(counterId) {
      const row = q.current.get(counterId);
      return row ? toTicket(row) : undefined;
    },
    update: (c) => void q.update.run(c),
    insertEvent: (e) => void q.insertEvent.run(e),
    servingCount: (serviceId) => q.servingCount.get(serviceId)?.n ?? 0,
    staffName: (id) => q.staffName.get(id)?.name ?? null,
  };
}
