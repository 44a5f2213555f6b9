import type { Role } from '../../../shared/protocol.js';

/** What the hub remembers about one connection. */
export interface SocketData {
  role: Role;
  deviceId: number | null;
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
