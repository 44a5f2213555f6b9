/**
 * The reports over HTTP (docs/mne.md, docs/protocol.md):
 *
 * - `REPORT_DAYS_PATH?from&to`: the daily records written at each day roll,
 *   as JSON, or as CSV with `format=csv` or `Accept: text/csv`. For a
 *   console session (a supervisor or manager, as the logo route checks it) or
 *   a read-only `ministry` token, which opens this and nothing else.
 * - `REPORT_EXPORT_PATH?from&to&groupBy&format=csv|xlsx&lang`: a report as a
 *   file to download, for a console session only (it names staff).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Db } from '../db/open.js';
import { fieldErrors, HubError } from '../hub-error.js';
import type { MinistryTokens } from '../reports/ministry-tokens.js';
import { MINISTRY_TOKEN_PREFIX } from '../reports/ministry-tokens.js';
import type { DailyRecords } from '../reports/daily-records.js';
import { dailyRecordsCsv, reportCsv, reportNames, reportXlsx } from '../reports/report-files.js';
import type { Reports } from '../reports/reports.js';
import { refuse, sendJson } from './json-api.js';
import { bearerToken, restStaff, type RestManagerDeps } from './rest-manager.js';
import {
  DAILY_RECORD_SCHEMA,
  DAILY_RECORD_VERSION,
  DayRangeSchema,
  LangSchema,
  REPORT_DAYS_PATH,
  REPORT_EXPORT_PATH,
  ReportFormatSchema,
  ReportGroupSchema,
} from '../../../shared/protocol.js';

export interface ReportsRouteDeps extends RestManagerDeps {
  db: Db;
  reports: Reports;
  dailyRecords: DailyRecords;
  ministryTokens: MinistryTokens;
  log: Logger;
}

const ExportQuery = z.strictObject({
  range: DayRangeSchema,
  groupBy: ReportGroupSchema,
  format: ReportFormatSchema,
  lang: LangSchema.default('en'),
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new HubError('invalid-request', 'Check the dates and the other choices', undefined, {
    fields: fieldErrors(parsed.error),
  });
}

const param = (url: URL, name: string) => url.searchParams.get(name) ?? undefined;
const rangeOf = (url: URL) => ({ from: param(url, 'from'), to: param(url, 'to') });

/** Who may read the daily records: a live ministry token, or a console session. */
function daysReader(req: IncomingMessage, deps: ReportsRouteDeps) {
  const bearer = bearerToken(req);
  if (bearer?.startsWith(MINISTRY_TOKEN_PREFIX)) {
    if (deps.ministryTokens.check(bearer) === null) {
      throw new HubError('unauthorized', 'This token is unknown or was revoked');
    }
    return;
  }
  restStaff(req, deps, false);
}

function send(res: ServerResponse, type: string, body: string | Buffer, fileName?: string) {
  res.writeHead(200, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-length': Buffer.byteLength(body),
    ...(fileName ? { 'content-disposition': `attachment; filename="${fileName}"` } : {}),
  });
  res.end(body);
}

function days(req: IncomingMessage, url: URL, res: ServerResponse, deps: ReportsRouteDeps) {
  daysReader(req, deps);
  const range = parse(DayRangeSchema, rangeOf(url));
  const records = deps.dailyRecords.list(range);
  const csv = param(url, 'format') === 'csv' || /\btext\/csv\b/.test(req.headers.accept ?? '');
  if (csv) {
    const name = `khiu-daily-records-${range.from}-${range.to}.csv`;
    return send(res, 'text/csv; charset=utf-8', dailyRecordsCsv(records), name);
  }
  sendJson(res, 200, {
    schema: DAILY_RECORD_SCHEMA,
    version: DAILY_RECORD_VERSION,
    from: range.from,
    to: range.to,
    records,
  });
}

async function exportReport(req: IncomingMessage, url: URL, deps: ReportsRouteDeps) {
  restStaff(req, deps, false);
  const query = parse(ExportQuery, {
    range: rangeOf(url),
    groupBy: param(url, 'groupBy'),
    format: param(url, 'format'),
    lang: param(url, 'lang'),
  });
  const report = deps.reports.run({ range: query.range, groupBy: query.groupBy });
  const names = reportNames(deps.db);
  const name = `khiu-report-${query.groupBy}-${query.range.from}-${query.range.to}`;
  return query.format === 'csv'
    ? {
        type: 'text/csv; charset=utf-8',
        body: reportCsv(report, query.lang, names),
        name: `${name}.csv`,
      }
    : {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await reportXlsx(report, query.lang, names),
        name: `${name}.xlsx`,
      };
}

function failed(res: ServerResponse, err: unknown, log: Logger) {
  if (err instanceof HubError) return refuse(res, err.toAck());
  log.error({ err }, 'a report request failed');
  refuse(res, { code: 'internal', message: 'The hub could not do that' });
}

export function createReportsRoute(deps: ReportsRouteDeps) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://hub');
    if (url.pathname !== REPORT_DAYS_PATH && url.pathname !== REPORT_EXPORT_PATH) return false;
    if (req.method !== 'GET') {
      refuse(res, { code: 'invalid-request', message: `${req.method} is not supported here` });
      return true;
    }
    if (url.pathname === REPORT_DAYS_PATH) {
      try {
        days(req, url, res, deps);
      } catch (err) {
        failed(res, err, deps.log);
      }
      return true;
    }
    exportReport(req, url, deps).then(
      (file) => send(res, file.type, file.body, file.name),
      (err: unknown) => failed(res, err, deps.log),
    );
    return true;
  };
}
