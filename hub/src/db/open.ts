import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { assertNotNewer, migrate } from './migrate.js';

export type Db = Database.Database;

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
    throw err;
  }
}
