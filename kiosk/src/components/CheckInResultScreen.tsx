/**
 * A check-in that gave no ticket, said plainly with what to do: come back
 * at a time (shown large), on another day, or check the code; with the
 * booking's service and time when the code was found. A check-in that gave
 * a ticket shows the ticket instead (TicketScreen).
 */
import { formatTime } from '../../../shared/i18n/calendar.js';
import { t } from '../../../shared/i18n/index.js';
import type { CheckInAnswer } from '../../../shared/protocol.js';
import { checkInWords, dayName } from '../../../shared/ui/booking-words.js';
import { useKioskStore } from '../store.js';
import { useBookingScan } from '../use-booking-scan.js';
import { Fact } from './Fact.js';

function BookingFacts({ booking }: { booking: NonNullable<CheckInAnswer['booking']> }) {
  const lang = useKioskStore((s) => s.lang);
  const service = useKioskStore((s) =>
    s.snapshot?.services.find((x) => x.id === booking.serviceId),
  );
  return (
    <div className="facts">
      {service ? <Fact label={t(lang, 'booking.service')}>{service.name[lang]}</Fact> : null}
      <Fact label={t(lang, 'booking.when')}>
        {dayName(booking.day, lang)}, {booking.start}
      </Fact>
    </div>
  );
}

export function CheckInResultScreen({ answer }: { answer: CheckInAnswer }) {
  const lang = useKioskStore((s) => s.lang);
  const timeZone = useKioskStore((s) => s.snapshot?.centre.timeZone ?? 'Asia/Vientiane');
  const back = useKioskStore((s) => s.back);
  const reset = useKioskStore((s) => s.reset);
  const { outcome } = answer;
  useBookingScan();
  return (
    <main
      className="screen check-in-result"
      data-testid="check-in-result"
      data-outcome={answer.outcome}
    >
      <h1 className="check-in__title">{t(lang, `checkin.title.${outcome}`)}</h1>
      {outcome === 'too-early' && answer.opensAt !== undefined ? (
        <p className="check-in-result__time">
          <span>{t(lang, 'checkin.comeBackAt')}</span>
          <strong data-testid="come-back-at">{formatTime(answer.opensAt, timeZone)}</strong>
        </p>
      ) : null}
      <p className="check-in-result__words notice notice--warning" role="status">
        {checkInWords(answer, timeZone, lang)}
      </p>
      {answer.booking ? <BookingFacts booking={answer.booking} /> : null}
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={back}>
          {t(lang, 'kiosk.booking.tryAgain')}
        </button>
        <button type="button" className="button button--primary" onClick={reset}>
          {t(lang, 'kiosk.done')}
        </button>
      </div>
    </main>
  );
}
