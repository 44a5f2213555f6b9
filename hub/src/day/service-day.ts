/**
 * The service day (`YYYY-MM-DD` in the centre's time zone) the hub is
 * serving. It is stored, not derived from the clock on each read, so that a
 * day ends only when the rollover job ends it (tickets/rollover.ts).
 */
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import type { ConfigSource } from '../config/config.js';
import { serviceDay } from '../../../shared/domain/numbering.js';

export interface ServiceDay {
  /** The day being served; before the first rollover, today by the clock. */
  current(): string;
  /** The stored day; null for a centre that has never served one. */
  stored(): string | null;
  set(day: string): void;
  /** Today by the clock and the configured time zone. */
  byClock(): string;
}

export function createServiceDay(db: Db, clock: Clock, config: ConfigSource): ServiceDay {
  const read = db.prepare<[], { current_day: string | null }>(
    'SELECT current_day FROM centre WHERE id = 1',
  );
  const write = db.prepare<[string]>('UPDATE centre SET current_day = ? WHERE id = 1');
  const byClock = () => serviceDay(clock.now(), config.current().timeZone);
  /**
   * The stored day as last read outside a transaction: every request and
   * every event reads it, and only `set` changes it. A read inside a
   * transaction is not remembered (it may see a `set` that rolls back), and
   * `set` forgets, so the next read after it goes to the table again.
   */
  let committed: string | null | undefined;
  const stored = () => {
    if (committed !== undefined) return committed;
    const day = read.get()?.current_day ?? null;
    if (!db.inTransaction) committed = day;
    return day;
  };
  return {
    current: () => stored() ?? byClock(),
    stored,
    set(day) {
      committed = undefined;
      write.run(day);
    },
    byClock,
  };
}
