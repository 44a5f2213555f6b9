/**
 * Who a new socket is: a paired device (its token fixes the role), a phone
 * (`public`), or, in demo mode only, any role claimed from this machine.
 * What it decides becomes the socket's Connection.
 */
import type { IncomingMessage } from 'node:http';
import type { DeviceAuth } from '../devices/devices.js';
import type { Connection } from '../connection.js';
import type { HubSocket } from './io.js';
import {
  HandshakeAuthSchema,
  type ErrorCode,
  type ErrorReason,
  type Role,
} from '../../../shared/protocol.js';

export const isLoopback = (address: string) =>
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

/**
 * A refused handshake. The client's `connect_error` carries the message
 * (`code: what`) and, in `data`, the reason an app says in words.
 */
function refused(
  code: ErrorCode,
  reason: ErrorReason,
  what: string,
  extra: Record<string, string> = {},
): Error {
  return Object.assign(new Error(`${code}: ${what}`), { data: { code, reason, ...extra } });
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
    const seen = { address: socket.handshake.address, appVersion: auth.data.appVersion ?? null };
    const device = deps.devices.authenticate(auth.data.token, seen);
    if (!device) {
      return refused('unauthorized', 'device-revoked', 'unknown or revoked device token');
    }
    // A display's token opened at /kiosk: say so, instead of showing a kiosk that cannot work.
    const asked = auth.data.role;
    if (asked && asked !== 'public' && asked !== device.role) {
      return refused('forbidden', 'wrong-app', `this token belongs to a ${device.role}`, {
        role: device.role,
      });
    }
    role = device.role;
    deviceId = device.id;
  } else if (auth.data.role && auth.data.role !== 'public') {
    if (!deps.demo || !isLoopback(socket.handshake.address)) {
      return refused(
        'unauthorized',
        'pairing-required',
        `role ${auth.data.role} needs a paired device token`,
      );
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
    address: socket.handshake.address,
    staffId: null,
    sessionId: null,
    counterId: null,
    watching: [],
    printAgent,
  };
}
