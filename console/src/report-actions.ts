/**
 * The Reports screen's requests: the report itself, the citizens' comments
 * and a manager's review mark, the ministry's tokens, and the downloads
 * (CSV, XLSX and the daily records), which come over HTTP with the same
 * credentials the socket carries, as the logo does (logo-actions.ts).
 */
import { create } from 'zustand';
import {
  REPORT_DAYS_PATH,
  REPORT_EXPORT_PATH,
  RequestSchemas,
  type MinistryTokenView,
  type DayRange,
  type FeedbackComment,
  type Report,
  type ReportGroup,
} from '../../shared/protocol.js';
import { checkLocally, refused, request } from './config-actions.js';
import { ask, deviceToken } from './connection.js';
import { readToken } from './saved-session.js';
import { UNREACHABLE, useConsoleStore } from './store.js';

export interface ReportState {
  range: DayRange;
  groupBy: ReportGroup;
  report: Report | null;
  /** When the report on screen was counted (its print says so). */
  shownAt: number | null;
  comments: FeedbackComment[];
  tokens: MinistryTokenView[];
  /** A token just made, shown once until the manager closes it. */
  newToken: string | null;
}

const DAY_MS = 86_400_000;
const dayBefore = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

/** The last 30 days up to the service day the hub is on. */
export function defaultRange(today: string | undefined): DayRange {
  const to = today ?? new Date().toISOString().slice(0, 10);
  return { from: dayBefore(to, 29), to };
}

export const useReportStore = create<ReportState>()(() => ({
  range: defaultRange(undefined),
  groupBy: 'service',
  report: null,
  shownAt: null,
  comments: [],
  tokens: [],
  newToken: null,
}));

export const setRange = (range: DayRange) => useReportStore.setState({ range });
export const setGroupBy = (groupBy: ReportGroup) => useReportStore.setState({ groupBy });
export const closeNewToken = () => useReportStore.setState({ newToken: null });

export async function loadComments(): Promise<void> {
  const { range } = useReportStore.getState();
  const comments = await request('comments', (h) => h.request('report:comments', { range }));
  if (comments) useReportStore.setState({ comments });
}

/** Shows the report for the chosen days and grouping, and that range's comments. */
export async function runReport(): Promise<boolean> {
  const { range, groupBy } = useReportStore.getState();
  if (!checkLocally(RequestSchemas['report:run'], { range, groupBy })) return false;
  const report = await request('report', (h) => h.request('report:run', { range, groupBy }));
  if (!report) return false;
  useReportStore.setState({ report, shownAt: Date.now() });
  await loadComments();
  return true;
}

export async function reviewComment(c: FeedbackComment, reviewed: boolean): Promise<void> {
  useConsoleStore.setState({ busy: 'comment', notice: null, fieldErrors: [] });
  const ack = await ask((h) =>
    h.request('report:comment-review', { feedbackId: c.id, reviewed, version: c.version }),
  );
  useConsoleStore.setState({ busy: null });
  if (!ack) return useConsoleStore.setState({ notice: UNREACHABLE });
  // Stale: someone else marked it; the list shows it as it is now.
  if (!ack.ok) await refused(ack.error);
  await loadComments();
}

export async function loadTokens(): Promise<void> {
  const tokens = await request('tokens', (h) => h.request('report:tokens', {}));
  if (tokens) useReportStore.setState({ tokens });
}

export async function createToken(name: string): Promise<boolean> {
  if (!checkLocally(RequestSchemas['report:token-create'], { name })) return false;
  const made = await request('tokens', (h) => h.request('report:token-create', { name }));
  if (!made) return false;
  useReportStore.setState({ newToken: made.token });
  await loadTokens();
  return true;
}

export async function revokeToken(token: MinistryTokenView): Promise<void> {
  useConsoleStore.setState({ busy: 'tokens', notice: null, fieldErrors: [] });
  const ack = await ask((h) =>
    h.request('report:token-revoke', { tokenId: token.id, version: token.version }),
  );
  useConsoleStore.setState({ busy: null });
  if (!ack) return useConsoleStore.setState({ notice: UNREACHABLE });
  if (!ack.ok) await refused(ack.error);
  await loadTokens();
}

function headers(): Record<string, string> {
  const out: Record<string, string> = {};
  const session = readToken();
  const device = deviceToken();
  if (session) out.authorization = `Bearer ${session}`;
  if (device) out['x-khiu-device'] = device;
  return out;
}

function saveAs(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function download(path: string, fileName: string): Promise<void> {
  useConsoleStore.setState({ busy: 'download', notice: null });
  const res = await fetch(path, { headers: headers() }).catch(() => null);
  useConsoleStore.setState({ busy: null });
  if (!res) return useConsoleStore.setState({ notice: UNREACHABLE });
  if (!res.ok) {
    return useConsoleStore.setState({
      notice: { key: 'console.reports.downloadFailed', tone: 'error' },
    });
  }
  saveAs(await res.blob(), fileName);
}

/** The report on screen as a CSV or XLSX file, headed in the console's language. */
export function downloadReport(format: 'csv' | 'xlsx'): Promise<void> {
  const { range, groupBy } = useReportStore.getState();
  const { lang } = useConsoleStore.getState();
  const query = new URLSearchParams({ ...range, groupBy, format, lang });
  const name = `khiu-report-${groupBy}-${range.from}-${range.to}.${format}`;
  return download(`${REPORT_EXPORT_PATH}?${query}`, name);
}

/** The daily records of the chosen days, as the ministry receives them. */
export function downloadRecords(): Promise<void> {
  const { range } = useReportStore.getState();
  const query = new URLSearchParams(range);
  return download(
    `${REPORT_DAYS_PATH}?${query}`,
    `khiu-daily-records-${range.from}-${range.to}.json`,
  );
}
