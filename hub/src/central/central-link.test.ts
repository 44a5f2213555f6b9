import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createCentralLink, dailyRecordsTable, retryDelayMs } from './central-link.js';
import { openDatabase, type Db } from '../db/open.js';
import { manualClock } from '../clock.js';
import { KEY_FILE_NAME } from './token-seal.js';

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

describe('the link’s token, sealed at rest', () => {
  const PLAIN = 'plain-token-from-an-earlier-hub-5f3a9c';
  const dirs: string[] = [];
  const closing: (() => unknown)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A hub's database on disk with a link row, and the warnings the link logs. */
  function hubOnDisk(url: string, token: string) {
    const dir = mkdtempSync(join(tmpdir(), 'khiu-link-'));
    dirs.push(dir);
    const file = join(dir, 'khiu.sqlite');
    const db = openDatabase(file);
    closing.push(() => db.close());
    db.prepare(
      `INSERT INTO central_link (id, url, token, centre_code, enrolled_at)
       VALUES (1, ?, ?, 'VTE-01', 0)`,
    ).run(url, token);
    const warnings: string[] = [];
    const log = pino(
      { level: 'warn' },
      { write: (line: string) => void warnings.push((JSON.parse(line) as { msg: string }).msg) },
    );
    const open = () =>
      createCentralLink({
        db,
        clock: manualClock(Date.parse('2026-11-02T03:00:00Z')),
        log,
        records: dailyRecordsTable(db),
        inForce: (work) => work(),
      });
    /** Every byte of the database as a copy of its folder would hold it. */
    const bytes = () =>
      Buffer.concat(
        ['', '-wal'].map((end) => {
          try {
            return readFileSync(file + end);
          } catch {
            return Buffer.alloc(0);
          }
        }),
      );
    return { db, file, keyFile: join(dir, KEY_FILE_NAME), warnings, open, bytes };
  }

  /** A stand-in for central's two calls, on 127.0.0.1 port 0, keeping the bearer each got. */
  async function centralStandIn() {
    const bearers: string[] = [];
    const server = createServer((req, res) => {
      bearers.push(req.headers.authorization ?? '');
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(req.url?.endsWith('/fees') ? { version: 0, fees: [] } : {}));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closing.push(() => new Promise((resolve) => server.close(resolve)));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bearers };
  }

  it('seals a token an earlier hub stored plain when the link starts, and still sends it', async () => {
    const central = await centralStandIn();
    const hub = hubOnDisk(central.url, PLAIN);
    hub.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(hub.bytes().includes(PLAIN)).toBe(true); // so the check below can fail
    const link = hub.open();
    const stored = hub.db.prepare<[], { token: string }>('SELECT token FROM central_link').get();
    expect(stored?.token).toMatch(/^sealed:v1:/);
    expect(hub.bytes().includes(PLAIN)).toBe(false);
    expect(link.status()).toMatchObject({ enrolled: true, enrolAgain: false });
    await link.sync();
    // Central hears the same token it issued, from the sealed row.
    expect(central.bearers).toEqual([`Bearer ${PLAIN}`]);
    expect(link.status().lastError).toBeNull();
    expect(hub.warnings).toEqual([]);
  });

  it('with its key gone, says to enrol again, sends nothing and warns once', async () => {
    const central = await centralStandIn();
    const hub = hubOnDisk(central.url, PLAIN);
    hub.open(); // seals it, making the key
    rmSync(hub.keyFile); // the database alone, restored onto another machine
    const link = hub.open();
    expect(link.status()).toMatchObject({ enrolled: true, enrolAgain: true, lastError: null });
    await link.sync();
    await link.sync();
    expect(link.status()).toMatchObject({ enrolAgain: true, lastError: null });
    expect(central.bearers).toEqual([]);
    expect(hub.warnings).toHaveLength(1);
    expect(hub.warnings[0]).toMatch(/cannot be opened.*enrols again/);
  });

  it('with another key or a damaged value, says the same', async () => {
    const central = await centralStandIn();
    for (const spoil of [
      (h: ReturnType<typeof hubOnDisk>) => writeFileSync(h.keyFile, randomBytes(32)),
      (h: ReturnType<typeof hubOnDisk>) =>
        h.db.prepare(`UPDATE central_link SET token = 'sealed:v1:AAAA:BBBB:CCCC'`).run(),
      (h: ReturnType<typeof hubOnDisk>) =>
        h.db.prepare(`UPDATE central_link SET token = 'sealed:v1:not base64 at all'`).run(),
    ]) {
      const hub = hubOnDisk(central.url, PLAIN);
      hub.open();
      spoil(hub);
      const link = hub.open();
      await link.sync();
      expect(link.status()).toMatchObject({ enrolAgain: true, lastError: null });
      expect(hub.warnings).toHaveLength(1);
    }
    expect(central.bearers).toEqual([]);
  });
});
