/** How a report's numbers read on screen and on paper: times to the second, shares in percent. */

const pad = (n: number) => String(n).padStart(2, '0');

/** "9:24" (minutes:seconds), "1:02:05" past an hour; "—" when there is nothing to measure. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** "60.0%"; "—" for none. */
export const formatShare = (share: number | null): string =>
  share === null ? '—' : `${(share * 100).toFixed(1)}%`;

/** A mean face or answer, "3.67"; "—" for none. */
export const formatMean = (mean: number | null): string => (mean === null ? '—' : mean.toFixed(2));

export const formatCount = (n: number): string => n.toLocaleString('en-US');

/**
 * Minutes for a chart's bar, to the hundredth: to the tenth, a day of short waits (0:08, 0:07,
 * 0:09) drew three equal bars and a 0:02 service time none at all, beside a table saying otherwise.
 */
export const minutesOf = (ms: number | null): number | null =>
  ms === null ? null : Math.round(ms / 600) / 100;
