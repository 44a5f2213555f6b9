/** A report's figures: the totals, the table per group, its charts and the arrivals heat map. */
import { useMemo } from 'react';
import { t, type Lang, type MessageKey } from '../../../shared/i18n/index.js';
import {
  groupLabel,
  ISO_WEEKDAY_KEYS,
  type ReportNames,
} from '../../../shared/domain/report-labels.js';
import type { ConsoleConfig, Figures, Report } from '../../../shared/protocol.js';
import { formatCount, formatDuration, formatShare, minutesOf } from '../report-format.js';
import { useConsoleStore } from '../store.js';
import { BarChart } from './ReportChart.js';

export function reportNames(config: ConsoleConfig | null): ReportNames {
  return {
    ministries: new Map(config?.ministries.map((m) => [m.id, m.name]) ?? []),
    services: new Map(config?.services.map((s) => [s.id, s.name]) ?? []),
    counters: new Map(config?.counters.flatMap((c) => (c.id ? [[c.id, c.number]] : [])) ?? []),
    staff: new Map(config?.staff.map((s) => [s.id, s.name]) ?? []),
  };
}

export function useReportNames(): ReportNames {
  const config = useConsoleStore((s) => s.config);
  return useMemo(() => reportNames(config), [config]);
}

/** The table's columns: what a supervisor reads first. */
const COLUMNS: { key: MessageKey; cell(f: Figures): string }[] = [
  { key: 'report.col.issued', cell: (f) => formatCount(f.issued) },
  { key: 'report.col.transferred_in', cell: (f) => formatCount(f.transferredIn) },
  { key: 'report.col.served', cell: (f) => formatCount(f.served) },
  { key: 'report.col.no_show', cell: (f) => formatCount(f.noShow) },
  { key: 'report.col.cancelled', cell: (f) => formatCount(f.cancelled) },
  { key: 'report.col.transferred', cell: (f) => formatCount(f.transferred) },
  { key: 'report.col.expired', cell: (f) => formatCount(f.expired) },
  { key: 'console.reports.waitMean', cell: (f) => formatDuration(f.wait.meanMs) },
  { key: 'console.reports.waitMedian', cell: (f) => formatDuration(f.wait.medianMs) },
  { key: 'console.reports.waitP90', cell: (f) => formatDuration(f.wait.p90Ms) },
  { key: 'console.reports.serviceMean', cell: (f) => formatDuration(f.service.meanMs) },
  { key: 'console.reports.serviceMedian', cell: (f) => formatDuration(f.service.medianMs) },
  { key: 'console.reports.serviceP90', cell: (f) => formatDuration(f.service.p90Ms) },
  { key: 'console.reports.withinTargetShort', cell: (f) => formatShare(f.withinTarget.share) },
  {
    key: 'console.reports.estimateErrorShort',
    cell: (f) => formatDuration(f.estimate.medianAbsErrorMs),
  },
  {
    key: 'console.reports.estimateWithinShort',
    cell: (f) => formatShare(f.estimate.within5MinShare),
  },
];

export const COLUMN_IDS = COLUMNS.map((c) => c.key);

function FiguresRow({
  label,
  figures,
  testId,
}: {
  label: string;
  figures: Figures;
  testId: string;
}) {
  return (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      {COLUMNS.map((c) => (
        <td key={c.key} data-col={c.key}>
          {c.cell(figures)}
        </td>
      ))}
    </tr>
  );
}

export function ReportTable({ report, lang }: { report: Report; lang: Lang }) {
  const names = useReportNames();
  return (
    <section className="card report-card">
      <h2>{t(lang, 'console.reports.tickets')}</h2>
      <div className="report-table__scroll">
        <table className="table report-table" data-testid="report-table">
          <thead>
            <tr>
              <th scope="col">{t(lang, `report.group.${report.groupBy}`)}</th>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col">
                  {t(lang, c.key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <FiguresRow
                key={r.key}
                label={groupLabel(report.groupBy, r.key, lang, names)}
                figures={r.figures}
                testId={`report-row-${r.key}`}
              />
            ))}
          </tbody>
          <tfoot>
            <FiguresRow
              label={t(lang, 'report.key.total')}
              figures={report.total}
              testId="report-row-total"
            />
          </tfoot>
        </table>
      </div>
    </section>
  );
}

const STATISTICS = [
  ['console.reports.mean', 'meanMs', '#0b3d91'],
  ['console.reports.median', 'medianMs', '#4f7fd1'],
  ['console.reports.p90', 'p90Ms', '#b3261e'],
] as const;

/** Mean, median and p90 of each group, in minutes. */
function durationSeries(report: Report, lang: Lang, which: 'wait' | 'service') {
  return STATISTICS.map(([key, stat, colour]) => ({
    label: t(lang, key),
    values: report.rows.map((r) => minutesOf(r.figures[which][stat])),
    colour,
  }));
}

export function ReportCharts({ report, lang }: { report: Report; lang: Lang }) {
  const names = useReportNames();
  const labels = useMemo(
    () => report.rows.map((r) => groupLabel(report.groupBy, r.key, lang, names)),
    [report, lang, names],
  );
  const waits = useMemo(() => durationSeries(report, lang, 'wait'), [report, lang]);
  const services = useMemo(() => durationSeries(report, lang, 'service'), [report, lang]);
  const group = t(lang, `report.group.${report.groupBy}`);
  return (
    <section className="card report-card report-charts">
      <h2>{t(lang, 'console.reports.times')}</h2>
      <BarChart
        testId="chart-wait"
        title={t(lang, 'console.reports.waitChart', { group })}
        labels={labels}
        series={waits}
      />
      <BarChart
        testId="chart-service"
        title={t(lang, 'console.reports.serviceChart', { group })}
        labels={labels}
        series={services}
      />
    </section>
  );
}

/** Arrivals by weekday and hour; only the opening hours that saw anyone are shown. */
export function ArrivalsHeatmap({ report, lang }: { report: Report; lang: Lang }) {
  const hours = Array.from({ length: 24 }, (_, h) => h).filter((h) =>
    report.arrivals.some((day) => (day[h] ?? 0) > 0),
  );
  const most = Math.max(1, ...report.arrivals.flat());
  return (
    <section className="card report-card">
      <h2>{t(lang, 'console.reports.arrivals')}</h2>
      <p className="hint">{t(lang, 'console.reports.arrivalsHint')}</p>
      <table className="heatmap" data-testid="arrivals-heatmap">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'console.reports.hour')}</th>
            {hours.map((h) => (
              <th key={h} scope="col">
                {String(h).padStart(2, '0')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.arrivals.map((day, i) => (
            <tr key={ISO_WEEKDAY_KEYS[i]}>
              <th scope="row">{t(lang, ISO_WEEKDAY_KEYS[i] ?? 'console.weekday.1')}</th>
              {hours.map((h) => {
                const n = day[h] ?? 0;
                const shade = n / most;
                return (
                  <td
                    key={h}
                    data-hour={h}
                    style={{
                      background: `rgba(11, 61, 145, ${(0.08 + shade * 0.92).toFixed(3)})`,
                      color: shade > 0.5 ? '#ffffff' : 'inherit',
                    }}
                  >
                    {n === 0 ? '' : formatCount(n)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
