import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { dailyRecordsTable, retryDelayMs } from './central-link.js';
import type { Db } from '../db/open.js';

describe('the link to central', () => {
  it('reads the reports feature’s daily_records after a day, oldest first', () => {
    const db = new Database(':memory:') as unknown as Db;
    // The table as hub migration 008 (reports) makes it.
    db.exec(`CREATE TABLE daily_records (day TEXT PRIMARY KEY, version INTEGER NOT NULL,
      record TEXT NOT NULL CHECK (json_valid(record))) STRICT, WITHOUT ROWID`);
    const add = db.prepare('INSERT INTO daily_records VALUES (?, 1, ?)');
    for (const day of ['2026-11-03', '2026-11-01', '2026-11-02']) add.run(day, `{"day":"${day}"}`);
    const source = dailyRecordsTable(db);
    expect(source.after(null).map((r) => r.day)).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
    ]);
    expect(source.after('2026-11-01')).toEqual([
      { day: '2026-11-02', version: 1, record: '{"day":"2026-11-02"}' },
      { day: '2026-11-03', version: 1, record: '{"day":"2026-11-03"}' },
    ]);
  });

  it('sends nothing from a hub without the reports feature’s table', () => {
    const db = new Database(':memory:') as unknown as Db;
    expect(dailyRecordsTable(db).after(null)).toEqual([]);
  });

  it('waits 30 s after a failure, doubling to at most an hour', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(30)).toBe(60 * 60_000);
  });
});
