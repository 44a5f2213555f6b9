/**
 * What one hall display shows: the services the console chose for it (all
 * when none was chosen), the calls for those services, and the counters that
 * serve any of them. The store and the announcer only ever see this, so a
 * display in one wing neither shows nor reads out another wing's calls.
 */
import type { Snapshot } from '../../../shared/protocol.js';

export function shownOnThisDisplay(snapshot: Snapshot): Snapshot {
  const chosen = snapshot.centre.displays.find((d) => d.deviceId === snapshot.deviceId);
  if (!chosen || chosen.serviceIds.length === 0) return snapshot;
  const shows = new Set(chosen.serviceIds);
  return {
    ...snapshot,
    services: snapshot.services.filter((s) => shows.has(s.id)),
    recentCalls: snapshot.recentCalls.filter((c) => shows.has(c.serviceId)),
    counters: snapshot.counters.filter((c) => c.services.some((id) => shows.has(id))),
  };
}
