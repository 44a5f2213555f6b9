import { formatTime } from '../../../shared/i18n/calendar.js';
import { t } from '../../../shared/i18n/index.js';
import type { WebhookDeliveryView } from '../../../shared/protocol.js';
import { retryDelivery, useIntegrationsStore } from '../integration-actions.js';
import { useConsoleStore } from '../store.js';

function LastAnswer({ d }: { d: WebhookDeliveryView }) {
  const lang = useConsoleStore((s) => s.lang);
  const timeZone = useConsoleStore((s) => s.config?.centre.timeZone ?? 'Asia/Vientiane');
  const answer =
    d.lastAt === null
      ? '—'
      : d.lastStatus !== null
        ? t(lang, 'console.deliveries.http', { status: d.lastStatus })
        : t(lang, 'console.deliveries.noAnswer', { error: d.lastError ?? '' });
  const next =
    d.nextAt === null
      ? ''
      : ` · ${t(lang, 'console.deliveries.next', { time: formatTime(d.nextAt, timeZone) })}`;
  return <>{`${answer}${next}`}</>;
}

/** What was sent where, newest first: its state, its tries, the last answer, and Retry. */
export function DeliveryLog() {
  const lang = useConsoleStore((s) => s.lang);
  const timeZone = useConsoleStore((s) => s.config?.centre.timeZone ?? 'Asia/Vientiane');
  const deliveries = useIntegrationsStore((s) => s.deliveries);
  return (
    <section className="card" aria-labelledby="deliveries-title" data-testid="delivery-log">
      <h2 id="deliveries-title">{t(lang, 'console.deliveries.title')}</h2>
      <p className="hint">{t(lang, 'console.deliveries.hint')}</p>
      <table className="table">
        <thead>
          <tr>
            <th>{t(lang, 'console.deliveries.time')}</th>
            <th>{t(lang, 'console.deliveries.event')}</th>
            <th>{t(lang, 'console.deliveries.ticket')}</th>
            <th>{t(lang, 'console.deliveries.webhook')}</th>
            <th>{t(lang, 'console.deliveries.status')}</th>
            <th>{t(lang, 'console.deliveries.attempts')}</th>
            <th>{t(lang, 'console.deliveries.result')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(deliveries ?? []).map((d) => (
            <tr key={d.id} data-testid={`delivery-${d.id}`} data-state={d.status}>
              <td>{formatTime(d.createdAt, timeZone)}</td>
              <td>{t(lang, `console.webhooks.event.${d.event}`)}</td>
              <td>{d.label ?? '—'}</td>
              <td>{d.webhookName}</td>
              <td>
                <span className={`mark mark--delivery-${d.status}`}>
                  {t(lang, `console.deliveries.status.${d.status}`)}
                </span>
              </td>
              <td>{d.attempts}</td>
              <td>
                <LastAnswer d={d} />
              </td>
              <td>
                <button type="button" className="button" onClick={() => void retryDelivery(d)}>
                  {t(lang, 'console.deliveries.retry')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {deliveries?.length === 0 ? (
        <p className="hint">{t(lang, 'console.deliveries.none')}</p>
      ) : null}
    </section>
  );
}
