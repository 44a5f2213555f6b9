import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { assertNotNewer, migrate } from './migrate.js';

export type Db = Database.Database;

/** The database file is damaged: the hub must not serve from it, nor back it up. */
export class DamagedDatabaseError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`the database ${file} is damaged (${detail})`);
  }
}

const DAMAGED_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/** `PRAGMA quick_check`: the pages and indexes are sound (not the slower full integrity_check). */
export function checkSound(db: Db, file: string) {
  const rows = db.pragma('quick_check(5)') as { quick_check: string }[];
  const result = rows.map((r) => r.quick_check);
  if (result.length !== 1 || result[0] !== 'ok') {
    throw new DamagedDatabaseError(file, result.join('; '));
  }
}

/** SQLite's code for synchronous=FULL. */
const SYNCHRONOUS_FULL = 2;

/**
 * Opens (creating if needed) the hub's database with the pragmas DESIGN.md
 * asks for and migrates it. `synchronous=FULL` is checked, not assumed: a
 * printed ticket must survive a power cut.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    if (file !== ':memory:') checkSound(db, file);
    assertNotNewer(db); // before any pragma writes to a file this hub must not touch
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const synchronous = db.pragma('synchronous', { simple: true });
    if (synchronous !== SYNCHRONOUS_FULL) {
      throw new Error(`SQLite refused synchronous=FULL (got ${String(synchronous)})`);
    }
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    const code = (err as { code?: string }).code;
    if (code && DAMAGED_CODES.has(code))
      throw new DamagedDatabaseError(file, (err as Error).message);
    throw err;
  }
}
