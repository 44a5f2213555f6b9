/**
 * /book/<code>: the citizen's booking, with its code large, the QR code of
 * this page, the time and the check-in window in plain words; while it is
 * booked, check in (on the centre's Wi-Fi), change the time or cancel it.
 * Right after booking, the same page says the booking is made.
 */
import { t, type Lang } from '../../../../shared/i18n/index.js';
import type { Booking } from '../../../../shared/protocol.js';
import { arriveWords, checkInWords } from '../../../../shared/ui/booking-words.js';
import { QrCode } from '../../../../shared/ui/QrCode.js';
import { checkInNow } from '../book-actions.js';
import { dayWords } from '../days.js';
import { pageLang, useBookStore } from '../store.js';
import { BookingActions } from './BookingActions.js';

export const bookingUrl = (publicUrl: string, code: string) =>
  `${publicUrl.replace(/\/+$/, '')}/book/${code}`;

function Facts({ booking, lang }: { booking: Booking; lang: Lang }) {
  const today = useBookStore((s) => s.snapshot?.day ?? '');
  const service = useBookStore((s) => s.snapshot?.services.find((x) => x.id === booking.serviceId));
  return (
    <dl className="book-facts">
      <div>
        <dt>{t(lang, 'booking.service')}</dt>
        <dd data-testid="booking-service">{service?.name[lang] ?? booking.serviceId}</dd>
      </div>
      <div>
        <dt>{t(lang, 'booking.when')}</dt>
        <dd data-testid="booking-when">
          {dayWords(booking.day, today, lang)}, {booking.start}
        </dd>
      </div>
      {booking.name ? (
        <div>
          <dt>{t(lang, 'booking.name')}</dt>
          <dd>{booking.name}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t(lang, 'booking.phone')}</dt>
        <dd>{booking.phoneMasked}</dd>
      </div>
    </dl>
  );
}

/** The ticket check-in gave, with the way to follow it live. */
function TicketLink({ booking, lang }: { booking: Booking; lang: Lang }) {
  // A check-in just made here says the number already.
  const said = useBookStore((s) => s.checkIn?.ticket !== undefined);
  if (!booking.ticket) return null;
  return (
    <div className="book-ticket" data-testid="booking-ticket">
      {said ? null : (
        <p className="phone-note">{t(lang, 'booking.ticket', { label: booking.ticket.label })}</p>
      )}
      <a className="phone-button book-link" href={`/t/${encodeURIComponent(booking.ticket.code)}`}>
        {t(lang, 'booking.followTicket')}
      </a>
    </div>
  );
}

function StatusNote({ booking, lang }: { booking: Booking; lang: Lang }) {
  const timeZone = useBookStore((s) => s.snapshot?.centre.timeZone ?? 'Asia/Vientiane');
  switch (booking.status) {
    case 'booked':
      return (
        <p className="book-arrive" data-testid="booking-arrive">
          {arriveWords(booking, timeZone, lang)}
        </p>
      );
    case 'cancelled':
      return <p className="phone-note">{t(lang, 'booking.cancelledBody')}</p>;
    case 'no-show':
      return <p className="phone-note">{t(lang, 'booking.noShowBody')}</p>;
    case 'checked-in':
    case 'late':
      return null;
  }
}

/** Above the code: just booked, or the booking's own page; and the last change, in words. */
function Heading({ booking, lang }: { booking: Booking; lang: Lang }) {
  const justBooked = useBookStore((s) => s.justBooked);
  const notice = useBookStore((s) => s.notice);
  const today = useBookStore((s) => s.snapshot?.day ?? '');
  return (
    <>
      {justBooked ? (
        <h1 className="book-done" data-testid="booked">
          {t(lang, 'book.doneTitle')}
        </h1>
      ) : (
        <h1 className="book-title">{t(lang, 'booking.title')}</h1>
      )}
      {notice ? (
        <p className="phone-note phone-note--good" role="status" data-testid="booking-notice">
          {t(lang, notice, { day: dayWords(booking.day, today, lang), time: booking.start })}
        </p>
      ) : null}
    </>
  );
}

function CheckInOutcome({ lang }: { lang: Lang }) {
  const checkIn = useBookStore((s) => s.checkIn);
  const timeZone = useBookStore((s) => s.snapshot?.centre.timeZone ?? 'Asia/Vientiane');
  if (!checkIn) return null;
  return (
    <p
      className="book-outcome"
      role="status"
      data-testid="check-in-outcome"
      data-outcome={checkIn.outcome}
    >
      {checkInWords(checkIn, timeZone, lang)}
    </p>
  );
}

export function BookingView() {
  const lang = useBookStore(pageLang);
  const booking = useBookStore((s) => s.booking);
  const publicUrl = useBookStore((s) => s.snapshot?.centre.publicUrl ?? window.location.origin);
  if (!booking) return null;
  return (
    <article className="book-card" data-testid="booking" data-status={booking.status}>
      <Heading booking={booking} lang={lang} />
      <p className="ticket-card__caption">{t(lang, 'book.codeCaption')}</p>
      <p className="book-code" data-testid="booking-code">
        {booking.code}
      </p>
      <p
        className={`status-pill book-status book-status--${booking.status}`}
        data-testid="booking-status"
      >
        {t(lang, `booking.status.${booking.status}`)}
      </p>
      <Facts booking={booking} lang={lang} />
      <StatusNote booking={booking} lang={lang} />
      <CheckInOutcome lang={lang} />
      <TicketLink booking={booking} lang={lang} />
      {booking.status === 'booked' ? (
        <>
          <div className="book-qr">
            <QrCode
              url={bookingUrl(publicUrl, booking.code)}
              alt={t(lang, 'book.qrAlt', { code: booking.code })}
              testId="booking-qr"
            />
          </div>
          <p className="phone-hint">{t(lang, 'book.keep')}</p>
          <BookingActions booking={booking} onCheckIn={() => void checkInNow()} />
        </>
      ) : null}
      <a className="book-another" href="/book">
        {t(lang, 'book.another')}
      </a>
    </article>
  );
}
