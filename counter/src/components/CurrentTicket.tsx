import { t } from '../../../shared/i18n/index.js';
import type { Desk } from '../desk.js';
import { CURRENT_STEPS, type DeskAction } from '../desk-actions.js';
import { formatClock, formatDuration } from '../time-format.js';
import { useCounterStore } from '../store.js';
import { ActionButton } from './ActionButton.js';

/** The step a clerk takes most often in each state gets the big button. */
const PRIMARY: ReadonlySet<DeskAction> = new Set(['call-next', 'start', 'complete']);

/** The citizen at the counter, large enough to read across the desk, and what can be done now. */
export function CurrentTicket({
  desk,
  available,
  now,
}: {
  desk: Desk;
  available: Set<DeskAction>;
  now: number;
}) {
  const lang = useCounterStore((s) => s.lang);
  const services = useCounterStore((s) => s.snapshot?.services);
  const { current } = desk;
  const steps = current
    ? CURRENT_STEPS.filter((a) => available.has(a))
    : (['call-next'] as const).filter((a) => available.has(a));
  const serviceName = current
    ? (services?.find((s) => s.id === current.serviceId)?.name[lang] ?? current.serviceId)
    : null;

  return (
    <section className="card current" aria-labelledby="current-title" data-testid="current">
      <h2 id="current-title" className="card__title">
        {t(lang, 'counter.current.title')}
      </h2>
      {current ? (
        <div className="current__ticket">
          <div className="current__head">
            <span className="current__label" data-testid="current-label">
              {current.label}
            </span>
            <span className={`chip chip--${current.status}`} data-testid="current-status">
              {t(lang, `status.${current.status}`)}
            </span>
            {current.priority !== 'none' ? (
              <span className="chip chip--priority">{t(lang, `priority.${current.priority}`)}</span>
            ) : null}
          </div>
          <p className="current__service">{serviceName}</p>
          <dl className="current__times">
            <div>
              <dt>{t(lang, 'counter.current.waited')}</dt>
              <dd>{formatDuration((current.calledAt ?? now) - current.issuedAt, lang)}</dd>
            </div>
            {current.status === 'serving' && current.startedAt !== null ? (
              <div>
                <dt>{t(lang, 'counter.current.serving')}</dt>
                <dd className="current__clock" data-testid="service-clock">
                  {formatClock(now - current.startedAt)}
                </dd>
              </div>
            ) : (
              <div>
                <dt>{t(lang, 'counter.current.calledAgo')}</dt>
                <dd className="current__clock">{formatClock(now - (current.calledAt ?? now))}</dd>
              </div>
            )}
            {current.recalls > 0 ? (
              <div>
                <dt>{t(lang, 'counter.current.recalls')}</dt>
                <dd>{current.recalls}</dd>
              </div>
            ) : null}
          </dl>
        </div>
      ) : (
        <div className="current__empty">
          <p className="current__none">{t(lang, 'counter.current.none')}</p>
          <p className="hint">
            {t(
              lang,
              desk.counter.status === 'open'
                ? 'counter.current.noneHint'
                : 'counter.current.pausedHint',
            )}
          </p>
        </div>
      )}
      <div className="current__actions" data-testid="current-actions">
        {steps.map((a) => (
          <ActionButton key={a} action={a} tone={PRIMARY.has(a) ? 'primary' : 'secondary'} />
        ))}
      </div>
    </section>
  );
}
