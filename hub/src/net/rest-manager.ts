/**
 * A manager's change over REST, for what is too large for a socket message
 * (the centre's logo). It meets the checks a console socket meets, in the
 * same order: a page of this hub's own origin; a paired console device (its
 * token in `x-khiu-device`; only a demo hub lets loopback go without); a
 * live staff session (`authorization: Bearer <session token>`) of an active
 * manager whose PIN is not temporary. The custom headers also mean no other
 * site's page can send it: a browser would ask first, and nothing here says yes.
 */
import type { IncomingMessage } from 'node:http';
import type { DeviceAuth } from '../devices/devices.js';
import { HubError } from '../hub-error.js';
import type { StaffAuth } from '../staff/staff-auth.js';
import type { StaffSessions } from '../staff/staff-sessions.js';
import { isLoopback, sameOrigin } from './handshake.js';
import type { Staff } from '../../../shared/protocol.js';

export const DEVICE_HEADER = 'x-khiu-device';

export interface RestManagerDeps {
  devices: DeviceAuth;
  sessions: StaffSessions;
  staff: StaffAuth;
  demo: boolean;
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return typeof value === 'string' && value !== '' ? value : null;
};

function checkDevice(req: IncomingMessage, deps: RestManagerDeps) {
  const token = header(req, DEVICE_HEADER);
  if (token === null) {
    if (deps.demo && isLoopback(req.socket.remoteAddress ?? '')) return;
    throw new HubError('unauthorized', 'Only a paired console may do this', 'pairing-required');
  }
  const device = deps.devices.known(token);
  if (!device) throw new HubError('unauthorized', 'Unknown or revoked device', 'device-revoked');
  if (device.role !== 'console') {
    throw new HubError('forbidden', `A ${device.role} may not change the configuration`);
  }
}

/** The `Authorization: Bearer` token, if any. */
export const bearerToken = (req: IncomingMessage): string | null =>
  /^Bearer (\S+)$/.exec(header(req, 'authorization') ?? '')?.[1] ?? null;

/**
 * The console user asking (a supervisor or manager; only a manager when
 * `managerOnly`), or the refusal to answer with.
 */
export function restStaff(req: IncomingMessage, deps: RestManagerDeps, managerOnly: boolean) {
  if (!sameOrigin(req)) throw new HubError('forbidden', 'Not from this hub’s own pages');
  checkDevice(req, deps);
  const bearer = bearerToken(req);
  const session = bearer ? deps.sessions.find(bearer) : null;
  const member = session ? deps.staff.current(session.staffId) : null;
  if (!member) throw new HubError('unauthorized', 'Log in first', 'login-required');
  if (member.role === 'clerk') {
    throw new HubError('forbidden', 'The console is for supervisors and managers');
  }
  if (managerOnly && member.role !== 'manager') {
    throw new HubError('forbidden', 'Only a manager may do this', 'manager-only');
  }
  if (member.pinMustChange) {
    throw new HubError('unauthorized', 'Choose a new PIN first', 'pin-change-required');
  }
  return member;
}

/** The manager asking, or the refusal to answer with. */
export const restManager = (req: IncomingMessage, deps: RestManagerDeps): Staff =>
  restStaff(req, deps, true);
