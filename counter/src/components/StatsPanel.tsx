import { t } from '../../../shared/i18n/index.js';
import type { DayFigures } from '../../../shared/protocol.js';
import { formatDuration } from '../time-format.js';
import { useCounterStore } from '../store.js';

/** Today's figures, for this counter and for the clerk, side by side. */
export function StatsPanel() {
  const lang = useCounterStore((s) => s.lang);
  const stats = useCounterStore((s) => s.stats);
  const average = (f?: DayFigures) => {
    const ms = f?.avgServiceMs ?? null;
    return ms === null ? '—' : formatDuration(ms, lang);
  };
  const rows = [
    ['counter.stats.served', (f?: DayFigures) => String(f?.served ?? '—')],
    ['counter.stats.noShows', (f?: DayFigures) => String(f?.noShows ?? '—')],
    ['counter.stats.average', average],
  ] as const;
  return (
    <section className="card stats" aria-labelledby="stats-title">
      <table data-testid="stats">
        <caption id="stats-title" className="card__title">
          {t(lang, 'counter.stats.title')}
        </caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{t(lang, 'counter.stats.counter')}</th>
            <th scope="col">{t(lang, 'counter.stats.staff')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, show]) => (
            <tr key={key} data-stat={key.split('.').at(-1)}>
              <th scope="row">{t(lang, key)}</th>
              <td>{show(stats?.counter)}</td>
              <td>{show(stats?.staff)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
