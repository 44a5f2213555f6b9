import { t } from '../../../shared/i18n/index.js';
import type { Ticket } from '../../../shared/protocol.js';
import type { Desk } from '../desk.js';
import { CURRENT_STEPS, type DeskAction } from '../desk-actions.js';
import { formatClock, formatDuration } from '../time-format.js';
import { useCounterStore } from '../store.js';
import { ActionButton } from './ActionButton.js';
import { PriorityChip } from './PriorityChip.js';

/** The step a clerk takes most often in each state gets the big button. */
const PRIMARY: ReadonlySet<DeskAction> = new Set(['call-next', 'start', 'complete-next']);

/** Who is at the counter: the number large enough to read across the desk, and the times. */
function TicketFacts({ ticket, now }: { ticket: Ticket; now: number }) {
  const lang = useCounterStore((s) => s.lang);
  const service = useCounterStore((s) =>
    s.snapshot?.services.find((x) => x.id === ticket.serviceId),
  );
  return (
    <div className="current__ticket">
      <div className="current__head">
        <span className="current__label" data-testid="current-label">
          {ticket.label}
        </span>
        <span className={`chip chip--${ticket.status}`} data-testid="current-status">
          {t(lang, `status.${ticket.status}`)}
        </span>
        <PriorityChip ticket={ticket} lang={lang} />
      </div>
      <p className="current__service">{service?.name[lang] ?? ticket.serviceId}</p>
      <dl className="current__times">
        <div>
          <dt>{t(lang, 'counter.current.waited')}</dt>
          <dd>{formatDuration((ticket.calledAt ?? now) - ticket.issuedAt, lang)}</dd>
        </div>
        <div>
          <dt>
            {t(
              lang,
              ticket.startedAt === null ? 'counter.current.calledAgo' : 'counter.current.serving',
            )}
          </dt>
          <dd className="current__clock" data-testid="service-clock">
            {formatClock(now - (ticket.startedAt ?? ticket.calledAt ?? now))}
          </dd>
        </div>
        {ticket.recalls > 0 ? (
          <div>
            <dt>{t(lang, 'counter.current.recalls')}</dt>
            <dd>{ticket.recalls}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}

/** The citizen at the counter and what can be done now; with nobody there, the call button. */
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
  const { current } = desk;
  const steps = current
    ? [...CURRENT_STEPS, 'complete-next' as const].filter((a) => available.has(a))
    : (['call-next'] as const).filter((a) => available.has(a));
  const hint =
    desk.counter.status === 'open' ? 'counter.current.noneHint' : 'counter.current.pausedHint';

  return (
    <section className="card current" aria-labelledby="current-title" data-testid="current">
      <h2 id="current-title" className="card__title">
        {t(lang, 'counter.current.title')}
      </h2>
      {current ? (
        <TicketFacts ticket={current} now={now} />
      ) : (
        <div className="current__empty">
          <p className="current__none">{t(lang, 'counter.current.none')}</p>
          <p className="hint">{t(lang, hint)}</p>
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
