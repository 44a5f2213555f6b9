import { useEffect } from 'react';
import { formatDate, formatTime } from '../../../shared/i18n/calendar.js';
import { dayText } from '../../../shared/i18n/day-text.js';
import { formatKip, t } from '../../../shared/i18n/index.js';
import { loadFeeHistory } from '../config-actions.js';
import { useConsoleStore } from '../store.js';

/** Who changed the fee, when, from what to what, and on which legal reference; newest first. */
export function FeeHistory({ serviceId, version }: { serviceId: string; version: number }) {
  const lang = useConsoleStore((s) => s.lang);
  const timeZone = useConsoleStore((s) => s.config?.centre.timeZone ?? 'Asia/Vientiane');
  const changes = useConsoleStore((s) =>
    s.feeHistory?.serviceId === serviceId ? s.feeHistory.changes : null,
  );
  // Asked again whenever the service's version moves, so a saved fee appears here at once.
  useEffect(() => {
    void loadFeeHistory(serviceId);
  }, [serviceId, version]);
  const fee = (lak: number | null, sample: boolean | null) =>
    lak === null
      ? '—'
      : `${formatKip(lak, lang)}${sample ? ` (${t(lang, 'console.sample')})` : ''}`;
  return (
    <section className="card fee-history" data-testid="fee-history">
      <h2>{t(lang, 'console.feeHistory.title')}</h2>
      {changes === null || changes.length === 0 ? (
        <p className="hint">{t(lang, 'console.feeHistory.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t(lang, 'console.feeHistory.when')}</th>
              <th>{t(lang, 'console.feeHistory.who')}</th>
              <th>{t(lang, 'console.feeHistory.change')}</th>
              <th>{t(lang, 'console.feeHistory.ref')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c, i) => (
              <tr key={`${c.at}-${i}`}>
                <td>{`${formatDate(c.at, timeZone, lang)} ${formatTime(c.at, timeZone)}`}</td>
                <td>{c.staffName ?? t(lang, 'console.feeHistory.system')}</td>
                <td>{`${fee(c.oldFeeLak, c.oldIsSample)} → ${fee(c.newFeeLak, c.newIsSample)}`}</td>
                <td>{c.ref ? `${c.ref[lang]} (${dayText(c.ref.date)})` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
