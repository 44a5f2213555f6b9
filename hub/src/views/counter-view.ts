/** A counter as clients see it: its state, who it serves now, and (staff only) who works it. */
import type { ConfigSource } from '../config/config.js';
import type { CounterStore } from '../counters/counter-store.js';
import type { CounterView } from '../../../shared/protocol.js';

export function createCounterViews(deps: { config: ConfigSource; counters: CounterStore }) {
  const { config, counters } = deps;
  return function counter(id: number, forPublic: boolean): CounterView | null {
    const c = config.current().counters.get(id);
    const row = counters.byId(id);
    if (!c || !row) return null;
    const current = counters.current(id);
    const staff = row.staff_id === null || forPublic ? null : counters.staffName(row.staff_id);
    return {
      id,
      number: c.number,
      name: c.name,
      services: c.services,
      status: row.status,
      pauseReason: row.pause_reason,
      current: current
        ? {
            ticketId: current.id,
            label: current.label,
            serviceId: current.serviceId,
            status: current.status === 'serving' ? 'serving' : 'called',
            calledAt: current.calledAt ?? current.issuedAt,
          }
        : null,
      staff: staff && row.staff_id !== null ? { id: row.staff_id, name: staff } : null,
    };
  };
}
