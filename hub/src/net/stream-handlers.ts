/**
 * The requests about the streams themselves: a fresh snapshot at the
 * client's stream `seq`, and a phone joining the room of the ticket it holds.
 */
import type { Connection } from '../connection.js';
import type { Handlers } from '../handler.js';
import { notFound } from '../hub-error.js';
import type { PrinterViews } from '../print/printing.js';
import type { Views } from '../views/views.js';
import type { Broadcaster } from './broadcaster.js';
import type { Join } from './public-rooms.js';
import type { Role, Snapshot } from '../../../shared/protocol.js';

export type StreamEvent = 'queue:snapshot' | 'queue:waiting' | 'ticket:watch';

/**
 * Only staff devices see full tickets (codes, priorities) and who sits at
 * each counter; kiosks, hall displays and phones get the public subset.
 */
export const seesFullEvents = (role: Role) => role === 'counter' || role === 'console';

export function snapshotFor(
  { role, deviceId }: Connection,
  broadcaster: Broadcaster,
  printers: PrinterViews,
): Snapshot {
  const snapshot = broadcaster.snapshot(seesFullEvents(role));
  // A display finds the services it shows in `centre.displays` by its own id.
  if (role === 'display' && deviceId !== null) return { ...snapshot, deviceId };
  if (role === 'kiosk') return { ...snapshot, printers: printers.forKiosk(deviceId) };
  return seesFullEvents(role) ? { ...snapshot, printers: printers.all() } : snapshot;
}

export function streamHandlers(deps: {
  broadcaster: Broadcaster;
  views: Views;
  printers: PrinterViews;
  /** How the connection's socket joins a room. */
  joinerOf: (conn: Connection) => Join;
}): Handlers<StreamEvent> {
  return {
    'queue:snapshot': ({ conn }) => snapshotFor(conn, deps.broadcaster, deps.printers),
    'queue:waiting': (_ctx, { serviceId, offset }) => {
      if (!deps.views.service(serviceId)) throw notFound('Service');
      return deps.broadcaster.waitingPage(serviceId, offset ?? 0);
    },
    'ticket:watch': ({ conn }, { code }) => {
      const view = deps.views.ticket(code);
      if (!view) throw notFound('Ticket');
      if (!conn.watching.includes(code)) {
        conn.watching.push(code);
        deps.broadcaster.watch(deps.joinerOf(conn), code, view.service.id);
      }
      return view;
    },
  };
}
