/**
 * What `/health` checks: that the hub can really do what every connection
 * and every issue needs — read the service day's tickets and write a row —
 * not merely that the process is up. A damaged page or a read-only data
 * directory makes it answer 503 with the reason, instead of 200 while every
 * connection fails.
 */
import type { Db } from './open.js';

export type StorageHealth =
  { ok: true; day: string } | { ok: false; problem: { code: string; message: string } };

/** `day`: the service day being served (ServiceDay.current), read inside the probe's guard. */
export function createHealthProbe(db: Db, day: () => string) {
  // What a snapshot reads: the day's tickets, through the same index.
  const tickets = db.prepare<[string], { id: number; status: string }>(
    'SELECT id, status FROM tickets WHERE day = ?',
  );
  // A real write that changes nothing: it needs a writable file, directory and disk.
  const write = db.prepare('UPDATE centre SET current_day = current_day WHERE id = 1');
  return (): StorageHealth => {
    try {
      const current = day();
      for (const row of tickets.iterate(current)) void row;
      write.run();
      return { ok: true, day: current };
    } catch (err) {
      const { code, message } = err as { code?: string; message?: string };
      return { ok: false, problem: { code: code ?? 'error', message: message ?? String(err) } };
    }
  };
}
