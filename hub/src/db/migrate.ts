import type { Database } from 'better-sqlite3';
import { migration001 } from './migrations/001-initial.js';
import { migration002 } from './migrations/002-queue-counts.js';
import { migration003 } from './migrations/003-printing.js';
import { migration004 } from './migrations/004-staff-sessions.js';
import { migration005 } from './migrations/005-console.js';
import { migration006 } from './migrations/006-promises.js';
import { migration007 } from './migrations/007-hall-voice.js';
import { migration008 } from './migrations/008-integration-api.js';
import { migration009 } from './migrations/009-queue-classes.js';
import { migration010 } from './migrations/010-reports.js';
import { migration011 } from './migrations/011-central-link.js';
import { migration012 } from './migrations/012-appointments.js';

/** Index i holds the step from schema version i to i + 1. Append only. */
export const MIGRATIONS: readonly ((db: Database) => void)[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
];
export const SCHEMA_VERSION = MIGRATIONS.length;

export class NewerDatabaseError extends Error {
  constructor(found: number) {
    super(
      `The database is at schema version ${found}, newer than this hub knows (${SCHEMA_VERSION}). ` +
        'Upgrade the hub, or restore a backup made by this version.',
    );
  }
}

export function assertNotNewer(db: Database): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) throw new NewerDatabaseError(version);
  return version;
}

/** Brings the database up to SCHEMA_VERSION, each step in its own transaction. */
export function migrate(db: Database): { from: number; to: number } {
  const from = assertNotNewer(db);
  for (let version = from; version < SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`Missing migration ${version + 1}`);
    db.transaction(() => {
      step(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return { from, to: SCHEMA_VERSION };
}
