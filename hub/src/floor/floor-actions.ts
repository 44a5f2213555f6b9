/**
 * What a supervisor does from the floor: send a waiting citizen to another
 * service, cancel a ticket, reprint its slip, close a counter, sign a clerk
 * out. Each is one transaction with its `config_audit` row (who, what,
 * before → after) beside the ticket's or counter's own event row, and each
 * checks the state it acts on inside that transaction, so a ticket that moved
 * meanwhile is refused (`conflict`) and nothing changes.
 */
import type { Actor } from '../connection.js';
import type { Commits } from '../changes/commits.js';
import { unchanged } from '../changes/change.js';
import type { Audit } from '../config/audit.js';
import type { CounterService } from '../counters/counter-service.js';
import type { Desks } from '../counters/desks.js';
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import { HubError, notFound } from '../hub-error.js';
import type { PrinterAdmin } from '../print/printer-admin.js';
import type { StaffCutoff } from '../staff/staff-cutoff.js';
import { reassignTicket, type IssueDeps } from '../tickets/issue.js';
import type { TicketService } from '../tickets/ticket-service.js';
import type { FloorStore } from './floor-store.js';
import type {
  PrintJobView,
  RequestPayload,
  Staff,
  StaffRole,
  Ticket,
} from '../../../shared/protocol.js';

export interface FloorActionDeps {
  db: Db;
  clock: Clock;
  commits: Commits;
  audit: Audit;
  issuing: IssueDeps;
  ticketService: TicketService;
  counters: CounterService;
  desks: Desks;
  printerAdmin: PrinterAdmin;
  cutoff: StaffCutoff;
  floor: FloorStore;
}

/** Whom each role may sign out: a supervisor the clerks, a manager supervisors too. */
const SIGNS_OUT: Record<StaffRole, readonly StaffRole[]> = {
  clerk: [],
  supervisor: ['clerk'],
  manager: ['clerk', 'supervisor'],
};

const recorder =
  (audit: Audit) => (by: Staff, entity: string, id: number, before: unknown, after: unknown) =>
    audit.record({ staffId: by.id, entity, entityId: String(id), action: 'update', before, after });

/**
 * Ends every session of the clerk and closes each counter they held where nobody is being
 * served (one with a citizen at it stays, for the next clerk to finish); then their open
 * screens end at once (staff-cutoff.ts).
 */
function createSignOut(deps: FloorActionDeps) {
  const record = recorder(deps.audit);
  const staffRow = deps.db.prepare<[number], { id: number; name: string; role: StaffRole }>(
    'SELECT id, name, role FROM staff WHERE id = ?',
  );
  const countersOf = deps.db.prepare<[number], { id: number }>(
    "SELECT id FROM counters WHERE staff_id = ? AND status != 'closed'",
  );
  const endSessions = deps.db.prepare<[number, number]>(
    'UPDATE staff_sessions SET revoked_at = ? WHERE staff_id = ? AND revoked_at IS NULL',
  );
  return (by: Staff, actor: Actor, staffId: number): void => {
    const closed = deps.commits.run(() => {
      const member = staffRow.get(staffId);
      if (!member) throw notFound(`Staff member ${staffId}`);
      if (member.id === by.id || !SIGNS_OUT[by.role].includes(member.role)) {
        throw new HubError('forbidden', `You may not sign ${member.name} out`);
      }
      endSessions.run(deps.clock.now(), staffId);
      const shut: number[] = [];
      for (const { id } of countersOf.all(staffId)) {
        try {
          deps.counters.shut(actor, id);
          shut.push(id);
        } catch (err) {
          // Someone is at it: it stays open for whoever takes it over.
          if (!(err instanceof HubError && err.reason === 'status')) throw err;
        }
      }
      record(by, 'staff', staffId, { signedIn: true }, { floor: 'sign-out', closed: shut });
      return unchanged(shut);
    });
    for (const id of closed) deps.desks.vacate(id);
    deps.cutoff.cut(staffId);
  };
}

const ticketState = (t: Ticket) => ({ label: t.label, status: t.status, serviceId: t.serviceId });

export function createFloorActions(deps: FloorActionDeps) {
  const { commits, audit, issuing } = deps;
  const record = recorder(audit);

  return {
    transfer(by: Staff, actor: Actor, input: RequestPayload<'floor:transfer'>): Ticket {
      return commits.run(() => {
        const before = issuing.lifecycle.ticket(input.ticketId);
        const outcome = reassignTicket(issuing, actor, input);
        const after = { floor: 'transfer', to: input.toServiceId, newTicketId: outcome.data.id };
        record(by, 'ticket', before.id, ticketState(before), after);
        return outcome;
      });
    },

    cancel(by: Staff, actor: Actor, ticketId: number): Ticket {
      return commits.run(() => {
        const before = issuing.lifecycle.ticket(ticketId);
        const t = deps.ticketService.cancel(actor, { ticketId });
        record(by, 'ticket', t.id, ticketState(before), { floor: 'cancel', status: t.status });
        return unchanged(t);
      });
    },

    /** The ticket's newest slip prints again, marked REPRINT (printer-admin.ts audits it). */
    reprint(by: Staff, ticketId: number): PrintJobView {
      const t = issuing.lifecycle.ticket(ticketId);
      const job = deps.floor.lastJob(t.id);
      if (job === null) {
        throw new HubError('conflict', `Ticket ${t.label} was never printed`, 'no-slip');
      }
      return deps.printerAdmin.reprint(by, job);
    },

    closeCounter(by: Staff, actor: Actor, counterId: number): void {
      commits.run(() => {
        const c = deps.counters.get(counterId);
        deps.counters.shut(actor, counterId);
        const before = { status: c.row.status, staffId: c.row.staff_id };
        record(by, 'counter', counterId, before, { floor: 'close', status: 'closed' });
        return unchanged(undefined);
      });
      deps.desks.vacate(counterId);
    },

    signOut: createSignOut(deps),
  };
}

export type FloorActions = ReturnType<typeof createFloorActions>;
