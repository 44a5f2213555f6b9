/** The link to the national service, which sends the daily records, and its console events. */
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Audit } from '../config/audit.js';
import type { Db } from '../db/open.js';
import { centralHandlers } from './central-handlers.js';
import { createCentralLink, dailyRecordsTable, type DailyRecordSource } from './central-link.js';

interface CentralOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  /** Where the daily records come from; the `daily_records` table when absent. */
  dailyRecords?: DailyRecordSource;
}

export function centralFeatures(
  opts: CentralOptions,
  audit: Audit,
  inForce: <T>(work: () => T) => T,
) {
  const { db, clock, log } = opts;
  const records = opts.dailyRecords ?? dailyRecordsTable(db);
  const link = createCentralLink({ db, clock, log, records, inForce });
  return { link, handlers: centralHandlers({ db, link, audit, inForce }) };
}
