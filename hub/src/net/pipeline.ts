/**
 * The one path every request takes: role check → payload schema → the
 * service day made current → the feature's handler → one ack. A handler
 * never throws across the wire: a HubError becomes its `{ ok: false }`
 * answer, anything else is logged and answered `internal`.
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import { actorOf, type Connection } from '../connection.js';
import type { Ctx, Handler, Handlers } from '../handler.js';
import { fieldErrors, HubError } from '../hub-error.js';
import type { StaffAuth } from '../staff/staff-auth.js';
import {
  mayRoleSend,
  RequestSchemas,
  type Ack,
  type RequestEvent,
  type RequestPayload,
  type ResponseData,
  type StaffRole,
} from '../../../shared/protocol.js';

export interface PipelineDeps {
  handlers: Handlers<RequestEvent>;
  staff: StaffAuth;
  /** Starts the new service day first if midnight has passed (tickets/rollover.ts). */
  catchUpDay: () => void;
  log: Logger;
}

export type Handle = <E extends RequestEvent>(
  conn: Connection,
  event: E,
  payload: unknown,
  ack: (res: Ack<ResponseData[E]>) => void,
) => Promise<void>;

/** Staff at the console: supervisors (the floor) and managers (everything); never clerks. */
const CONSOLE_ROLES: readonly StaffRole[] = ['supervisor', 'manager'];

/** What a login with a temporary PIN may still do: change it, or leave. */
const WITH_TEMPORARY_PIN: readonly RequestEvent[] = [
  'staff:change-pin',
  'staff:login',
  'staff:logout',
  'staff:resume',
  'queue:snapshot',
  'queue:waiting',
];

function ctxOf(conn: Connection, staff: StaffAuth): Ctx {
  const loggedIn = () => {
    const member = conn.staffId === null ? null : staff.current(conn.staffId);
    if (!member) throw new HubError('unauthorized', 'Log in first', 'login-required');
    if (conn.role === 'console' && !CONSOLE_ROLES.includes(member.role)) {
      throw new HubError('forbidden', 'The console is for supervisors and managers');
    }
    return member;
  };
  return {
    conn,
    actor: actorOf(conn),
    staff: loggedIn,
    manager() {
      const member = loggedIn();
      if (member.role !== 'manager') {
        throw new HubError('forbidden', 'Only a manager may do this', 'manager-only');
      }
      return member;
    },
  };
}

/** A login whose PIN is temporary may do nothing else until it is changed. */
function checkPinChanged(conn: Connection, event: RequestEvent, staff: StaffAuth) {
  if (conn.staffId === null || WITH_TEMPORARY_PIN.includes(event)) return;
  if (staff.mustChangePin(conn.staffId)) {
    throw new HubError(
      'unauthorized',
      'Choose a new PIN before anything else',
      'pin-change-required',
    );
  }
}

export function createPipeline(deps: PipelineDeps): Handle {
  return async function handle(conn, event, payload, ack) {
    try {
      if (!mayRoleSend(conn.role, event)) {
        throw new HubError('forbidden', `A ${conn.role} client may not send ${event}`);
      }
      const parsed = RequestSchemas[event].safeParse(payload);
      if (!parsed.success) {
        throw new HubError(
          'invalid-request',
          `${event}: ${z.prettifyError(parsed.error)}`,
          undefined,
          { fields: fieldErrors(parsed.error) },
        );
      }
      checkPinChanged(conn, event, deps.staff);
      deps.catchUpDay(); // no request is served on a stale day
      const handler = deps.handlers[event] as Handler<typeof event>;
      const data = await handler(
        ctxOf(conn, deps.staff),
        parsed.data as RequestPayload<typeof event>,
      );
      ack({ ok: true, data });
    } catch (err) {
      if (err instanceof HubError) return ack({ ok: false, error: err.toAck() });
      if ((err as { code?: unknown }).code === 'SQLITE_FULL') {
        deps.log.error({ err, event }, 'the disk is full: nothing can be saved');
        return ack({ ok: false, error: { code: 'storage-full', message: 'The disk is full' } });
      }
      deps.log.error({ err, event }, 'handler failed');
      ack({ ok: false, error: { code: 'internal', message: 'The hub could not do that' } });
    }
  };
}
