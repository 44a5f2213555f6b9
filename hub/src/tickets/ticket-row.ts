/** A `tickets` row as SQLite returns it, and the protocol's `Ticket` made from it (here and nowhere else). */
import type {
  Lang,
  Priority,
  Ticket,
  TicketSource,
  TicketStatus,
} from '../../../shared/protocol.js';
import { clockTime } from '../../../shared/domain/slots.js';

export interface TicketRow {
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
  /** Minutes from midnight of the booked slot (migration 012); absent from older reads. */
  booked_start_min?: number | null;
}

export function toTicket(r: TicketRow): Ticket {
  const bookedStart = r.booked_start_min ?? null;
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
    booking: bookedStart === null ? null : { start: clockTime(bookedStart) },
  };
}
