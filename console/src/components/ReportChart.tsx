/**
 * A bar chart drawn by Chart.js (docs/mne.md says why this library): only
 * the pieces a bar chart needs are registered, so the rest stays out of the
 * console's bundle. No animation: a chart is read, printed and screenshot
 * as it is. Lao labels draw in the console's own fonts.
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
        plugins: { legend: { display: legend, labels: { font } } },
        scales: {
          x: { ticks: { font, autoSkip: false, maxRotation: 40 } },
          y: { beginAtZero: true, ticks: { font, ...(counts ? { precision: 0 } : {}) } },
        },
      },
    });
    return () => chart.destroy();
  }, [labels, series, legend, counts]);
  return (
    <figure className="report-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div className="report-chart__canvas">
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
    </figure>
  );
}
