/**
 * Which paired devices are connected now, and how to end their connections:
 * net/ attaches each device's socket here as it connects, and revoking a
 * device ends every connection it has at once (DESIGN.md "Security").
 */
export interface DevicePresence {
  /** A connection of the device opened; `end` closes it. Call the result when it closes. */
  attach(deviceId: number, end: () => void): () => void;
  connected(deviceId: number): boolean;
  /** Ends every open connection of the device. */
  endAll(deviceId: number): void;
}

export function createDevicePresence(): DevicePresence {
  const open = new Map<number, Set<() => void>>();
  return {
    attach(deviceId, end) {
      const ends = open.get(deviceId) ?? new Set();
      ends.add(end);
      open.set(deviceId, ends);
      return () => {
        ends.delete(end);
        if (ends.size === 0 && open.get(deviceId) === ends) open.delete(deviceId);
      };
    },
    connected: (deviceId) => (open.get(deviceId)?.size ?? 0) > 0,
    endAll(deviceId) {
      for (const end of [...(open.get(deviceId) ?? [])]) end();
    },
  };
}
