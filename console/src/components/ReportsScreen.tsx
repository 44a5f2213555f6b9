/**
 * Reports (docs/mne.md): a date range and a grouping, then the figures as a
 * table, charts, the arrivals heat map and the citizens' feedback; CSV and
 * XLSX downloads, the daily records, and an A4 print of what is shown.
 * Supervisors and managers read them; a manager also marks comments
 * reviewed and hands out the ministry's tokens.
 */
import { useEffect, type FormEvent } from 'react';
import { t, type Lang } from '../../../shared/i18n/index.js';
import { formatDate, formatTime } from '../../../shared/i18n/calendar.js';
import { dayText } from '../../../shared/i18n/day-text.js';
import { REPORT_GROUPS, type Report, type ReportGroup } from '../../../shared/protocol.js';
import {
  defaultRange,
  downloadRecords,
  downloadReport,
  runReport,
  setGroupBy,
  setRange,
  useReportStore,
} from '../report-actions.js';
import { useCanEdit, useConsoleStore } from '../store.js';
import { DateField } from './DateField.js';
import { Field } from './Field.js';
import { MinistryTokens } from './MinistryTokens.js';
import { CommentsCard, FeedbackCard } from './ReportFeedback.js';
import { ArrivalsHeatmap, ReportCharts, ReportTable } from './ReportResults.js';
import { BookingCountsTable } from './BookingCountsTable.js';

/** Bookings for the days shown, per service whatever the grouping. */
function ReportBookings({ report, lang }: { report: Report; lang: Lang }) {
  const { bookings } = report;
  return (
    <section className="card report-card" data-testid="report-bookings-card">
      <h2>{t(lang, 'console.reports.bookings')}</h2>
      <p className="hint">{t(lang, 'console.reports.bookingsHint')}</p>
      {bookings.byService.length === 0 ? (
        <p className="hint">{t(lang, 'console.reports.bookingsNone')}</p>
      ) : (
        <BookingCountsTable
          testId="report-bookings"
          total={bookings.total}
          services={bookings.byService}
        />
      )}
    </section>
  );
}

function ReportFiles() {
  const lang = useConsoleStore((s) => s.lang);
  const shown = useReportStore((s) => s.report !== null);
  return (
    <div className="report-controls__files">
      <button
        type="button"
        className="button"
        disabled={!shown}
        onClick={() => void downloadReport('csv')}
      >
        {t(lang, 'console.reports.downloadCsv')}
      </button>
      <button
        type="button"
        className="button"
        disabled={!shown}
        onClick={() => void downloadReport('xlsx')}
      >
        {t(lang, 'console.reports.downloadXlsx')}
      </button>
      <button type="button" className="button" onClick={() => void downloadRecords()}>
        {t(lang, 'console.reports.downloadRecords')}
      </button>
      <button type="button" className="button" disabled={!shown} onClick={() => window.print()}>
        {t(lang, 'console.reports.print')}
      </button>
    </div>
  );
}

function ReportControls() {
  const lang = useConsoleStore((s) => s.lang);
  const busy = useConsoleStore((s) => s.busy);
  const range = useReportStore((s) => s.range);
  const groupBy = useReportStore((s) => s.groupBy);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void runReport();
  };
  return (
    <form className="card report-controls" onSubmit={submit} data-testid="report-controls">
      <DateField
        label="console.reports.from"
        path="range.from"
        value={range.from}
        onChange={(from) => setRange({ ...range, from })}
      />
      <DateField
        label="console.reports.to"
        path="range.to"
        value={range.to}
        onChange={(to) => setRange({ ...range, to })}
      />
      <Field label="console.reports.groupBy" path="groupBy">
        <select
          name="groupBy"
          value={groupBy}
          onChange={(e) => setGroupBy(e.target.value as ReportGroup)}
        >
          {REPORT_GROUPS.map((g) => (
            <option key={g} value={g}>
              {t(lang, `report.group.${g}`)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="button button--primary" disabled={busy === 'report'}>
        {t(lang, busy === 'report' ? 'console.reports.loading' : 'console.reports.run')}
      </button>
      <ReportFiles />
    </form>
  );
}

/** What a printed page says at its top: the centre, the days, the grouping, when printed. */
function PrintHeading() {
  const lang = useConsoleStore((s) => s.lang);
  const centre = useConsoleStore((s) => s.config?.centre);
  const report = useReportStore((s) => s.report);
  const now = useReportStore((s) => s.shownAt);
  if (!report || !centre || now === null) return null;
  return (
    <header className="report-print-heading">
      <h1>{centre.name[lang]}</h1>
      <p>
        {t(lang, 'console.nav.reports')} · {t(lang, `report.group.${report.groupBy}`)} ·{' '}
        {t(lang, 'console.reports.period', {
          from: dayText(report.from),
          to: dayText(report.to),
          days: report.days,
        })}
      </p>
      <p className="hint">
        {t(lang, 'console.reports.printedAt', {
          at: `${formatDate(now, centre.timeZone, lang)} ${formatTime(now, centre.timeZone)}`,
        })}
      </p>
    </header>
  );
}

export function ReportsScreen() {
  const lang = useConsoleStore((s) => s.lang);
  const today = useConsoleStore((s) => s.snapshot?.day);
  const report = useReportStore((s) => s.report);
  const canEdit = useCanEdit();
  useEffect(() => {
    // The first visit shows the last 30 days at once.
    if (useReportStore.getState().report === null) {
      setRange(defaultRange(today));
      void runReport();
    }
  }, [today]);
  return (
    <div className="reports" data-testid="reports">
      <ReportControls />
      <PrintHeading />
      {report ? (
        <>
          <p className="report-period" data-testid="report-period">
            {t(lang, 'console.reports.period', {
              from: dayText(report.from),
              to: dayText(report.to),
              days: report.days,
            })}
          </p>
          {report.days === 0 ? <p className="hint">{t(lang, 'console.reports.empty')}</p> : null}
          <ReportTable report={report} lang={lang} />
          <ReportBookings report={report} lang={lang} />
          <ReportCharts report={report} lang={lang} />
          <ArrivalsHeatmap report={report} lang={lang} />
          <FeedbackCard report={report} lang={lang} />
          <CommentsCard lang={lang} />
        </>
      ) : null}
      {canEdit ? <MinistryTokens lang={lang} /> : null}
    </div>
  );
}
