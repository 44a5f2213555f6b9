/** The console's part of devices: pairing codes, the list, renaming and revoking. */
import type { Handlers } from '../handler.js';
import { HubError } from '../hub-error.js';
import type { DeviceService } from './device-service.js';

type DeviceEvent =
  | 'device:pair-code'
  | 'device:list'
  | 'device:rename'
  | 'device:revoke'
  | 'device:display-services';

export function deviceHandlers(
  devices: DeviceService,
  /** Runs an edit of the configuration in force (config-editor.ts `editInForce`). */
  inForce: <T>(work: () => T) => T,
): Handlers<DeviceEvent> {
  return {
    'device:display-services': (ctx, { deviceId, serviceIds, version }) =>
      devices.showServices(ctx.manager().id, deviceId, serviceIds, version, inForce),
    'device:pair-code': (ctx, { role, name }) => devices.pairCode(ctx.manager().id, role, name),
    'device:list': (ctx) => (ctx.staff(), devices.list()),
    'device:rename': (ctx, { deviceId, name, version }) =>
      devices.rename(ctx.manager().id, deviceId, name, version),
    'device:revoke': (ctx, { deviceId, version }) => {
      const manager = ctx.manager();
      // Removing the console in use would lock its manager out mid-sentence: do it from another.
      if (ctx.conn.deviceId === deviceId) {
        throw new HubError('conflict', 'This is the device you are using', 'in-use', {
          fields: [{ path: 'deviceId', issue: 'own-device' }],
        });
      }
      return devices.revoke(manager.id, deviceId, version);
    },
  };
}
