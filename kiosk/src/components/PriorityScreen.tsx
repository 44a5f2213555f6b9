import { t, type MessageKey } from '../../../shared/i18n/index.js';
import type { Priority } from '../../../shared/protocol.js';
import { issueTicket } from '../connection.js';
import { issuingBlockDetail, priorityHintText } from '../service-text.js';
import { useIssuing } from '../use-issuing.js';
import { useKioskStore } from '../store.js';

/** The groups a citizen may declare at the kiosk; appointments are booked, not declared here. */
const DECLARABLE: readonly Exclude<Priority, 'none' | 'appointment'>[] = [
  'elderly',
  'disability',
  'pregnant',
  'monk',
];

/** What the ticket request is doing: on its way, blocked by the service, or refused. */
function PriorityStatus({ pending, block }: { pending: boolean; block: MessageKey | null }) {
  const lang = useKioskStore((s) => s.lang);
  const error = useKioskStore((s) => (s.screen.name === 'priority' ? s.screen.error : null));
  return (
    <div className="priority__status" aria-live="polite">
      {pending ? <p className="notice">{t(lang, 'kiosk.issuing')}</p> : null}
      {!pending && block ? (
        <p className="notice notice--warning">{t(lang, issuingBlockDetail(block))}</p>
      ) : null}
      {!pending && !block && error ? (
        <p className="notice notice--error" role="alert">
          {t(lang, error)}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A service whose centre switched the question off (console: "Ask about
 * priority"): the ticket is taken at once (ServiceScreen), and this screen
 * only says so, or offers to try again after a failure, never the question.
 */
/** Back to the service, but not while its ticket is being taken. */
function BackButton({ disabled }: { disabled: boolean }) {
  const lang = useKioskStore((s) => s.lang);
  const back = useKioskStore((s) => s.back);
  return (
    <button type="button" className="button button--secondary" disabled={disabled} onClick={back}>
      {t(lang, 'kiosk.back')}
    </button>
  );
}

function NoQuestion({ serviceName, disabled }: { serviceName: string; disabled: boolean }) {
  const lang = useKioskStore((s) => s.lang);
  const pending = useKioskStore((s) => s.screen.name === 'priority' && s.screen.pending);
  return (
    <main className="screen priority" aria-busy={pending} data-testid="no-priority-question">
      <div className="priority__head">
        <p className="priority__service">{serviceName}</p>
        <p className="priority__hint">{t(lang, 'kiosk.noPriorityAsked')}</p>
      </div>
      <PriorityStatus pending={pending} block={null} />
      <div className="actions">
        <BackButton disabled={pending} />
        {pending ? null : (
          <button
            type="button"
            className="button button--primary"
            disabled={disabled}
            onClick={() => void issueTicket('none')}
          >
            {t(lang, 'kiosk.tryAgain')}
          </button>
        )}
      </div>
    </main>
  );
}

/**
 * "Does one of these apply to you?" Each answer is one big button that takes
 * the ticket at once: one question, one tap, nothing to confirm.
 */
export function PriorityScreen({ serviceId }: { serviceId: string }) {
  const lang = useKioskStore((s) => s.lang);
  const online = useKioskStore((s) => s.status === 'online');
  const pending = useKioskStore((s) => s.screen.name === 'priority' && s.screen.pending);
  const service = useKioskStore((s) => s.snapshot?.services.find((x) => x.id === serviceId));
  const priorityEvery = useKioskStore((s) => s.snapshot?.centre.priorityEvery);

  // A service that closes while the question is on screen says so before anyone taps.
  const { block } = useIssuing(service);
  const disabled = pending || !online || block !== null;
  const choose = (priority: Priority) => void issueTicket(priority);

  if (service && !service.asksPriority)
    return <NoQuestion serviceName={service.name[lang]} disabled={disabled} />;
  return (
    <main className="screen priority" aria-busy={pending}>
      <div className="priority__head">
        {service ? <p className="priority__service">{service.name[lang]}</p> : null}
        <h1 className="priority__question">{t(lang, 'kiosk.priorityQuestion')}</h1>
        {priorityEvery === undefined ? null : (
          <p className="priority__hint">{priorityHintText(priorityEvery, lang)}</p>
        )}
      </div>
      <div className="priority__options">
        {DECLARABLE.map((priority) => (
          <button
            key={priority}
            type="button"
            className="button button--choice"
            disabled={disabled}
            onClick={() => choose(priority)}
          >
            {t(lang, `priority.${priority}`)}
          </button>
        ))}
        <button
          type="button"
          className="button button--primary priority__none"
          disabled={disabled}
          onClick={() => choose('none')}
        >
          {t(lang, 'kiosk.priorityNo')}
        </button>
      </div>
      <PriorityStatus pending={pending} block={block} />
      <div className="actions">
        <BackButton disabled={pending} />
      </div>
    </main>
  );
}
