/**
 * The link to the national service. Delivery promise: every daily record the
 * hub writes reaches central exactly once, oldest day first, however long
 * the link is down.
 *
 * - `collect` copies the days' records into the `outbox` (once per day and
 *   schema version; collecting again queues nothing twice);
 * - `sync` pushes what waits in day order, in batches; central stores each
 *   record once per (centre, day, version), so a push whose answer was lost
 *   is simply pushed again and answered `duplicate`. A record is cleared from
 *   the outbox only once central has answered for it; one central refuses
 *   stays, with central's reason, for the console and the log;
 * - a failed sync is tried again after a back-off that doubles up to an
 *   hour, and at once when the console asks;
 * - after pushing, the national fee table is pulled when central's is newer;
 * - the token is kept sealed (link-token.ts) and opened only to be sent. One this
 *   machine cannot open (the database restored elsewhere) stops the pushing, is
 *   logged once, and the console says to enrol again; the records wait meanwhile.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import { centralClient, CentralCallError, type NationalFeeRow } from './central-client.js';
import { z } from 'zod';
import { linkToken, type LinkToken } from './link-token.js';
import {
  CentralRefusalSchema,
  type CentralLinkStatus,
  type CentralRefusal,
} from '../../../shared/schemas/central-link.js';

/** Where the hub's daily records come from (the reports feature's `daily_records`). */
export interface DailyRecordSource {
  /** Every record for a day after `day` (all of them for null), oldest first. */
  after(day: string | null): { day: string; version: number; record: string }[];
}

export const PUSH_BATCH = 50;
export const SYNC_EVERY_MS = 5 * 60_000;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;

interface LinkRow {
  url: string;
  token: string;
  centre_code: string;
  last_push_at: number | null;
  last_pull_at: number | null;
  last_error: string | null;
  fee_version: number;
}

/** The `daily_records` table the reports feature writes at each day roll. */
export function dailyRecordsTable(db: Db): DailyRecordSource {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'daily_records'")
    .get();
  if (!exists) return { after: () => [] };
  const after = db.prepare<[string], { day: string; version: number; record: string }>(
    'SELECT day, version, record FROM daily_records WHERE day > ? ORDER BY day',
  );
  return { after: (day) => after.all(day ?? '') };
}

/**
 * The outbox's `refused` holds central's answer as JSON: its English message and, from a
 * central that sends one, the code and values the console says in its reader's language.
 * A row refused before codes existed holds the message alone, as plain text.
 */
const StoredRefusal = z.object({ message: z.string(), refusal: CentralRefusalSchema.nullable() });

function refusalText(result: { error: string; reason?: unknown }): string {
  const refusal = CentralRefusalSchema.safeParse(result.reason);
  return JSON.stringify({ message: result.error, refusal: refusal.success ? refusal.data : null });
}

function refusalOf(stored: string): { reason: string; refusal: CentralRefusal | null } {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(stored);
  } catch {
    // plain text: a refusal stored before codes existed
  }
  const known = StoredRefusal.safeParse(parsed);
  return known.success
    ? { reason: known.data.message, refusal: known.data.refusal }
    : { reason: stored, refusal: null };
}

type Statements = ReturnType<typeof statements>;

function statements(db: Db) {
  return {
    link: db.prepare<[], LinkRow>('SELECT * FROM central_link WHERE id = 1'),
    newest: db.prepare<[], { day: string | null }>('SELECT max(day) AS day FROM outbox'),
    queue: db.prepare(
      `INSERT OR IGNORE INTO outbox (day, schema_version, record, queued_at)
       VALUES (@day, @version, @record, @at)`,
    ),
    waiting: db.prepare<[number], { day: string; schema_version: number; record: string }>(
      `SELECT day, schema_version, record FROM outbox WHERE sent_at IS NULL AND refused IS NULL
       ORDER BY day, schema_version LIMIT ?`,
    ),
    waitingCount: db.prepare<[], { n: number }>(
      'SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL AND refused IS NULL',
    ),
    refused: db.prepare<[], { day: string; schema_version: number; refused: string }>(
      'SELECT day, schema_version, refused FROM outbox WHERE refused IS NOT NULL ORDER BY day',
    ),
    tried: db.prepare<[string, number]>(
      'UPDATE outbox SET attempts = attempts + 1 WHERE day = ? AND schema_version = ?',
    ),
    sent: db.prepare<[number, string, number]>(
      'UPDATE outbox SET sent_at = ?, attempts = attempts + 1 WHERE day = ? AND schema_version = ?',
    ),
    refuse: db.prepare<[string, string, number]>(
      'UPDATE outbox SET refused = ?, attempts = attempts + 1 WHERE day = ? AND schema_version = ?',
    ),
    pushed: db.prepare<[number]>(
      'UPDATE central_link SET last_push_at = ?, last_error = NULL WHERE id = 1',
    ),
    failed: db.prepare<[string]>('UPDATE central_link SET last_error = ? WHERE id = 1'),
    pulled: db.prepare<[number, number]>(
      'UPDATE central_link SET last_pull_at = ?, fee_version = ? WHERE id = 1',
    ),
    localFees: db.prepare<[], { code: string; localFeeLak: number }>(
      `SELECT n.national_code AS code, s.fee_lak AS localFeeLak FROM service_national_codes n
       JOIN services s ON s.id = n.service_id ORDER BY n.national_code`,
    ),
    clearFees: db.prepare('DELETE FROM national_fees'),
    fees: db.prepare<[], NationalFeeRow>(
      `SELECT code, effective_on AS effectiveOn, name_lo AS nameLo, name_en AS nameEn,
         fee_lak AS feeLak, ref_lo AS refLo, ref_en AS refEn FROM national_fees
       ORDER BY code, effective_on`,
    ),
    mappings: db.prepare<[], { serviceId: string; nationalCode: string }>(
      `SELECT service_id AS serviceId, national_code AS nationalCode FROM service_national_codes
       ORDER BY service_id`,
    ),
    addFee: db.prepare(
      `INSERT INTO national_fees (code, effective_on, name_lo, name_en, fee_lak, ref_lo, ref_en)
       VALUES (@code, @effectiveOn, @nameLo, @nameEn, @feeLak, @refLo, @refEn)`,
    ),
    enrol: db.prepare(
      `INSERT INTO central_link (id, url, token, centre_code, enrolled_at) VALUES (1, @url, @token, @code, @at)
       ON CONFLICT (id) DO UPDATE SET url = @url, token = @token, centre_code = @code,
         enrolled_at = @at, last_error = NULL, fee_version = 0`,
    ),
  };
}

async function pushAll({ db, clock, log }: LinkDeps, q: Statements, link: LinkRow, token: string) {
  for (;;) {
    const batch = q.waiting.all(PUSH_BATCH);
    if (batch.length === 0) return;
    const { results } = await centralClient.push(link.url, token, {
      records: batch.map((r) => JSON.parse(r.record) as unknown),
      fees: q.localFees.all(),
    });
    if (results.length !== batch.length)
      throw new CentralCallError(
        `Central answered for ${results.length} of ${batch.length} records`,
        200,
      );
    db.transaction(() => {
      batch.forEach((row, i) => {
        const result = results[i];
        if (result?.status === 'refused') {
          q.refuse.run(refusalText(result), row.day, row.schema_version);
          log.error({ day: row.day, reason: result.error }, 'central refused a daily record');
        } else if (result) q.sent.run(clock.now(), row.day, row.schema_version);
        else q.tried.run(row.day, row.schema_version);
      });
      q.pushed.run(clock.now());
    })();
  }
}

async function pullFees(
  { clock, log, inForce }: LinkDeps,
  q: Statements,
  link: LinkRow,
  token: string,
) {
  const table = await centralClient.fees(link.url, token);
  if (table.version === link.fee_version) {
    q.pulled.run(clock.now(), table.version);
    return;
  }
  inForce(() => {
    q.clearFees.run();
    for (const fee of table.fees) q.addFee.run(fee satisfies NationalFeeRow);
    q.pulled.run(clock.now(), table.version);
  });
  log.info({ version: table.version, rows: table.fees.length }, 'national fee table pulled');
}

export interface LinkDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  records: DailyRecordSource;
  /** Stores the pulled fee table as one edit of the configuration in force (config-changed). */
  inForce: <T>(work: () => T) => T;
}

function statusOf(
  q: Statements,
  nextTryAt: number | null,
  opens: (link: LinkRow) => boolean,
): CentralLinkStatus {
  const link = q.link.get();
  return {
    enrolled: !!link,
    enrolAgain: !!link && !opens(link),
    url: link?.url ?? null,
    centreCode: link?.centre_code ?? null,
    lastPushAt: link?.last_push_at ?? null,
    lastPullAt: link?.last_pull_at ?? null,
    lastError: link?.last_error ?? null,
    waiting: q.waitingCount.get()?.n ?? 0,
    refused: q.refused
      .all()
      .map((r) => ({ day: r.day, version: r.schema_version, ...refusalOf(r.refused) })),
    feeVersion: link?.fee_version ?? 0,
    nextTryAt,
    nationalFees: q.fees.all().map((f) => ({
      code: f.code,
      effectiveOn: f.effectiveOn,
      name: { lo: f.nameLo, en: f.nameEn },
      feeLak: f.feeLak,
      ref: { lo: f.refLo, en: f.refEn },
    })),
    mappings: q.mappings.all(),
  };
}

/** Queues the days' records not in the outbox yet; how many were new. */
function collectInto({ db, clock, records }: LinkDeps, q: Statements): number {
  const at = clock.now();
  const fresh = records.after(q.newest.get()?.day ?? null);
  db.transaction(() => {
    for (const r of fresh) q.queue.run({ day: r.day, version: r.version, record: r.record, at });
  })();
  return fresh.length;
}

/** Exchanges the ministry's code for this centre's token, and keeps it sealed. */
async function enrolWith(
  { clock }: LinkDeps,
  q: Statements,
  token: LinkToken,
  url: string,
  code: string,
) {
  const seal = token.sealer(); // before the code is spent: a key that cannot be made fails first
  const answer = await centralClient.enrol(url, code.trim());
  const base = url.replace(/\/+$/, '');
  q.enrol.run({ url: base, token: seal(answer.token), code: answer.centre.code, at: clock.now() });
  return answer;
}

/** 30 s after the first failure, doubling, never more than an hour. */
export const retryDelayMs = (failures: number) =>
  Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), MAX_RETRY_MS);

/** Keeps why a sync failed, for the console and the log; how long until the next try. */
function failedTry({ log }: LinkDeps, q: Statements, err: unknown, failures: number) {
  const waitMs = retryDelayMs(failures);
  const message = err instanceof CentralCallError ? err.message : String(err);
  q.failed.run(message);
  log.warn({ err: message, retryInMs: waitMs }, 'central link: sync failed, will retry');
  return waitMs;
}

export function createCentralLink(deps: LinkDeps) {
  const { clock, log } = deps;
  const q = statements(deps.db);
  const token = linkToken(deps.db, log);
  let failures = 0;
  let nextTryAt: number | null = null;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const collect = () => collectInto(deps, q);

  async function syncOnce() {
    collect();
    const link = q.link.get();
    if (!link) return;
    const bearer = token.open(link.token);
    if (bearer === null) {
      nextTryAt = clock.now() + SYNC_EVERY_MS; // the records wait; enrolling again sends them
      return;
    }
    try {
      await pushAll(deps, q, link, bearer);
      await pullFees(deps, q, link, bearer);
      failures = 0;
      nextTryAt = clock.now() + SYNC_EVERY_MS;
    } catch (err) {
      nextTryAt = clock.now() + failedTry(deps, q, err, ++failures);
    }
  }

  /** One sync at a time; a second ask while one runs waits for it. */
  const sync = () => (running ??= syncOnce().finally(() => (running = null)));

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      const due = nextTryAt === null || clock.now() >= nextTryAt;
      void (due ? sync() : Promise.resolve()).finally(schedule);
    }, 5_000);
    timer.unref();
  }

  return {
    collect,
    sync,
    async enrol(url: string, code: string) {
      const answer = await enrolWith(deps, q, token, url, code);
      failures = 0;
      nextTryAt = null;
      return answer.centre;
    },
    status: () => statusOf(q, nextTryAt, (link) => token.open(link.token) !== null),
    start() {
      clearTimeout(timer);
      stopped = false;
      schedule();
    },
    /** Stops the job, after the sync that may be running (it writes to the database). */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export type CentralLink = ReturnType<typeof createCentralLink>;
