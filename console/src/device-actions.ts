/**
 * The Devices screen's requests: the list, a pairing code for a new device,
 * renaming and revoking. Revoking cuts the device off at once (the hub ends
 * its connections); the list is read again after every change.
 */
import type { DeviceRole, DeviceView, PairCode } from '../../shared/protocol.js';
import { request } from './config-actions.js';
import { ask } from './connection.js';
import { genericNotice, UNREACHABLE, useConsoleStore } from './store.js';
import { create } from 'zustand';

/** The Devices screen's own state, beside the console's store. */
interface DevicesState {
  devices: DeviceView[] | null;
  /** The code just made, shown until the manager closes it or it expires. */
  code: PairCode | null;
  renaming: number | null;
}

export const useDevicesStore = create<DevicesState>()(() => ({
  devices: null,
  code: null,
  renaming: null,
}));

export async function loadDevices(): Promise<void> {
  const ack = await ask((h) => h.request('device:list', {}));
  if (ack?.ok) useDevicesStore.setState({ devices: ack.data });
  else useConsoleStore.setState({ notice: ack ? genericNotice(ack.error) : UNREACHABLE });
}

/** A change to one device; the list is read again after it. */
async function change(send: Parameters<typeof request<DeviceView>>[1]): Promise<boolean> {
  if ((await request('devices', send)) === null) return false;
  await loadDevices();
  return true;
}

export async function makePairCode(role: DeviceRole, name: string): Promise<void> {
  const code = await request('devices', (h) =>
    h.request('device:pair-code', { role, name: name.trim() }),
  );
  if (code) useDevicesStore.setState({ code });
}

export async function renameDevice(device: DeviceView, name: string): Promise<void> {
  const done = await change((h) =>
    h.request('device:rename', { deviceId: device.id, name: name.trim(), version: device.version }),
  );
  if (done) useDevicesStore.setState({ renaming: null });
}

export function revokeDevice(device: DeviceView): Promise<boolean> {
  return change((h) =>
    h.request('device:revoke', { deviceId: device.id, version: device.version }),
  );
}
