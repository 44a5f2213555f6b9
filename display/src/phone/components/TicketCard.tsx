/**
 * The citizen's own ticket: its number, service and fee, the time booked
 * when the citizen checked in for an appointment, and what happens next.
 * Nothing about anyone else is shown.
 */
import { missingCaseError } from '../../../../shared/assert.js';
import { formatMinutes, t, type Lang } from '../../../../shared/i18n/index.js';
import type { TicketView } from '../../../../shared/protocol.js';
import { feeText, peopleAheadText } from '../ticket-text.js';
import { usePhoneStore } from '../store.js';
import { FeedbackForm } from './FeedbackForm.js';

function Waiting({ view, lang }: { view: TicketView; lang: Lang }) {
  return (
    <div className="place" data-testid="place">
      <p className="place__ahead">
        <span className="place__caption">{t(lang, 'phone.people')}</span>
        <strong className="place__count" data-testid="people-ahead">
          {view.peopleAhead ?? '–'}
        </strong>
        {view.peopleAhead === 0 ? <span>{peopleAheadText(0, lang)}</span> : null}
      </p>
      <p className="place__wait">
        <span className="place__caption">{t(lang, 'ticket.estimatedWait')}</span>
        <strong>{formatMinutes(view.estimatedWaitMs, lang)}</strong>
      </p>
      <p className="phone-hint">{t(lang, 'phone.keepOpen')}</p>
    </div>
  );
}

function Done({ view, lang }: { view: TicketView; lang: Lang }) {
  const stage = usePhoneStore((s) => s.feedback.stage);
  let after;
  if (stage === 'thanks')
    after = <p className="phone-note phone-note--good">{t(lang, 'phone.thanks')}</p>;
  else if (stage === 'already-given' || view.feedbackGiven) {
    after = <p className="phone-note">{t(lang, 'reason.feedback-given')}</p>;
  } else after = <FeedbackForm lang={lang} />;
  return (
    <>
      <p className="phone-note phone-note--good">{t(lang, 'phone.doneTitle')}</p>
      <div data-testid="feedback-result">{after}</div>
    </>
  );
}

function NextStep({ view, lang }: { view: TicketView; lang: Lang }) {
  const number = view.counter?.number ?? '';
  switch (view.status) {
    case 'waiting':
      return <Waiting view={view} lang={lang} />;
    case 'called':
      return (
        <p className="phone-note phone-note--call">{t(lang, 'ticket.goToCounter', { number })}</p>
      );
    case 'serving':
      return <p className="phone-note">{t(lang, 'phone.servingAt', { number })}</p>;
    case 'parked':
      return <p className="phone-note">{t(lang, 'phone.parkedBody')}</p>;
    case 'done':
      return <Done view={view} lang={lang} />;
    case 'expired':
      return <p className="phone-note">{t(lang, 'phone.expiredBody')}</p>;
    case 'cancelled':
    case 'no_show':
    case 'transferred':
      return <p className="phone-note">{t(lang, 'phone.endedBody')}</p>;
    default:
      throw missingCaseError(view.status);
  }
}

export function TicketCard({ view, lang }: { view: TicketView; lang: Lang }) {
  return (
    <article className="ticket-card" data-testid="ticket-card" data-status={view.status}>
      <p className="ticket-card__caption">{t(lang, 'phone.yourTicket')}</p>
      <p className="ticket-card__label" data-testid="ticket-label">
        {view.label}
      </p>
      <p className="ticket-card__service">{view.service.name[lang]}</p>
      {view.booking ? (
        <p className="ticket-card__booking" data-testid="ticket-booking">
          {t(lang, 'appointment.at', { time: view.booking.start })}
        </p>
      ) : null}
      <p className={`status-pill status-pill--${view.status}`} data-testid="ticket-status">
        {t(lang, `status.${view.status}`)}
      </p>
      <NextStep view={view} lang={lang} />
      <p className="ticket-card__fee">
        <span>{t(lang, view.service.feeIsSample ? 'ticket.fee' : 'kiosk.officialFee')}: </span>
        <strong>{feeText(view.service, lang)}</strong>
        {view.service.feeIsSample ? (
          <span className="phone-sample">{t(lang, 'ticket.feeSample')}</span>
        ) : null}
      </p>
    </article>
  );
}
