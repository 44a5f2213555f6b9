import { formatMinutes, t } from '../../../shared/i18n/index.js';
import { issueTicket } from '../connection.js';
import { issuingBlockDetail, waitingText } from '../service-text.js';
import { useIssuing } from '../use-issuing.js';
import { useKioskStore } from '../store.js';
import { Fact } from './Fact.js';
import { FeeFact } from './FeeFact.js';

/** What a citizen must bring, in the kiosk's language. */
function DocumentList({ documents }: { documents: readonly string[] }) {
  const lang = useKioskStore((s) => s.lang);
  return (
    <section className="service__documents documents">
      <h2 className="documents__title">{t(lang, 'ticket.documents')}</h2>
      {documents.length === 0 ? (
        <p>{t(lang, 'kiosk.noDocuments')}</p>
      ) : (
        <ol className="documents__list">
          {documents.map((doc) => (
            <li key={doc}>{doc}</li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The service is no longer offered: say so, and the way back. */
function ServiceGone() {
  const lang = useKioskStore((s) => s.lang);
  const back = useKioskStore((s) => s.back);
  return (
    <main className="screen">
      <p className="screen__note">{t(lang, 'kiosk.noServices')}</p>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={back}>
          {t(lang, 'kiosk.back')}
        </button>
      </div>
    </main>
  );
}

/**
 * Every counter for the service closed: "not known yet" alone would hide that nobody calls
 * these tickets until one opens. Open or on a break, a counter still serves it.
 */
function NoCounterNote({ serviceId }: { serviceId: string }) {
  const lang = useKioskStore((s) => s.lang);
  const noCounter = useKioskStore(
    (s) =>
      s.snapshot !== null &&
      !s.snapshot.counters.some((c) => c.status !== 'closed' && c.services.includes(serviceId)),
  );
  if (!noCounter) return null;
  return (
    <p
      className="notice notice--warning service__no-counter"
      role="status"
      data-testid="no-counter"
    >
      {t(lang, 'kiosk.noCounterOpen')}
    </p>
  );
}

/** One service: fee, documents to bring and the queue, live; then "Take a ticket". */
export function ServiceScreen({ serviceId }: { serviceId: string }) {
  const lang = useKioskStore((s) => s.lang);
  const service = useKioskStore((s) => s.snapshot?.services.find((x) => x.id === serviceId));
  const online = useKioskStore((s) => s.status === 'online');
  const askPriority = useKioskStore((s) => s.askPriority);
  const back = useKioskStore((s) => s.back);
  const { block, opensAgain } = useIssuing(service);

  // Removed by a config change while someone was looking at it.
  if (!service) return <ServiceGone />;

  return (
    <main className="screen service">
      <div className="service__head">
        <p className="service__ministry">{service.ministry.name[lang]}</p>
        <h1 className="service__name">{service.name[lang]}</h1>
      </div>
      <div className="service__facts facts">
        <FeeFact feeLak={service.feeLak} isSample={service.feeIsSample} feeRef={service.feeRef} />
        <Fact label={t(lang, 'kiosk.peopleWaiting')}>{waitingText(service.waiting, lang)}</Fact>
        <Fact label={t(lang, 'ticket.estimatedWait')}>
          {service.waiting === 0 ? '—' : formatMinutes(service.estimatedWaitMs, lang)}
        </Fact>
      </div>
      <DocumentList documents={service.documents[lang]} />
      {block ? null : <NoCounterNote serviceId={serviceId} />}
      {block ? (
        <p className="notice notice--warning service__block" role="status">
          {t(lang, issuingBlockDetail(block))}
          {opensAgain ? <strong className="service__opens"> {opensAgain}</strong> : null}
        </p>
      ) : null}
      <div className="actions service__actions">
        <button type="button" className="button button--secondary" onClick={back}>
          {t(lang, 'kiosk.back')}
        </button>
        {block ? null : (
          <button
            type="button"
            className="button button--primary"
            disabled={!online}
            onClick={() => {
              askPriority();
              // A service that asks no priority question takes the ticket at once.
              if (!service.asksPriority) void issueTicket('none');
            }}
          >
            {t(lang, 'kiosk.takeTicket')}
          </button>
        )}
      </div>
    </main>
  );
}
