/**
 * A bar chart drawn by Chart.js (docs/mne.md says why this library): only
 * the pieces a bar chart needs are registered, so the rest stays out of the
 * console's bundle. No animation: a chart is read, printed and screenshot
 * as it is. Lao labels draw in the console's own fonts.
 *
 * Names (services, ministries, clerks) go down the side, one line each, with
 * the bars across: slanted, Lao names ran into each other (their vowels and
 * tone marks stack above and below the line) and pushed the bars into a
 * strip. Short labels (hours, weekdays, faces) stay under upright bars.
 */
import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** A label longer than this reads only across the chart, never under a bar. */
const SHORT_LABEL_CHARS = 6;
/** Room for one group of bars when they go across. */
const ROW_HEIGHT_REM = 0.75;
const AXIS_AND_LEGEND_REM = 4;
const MIN_HEIGHT_REM = 16;

/** Bars across, with the names down the side, when any name is longer than a short label. */
export const barsAcross = (labels: readonly string[]): boolean =>
  labels.some((l) => l.length > SHORT_LABEL_CHARS);

/** How tall the chart is: each group of bars across gets its own row. */
export function chartHeightRem(labels: readonly string[], seriesCount: number): number {
  if (!barsAcross(labels)) return MIN_HEIGHT_REM;
  const rows = labels.length * Math.max(1, seriesCount) * ROW_HEIGHT_REM;
  return Math.max(MIN_HEIGHT_REM, rows + AXIS_AND_LEGEND_REM);
}

export interface BarSeries {
  label: string;
  values: (number | null)[];
  /** One colour for the series, or one per bar. */
  colour: string | string[];
}

export function BarChart({
  labels,
  series,
  title,
  testId,
  legend = true,
  counts = false,
}: {
  labels: string[];
  series: BarSeries[];
  title: string;
  testId: string;
  /** False for one series, which the title names already. */
  legend?: boolean;
  /** The values are counts: the axis shows whole numbers only. */
  counts?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const across = barsAcross(labels);
  useEffect(() => {
    if (!canvas.current) return;
    const font = { family: getComputedStyle(canvas.current).fontFamily, size: 13 };
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((s) => ({
          label: s.label,
          data: s.values,
          backgroundColor: s.colour,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: across ? 'y' : 'x',
        plugins: { legend: { display: legend, labels: { font } } },
        scales: {
          [across ? 'y' : 'x']: { ticks: { font, autoSkip: false, maxRotation: 0 } },
          [across ? 'x' : 'y']: {
            beginAtZero: true,
            ticks: { font, ...(counts ? { precision: 0 } : {}) },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [labels, series, legend, counts, across]);
  return (
    <figure className="report-chart" data-testid={testId} data-bars={across ? 'across' : 'upright'}>
      <figcaption>{title}</figcaption>
      <div
        className="report-chart__canvas"
        style={{ height: `${chartHeightRem(labels, series.length)}rem` }}
      >
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
    </figure>
  );
}
