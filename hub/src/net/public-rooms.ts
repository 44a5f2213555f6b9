/**
 * Where public clients sit. Hall displays and phones are spread over shard
 * rooms; each kiosk device has a room of its own (it also hears about its
 * printer); a phone watching a ticket joins that ticket's room.
 */

/**
 * Public clients per shard room. One room send writes to every member at once
 * (about 15 µs each here), so this bounds how long a request can wait behind a
 * broadcast: 32 members is about half a millisecond. Each shard costs one more
 * encode of the event (tens of µs), which is why shards are not smaller.
 */
export const PUBLIC_SHARD_SIZE = 32;
export const FULL_ROOM = 'full';
export const publicRoom = (shard: number) => `public:${shard}`;
export const watchRoom = (code: string) => `watch:${code}`;
export const kioskRoom = (deviceId: number | null) => `kiosk:${deviceId ?? 'unpaired'}`;

export type Join = (room: string) => void;

export function createPublicRooms() {
  /** Members per public shard; a shard is filled before the next is opened, so few clients means one encode. */
  const shardSizes: number[] = [];
  /** Kiosk device id (null: demo kiosks with no token) → connected kiosks in its room. */
  const kiosks = new Map<number | null, number>();
  /** Watched ticket codes → the service their newest ticket waits in. */
  const watched = new Map<string, { serviceId: string; watchers: number }>();

  return {
    /** Shards with members. */
    shards: () => shardSizes.flatMap((size, shard) => (size > 0 ? [shard] : [])),
    kiosks: () => [...kiosks.keys()],
    watched: () => watched.entries(),

    /** Puts a public client in the first shard with room; call the result when it leaves. */
    joinPublic(join: Join): () => void {
      let shard = shardSizes.findIndex((size) => size < PUBLIC_SHARD_SIZE);
      if (shard === -1) shard = shardSizes.push(0) - 1;
      shardSizes[shard] = (shardSizes[shard] ?? 0) + 1;
      join(publicRoom(shard));
      return () => {
        shardSizes[shard] = Math.max(0, (shardSizes[shard] ?? 1) - 1);
      };
    },

    joinKiosk(join: Join, deviceId: number | null): () => void {
      kiosks.set(deviceId, (kiosks.get(deviceId) ?? 0) + 1);
      join(kioskRoom(deviceId));
      return () => {
        const left = (kiosks.get(deviceId) ?? 1) - 1;
        if (left > 0) kiosks.set(deviceId, left);
        else kiosks.delete(deviceId);
      };
    },

    watch(join: Join, code: string, serviceId: string) {
      join(watchRoom(code));
      const entry = watched.get(code);
      if (entry) entry.watchers += 1;
      else watched.set(code, { serviceId, watchers: 1 });
    },

    unwatch(code: string) {
      const entry = watched.get(code);
      if (!entry) return;
      entry.watchers -= 1;
      if (entry.watchers <= 0) watched.delete(code);
    },
  };
}

export type PublicRooms = ReturnType<typeof createPublicRooms>;
