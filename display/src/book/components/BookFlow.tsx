/**
 * /book: service → day → time → name and phone, one question per screen
 * with the choices so far above it; Back goes one step back. The booking
 * made, the page becomes the booking's own (BookingView).
 */
import { formatKip, t } from '../../../../shared/i18n/index.js';
import { dayWords } from '../days.js';
import { pageLang, useBookStore, type BookStep } from '../store.js';
import { DayPicker } from './DayPicker.js';
import { DetailsForm } from './DetailsForm.js';
import { SlotPicker } from './SlotPicker.js';

const STEP_NUMBER: Record<BookStep['name'], number> = { service: 1, day: 2, slot: 3, details: 4 };

function ServiceChoice() {
  const lang = useBookStore(pageLang);
  const services = useBookStore((s) => s.bookable) ?? [];
  const go = useBookStore((s) => s.go);
  if (services.length === 0) {
    return (
      <p className="phone-note" data-testid="no-bookable">
        {t(lang, 'book.noServices')}
      </p>
    );
  }
  return (
    <ul className="service-list">
      {services.map((service) => (
        <li key={service.serviceId}>
          <button
            type="button"
            className="choice service-choice"
            data-service={service.serviceId}
            onClick={() => go({ name: 'day', serviceId: service.serviceId })}
          >
            <span className="choice__main">{service.name[lang]}</span>
            <span className="choice__sub">{service.ministry[lang]}</span>
            <span className="choice__sub">
              {t(lang, 'book.slotLength', { minutes: service.slotMinutes })}
              {service.fee !== undefined ? ` · ${formatKip(service.fee, lang)}` : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** What is chosen so far, above the next question. */
function Chosen({ step }: { step: BookStep }) {
  const lang = useBookStore(pageLang);
  const today = useBookStore((s) => s.snapshot?.day ?? '');
  const service = useBookStore((s) =>
    'serviceId' in step ? s.bookable?.find((b) => b.serviceId === step.serviceId) : undefined,
  );
  if (!service) return null;
  return (
    <dl className="book-chosen" data-testid="book-chosen">
      <div>
        <dt>{t(lang, 'booking.service')}</dt>
        <dd>{service.name[lang]}</dd>
      </div>
      {'day' in step ? (
        <div>
          <dt>{t(lang, 'booking.when')}</dt>
          <dd>
            {dayWords(step.day, today, lang)}
            {'start' in step ? `, ${step.start}` : ''}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function Question({ step }: { step: BookStep }) {
  const go = useBookStore((s) => s.go);
  switch (step.name) {
    case 'service':
      return <ServiceChoice />;
    case 'day':
      return (
        <DayPicker
          serviceId={step.serviceId}
          chosen={null}
          onChoose={(day) => go({ name: 'slot', serviceId: step.serviceId, day })}
        />
      );
    case 'slot':
      return (
        <SlotPicker
          serviceId={step.serviceId}
          day={step.day}
          chosen={null}
          onChoose={(start) => go({ ...step, name: 'details', start })}
        />
      );
    case 'details':
      return <DetailsForm />;
  }
}

const QUESTION = {
  service: 'book.chooseService',
  day: 'book.chooseDay',
  slot: 'book.chooseSlot',
  details: 'book.yourDetails',
} as const;

export function BookFlow() {
  const lang = useBookStore(pageLang);
  const step = useBookStore((s) => s.step);
  const back = useBookStore((s) => s.back);
  const error = useBookStore((s) => (s.step.name === 'slot' ? s.form.error : null));
  return (
    <section className="book-step" data-step={step.name} data-testid="book-step">
      {step.name === 'service' ? (
        <>
          <h1 className="book-title">{t(lang, 'book.title')}</h1>
          <p className="book-lead">{t(lang, 'book.lead')}</p>
        </>
      ) : (
        <button type="button" className="book-back" onClick={back}>
          <span aria-hidden="true">‹ </span>
          {t(lang, 'book.back')}
        </button>
      )}
      <p className="book-progress">{t(lang, 'book.step', { step: STEP_NUMBER[step.name] })}</p>
      <Chosen step={step} />
      <h2 className="book-question">{t(lang, QUESTION[step.name])}</h2>
      {error ? (
        <p className="book-error" role="alert" data-testid="book-error">
          {t(lang, error)}
        </p>
      ) : null}
      <Question step={step} />
    </section>
  );
}
