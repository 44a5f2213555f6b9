/** The console's part of devices: pairing codes, the list, renaming and revoking. */
import type { Handlers } from '../handler.js';
import type { DeviceService } from './device-service.js';

type DeviceEvent = 'device:pair-code' | 'device:list' | 'device:rename' | 'device:revoke';

export function deviceHandlers(devices: DeviceService): Handlers<DeviceEvent> {
  return {
    'device:pair-code': (ctx, { role, name }) => devices.pairCode(ctx.manager().id, role, name),
    'device:list': (ctx) => (ctx.staff(), devices.list()),
    'device:rename': (ctx, { deviceId, name, version }) =>
      devices.rename(ctx.manager().id, deviceId, name, version),
    'device:revoke': (ctx, { deviceId, version }) =>
      devices.revoke(ctx.manager().id, deviceId, version),
  };
}
