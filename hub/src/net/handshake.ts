/**
 * Who a new socket is: a paired device (its token fixes the role), a phone
 * (`public`), or, in demo mode only, any role claimed from this machine.
 * What it decides becomes the socket's Connection.
 */
import type { IncomingMessage } from 'node:http';
import type { DeviceAuth } from '../devices/devices.js';
import type { Connection } from '../connection.js';
import type { HubSocket } from './io.js';
import { HandshakeAuthSchema, type Role } from '../../../shared/protocol.js';

const isLoopback = (address: string) =>
  address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');

/** Browsers must come from the hub's own origin; non-browser clients send no Origin. */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** The Connection for a socket's handshake, or the reason it is refused. */
export function authenticate(
  socket: HubSocket,
  deps: { devices: DeviceAuth; demo: boolean },
): Connection | Error {
  const auth = HandshakeAuthSchema.safeParse(socket.handshake.auth);
  if (!auth.success) {
    return new Error('invalid-request: auth must be { protocol: 1, token?, role? }');
  }
  let role: Role = 'public';
  let deviceId: number | null = null;
  if (auth.data.token) {
    const device = deps.devices.authenticate(auth.data.token);
    if (!device) return new Error('unauthorized: unknown or revoked device token');
    role = device.role;
    deviceId = device.id;
  } else if (auth.data.role && auth.data.role !== 'public') {
    if (!deps.demo || !isLoopback(socket.handshake.address)) {
      return new Error(`unauthorized: role ${auth.data.role} needs a paired device token`);
    }
    role = auth.data.role;
  }
  const printAgent = auth.data.printAgent === true;
  if (printAgent && (role !== 'kiosk' || deviceId === null)) {
    return new Error('unauthorized: a print agent needs a paired kiosk token');
  }
  return {
    role,
    deviceId,
    staffId: null,
    sessionId: null,
    counterId: null,
    watching: [],
    printAgent,
  };
}
