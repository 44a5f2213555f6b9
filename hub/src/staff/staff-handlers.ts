/**
 * Logging in and out at a counter or the console. A login replaces any
 * earlier one on the connection, leaving its counter as `staff:logout` does.
 */
import type { Connection } from '../connection.js';
import type { Desks } from '../counters/desks.js';
import type { Handlers } from '../handler.js';
import { HubError } from '../hub-error.js';
import { loginSource, type StaffAuth } from './staff-auth.js';
import type { StaffSessions } from './staff-sessions.js';
import type { Staff } from '../../../shared/protocol.js';

type StaffEvent = 'staff:login' | 'staff:resume' | 'staff:logout';

/** The console is for supervisors and managers; a clerk logging in there is refused. */
function mayUseConnection(conn: Connection, staff: Staff) {
  if (conn.role === 'console' && staff.role === 'clerk') {
    throw new HubError('forbidden', 'The console is for supervisors and managers');
  }
}

export function staffHandlers(deps: {
  auth: StaffAuth;
  sessions: StaffSessions;
  desks: Desks;
}): Handlers<StaffEvent> {
  const { auth, sessions, desks } = deps;

  function logIn(conn: Connection, staffId: number, sessionId: number | null) {
    desks.leave(conn);
    conn.staffId = staffId;
    conn.sessionId = sessionId;
  }

  return {
    'staff:login': async ({ conn }, { username, pin }) => {
      const staff = await auth.login(username, pin, loginSource(conn));
      mayUseConnection(conn, staff);
      // The PIN check was slow: act on the connection as it is now, not as it was.
      logIn(conn, staff.id, null);
      const session = sessions.start(staff.id);
      conn.sessionId = session.id;
      return { staff, sessionToken: session.token };
    },
    'staff:resume': ({ conn }, { sessionToken }) => {
      const session = sessions.find(sessionToken);
      const staff = session ? auth.current(session.staffId) : null;
      if (!session || !staff) {
        throw new HubError('unauthorized', 'The session has ended: log in again', 'session-ended');
      }
      mayUseConnection(conn, staff);
      logIn(conn, staff.id, session.id);
      return { staff };
    },
    'staff:logout': ({ conn }) => {
      desks.leave(conn);
      if (conn.sessionId !== null) sessions.end(conn.sessionId);
      conn.staffId = null;
      conn.sessionId = null;
      return {};
    },
  };
}
