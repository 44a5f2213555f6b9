/**
 * The daily record (docs/mne.md): at each day roll the hub packs the day's
 * facts for reports (day-facts.ts) and writes one record
 * for every finished service day that has tickets and no record yet (a hub
 * that was off for days catches up), inside the roll's own transaction. The
 * record is stored as it was written, so what the centre sent is what it
 * keeps; computing the same day again gives the same record.
 */
import type { Db } from '../db/open.js';
import type { Reports } from './reports.js';
import { DAILY_RECORD_VERSION, type DailyRecord, type DayRange } from '../../../shared/protocol.js';

export function createDailyRecords(db: Db, reports: Reports) {
  const latest = db.prepare<[], { day: string | null }>(
    'SELECT max(day) AS day FROM daily_records',
  );
  // Each step is a seek on the day index: the next day after `day` that has tickets.
  const nextDay = db.prepare<[string, string], { day: string }>(
    'SELECT day FROM tickets WHERE day > ? AND day < ? ORDER BY day LIMIT 1',
  );
  const upsert = db.prepare<[string, number, string]>(
    `INSERT INTO daily_records (day, version, record) VALUES (?, ?, ?)
     ON CONFLICT (day) DO UPDATE SET version = excluded.version, record = excluded.record`,
  );
  const inRange = db.prepare<[string, string], { record: string }>(
    'SELECT record FROM daily_records WHERE day BETWEEN ? AND ? ORDER BY day',
  );

  function write(day: string): DailyRecord {
    reports.facts.write(day);
    const record = reports.dailyRecord(day);
    upsert.run(day, DAILY_RECORD_VERSION, JSON.stringify(record));
    return record;
  }

  return {
    write,
    /** Writes the record of every day before `today` that has tickets and none yet; the days written. */
    writeBefore(today: string): string[] {
      const written: string[] = [];
      let day = latest.get()?.day ?? '';
      for (;;) {
        const next = nextDay.get(day, today)?.day ?? null;
        if (next === null) return written;
        write(next);
        written.push(next);
        day = next;
      }
    },
    list: (range: DayRange): DailyRecord[] =>
      inRange.all(range.from, range.to).map((r) => JSON.parse(r.record) as DailyRecord),
  };
}

export type DailyRecords = ReturnType<typeof createDailyRecords>;
