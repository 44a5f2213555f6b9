/**
 * What the hub remembers about one connection, and who acts through it.
 * Transport-neutral: features read and change it through their handlers;
 * net/ creates one per socket.
 */
import type { Role } from '../../shared/protocol.js';

export interface Connection {
  role: Role;
  deviceId: number | null;
  /** The remote address the socket came from (wrong PINs count against it when unpaired). */
  address: string;
  staffId: number | null;
  /** The staff session this connection's login belongs to (ended by `staff:logout`). */
  sessionId: number | null;
  /** The counter this connection's clerk opened with `counter:open`. */
  counterId: number | null;
  /** Ticket codes this connection watches (phones). */
  watching: string[];
  /** A kiosk station's print agent (takes `print:job`, nothing else). */
  printAgent: boolean;
}

/** Who asks: the device, the logged-in clerk, and the counter that clerk has open. */
export interface Actor {
  deviceId: number | null;
  staffId: number | null;
  counterId: number | null;
}

export const actorOf = (c: Connection): Actor => ({
  deviceId: c.deviceId,
  staffId: c.staffId,
  counterId: c.counterId,
});

/** The hub itself (the day's rollover): no device, no clerk. */
export const HUB_ACTOR: Actor = { deviceId: null, staffId: null, counterId: null };
