import { useEffect, useState } from 'react';
import { formatMinutes, t } from '../../../shared/i18n/index.js';
import { peopleAheadText } from '../service-text.js';
import type { IssuedTicket } from '../../../shared/protocol.js';
import { useKioskStore, type TicketOutcome } from '../store.js';
import { FeeFact } from './FeeFact.js';
import { Fact } from './Fact.js';
import { QrCode } from '../../../shared/ui/QrCode.js';
import { PrinterNotice } from './PrinterNotice.js';

const COUNTDOWN_TICK_MS = 250;

/** The phone page of a ticket: `${publicUrl}/t/<code>`. */
export function phoneUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/t/${code}`;
}

/** Counts down to zero, then calls `onDone` once. */
function useCountdown(durationMs: number, onDone: () => void): number {
  const [secondsLeft, setSecondsLeft] = useState(Math.ceil(durationMs / 1000));
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      const leftMs = durationMs - (Date.now() - started);
      if (leftMs <= 0) {
        clearInterval(timer);
        onDone();
      } else {
        setSecondsLeft(Math.ceil(leftMs / 1000));
      }
    }, COUNTDOWN_TICK_MS);
    return () => clearInterval(timer);
  }, [durationMs, onDone]);
  return secondsLeft;
}

/**
 * How a ticket from a booking's check-in is marked: an appointment's time, or, too late for
 * it, that this is a walk-in ticket and why.
 */
function CheckInNote({ ticket, outcome }: { ticket: IssuedTicket; outcome: TicketOutcome }) {
  const lang = useKioskStore((s) => s.lang);
  const late = outcome === 'too-late';
  return (
    <div
      className={late ? 'ticket__check-in ticket__check-in--late' : 'ticket__check-in'}
      data-testid="check-in-note"
      data-outcome={outcome}
    >
      <p className="ticket__appointment">
        {late
          ? t(lang, 'checkin.title.too-late')
          : t(lang, 'appointment.at', { time: ticket.booking?.start ?? '' })}
      </p>
      <p className="ticket__check-in-words">
        {t(lang, `checkin.${outcome}`, { label: ticket.label })}
      </p>
    </div>
  );
}

/**
 * The issued ticket, big, with its QR code. A tap anywhere, or the timer,
 * takes the kiosk home for the next person. `checkIn`: it came from a
 * booking's check-in, and says so.
 */
export function TicketScreen({
  ticket,
  checkIn,
}: {
  ticket: IssuedTicket;
  checkIn?: TicketOutcome | undefined;
}) {
  const { peopleAhead, estimatedWaitMs } = ticket;
  const lang = useKioskStore((s) => s.lang);
  const ticketMs = useKioskStore((s) => s.settings.ticketMs);
  // The next citizen starts afresh, in Lao.
  const done = useKioskStore((s) => s.reset);
  const service = useKioskStore((s) => s.snapshot?.services.find((x) => x.id === ticket.serviceId));
  const publicUrl = useKioskStore((s) => s.snapshot?.centre.publicUrl ?? window.location.origin);
  const secondsLeft = useCountdown(ticketMs, done);

  return (
    // Only the Done button ends the screen: a tap on the number must not lose the citizen's ticket.
    <main className="screen ticket">
      <section className="ticket__main">
        <p className="ticket__label">{t(lang, 'kiosk.yourNumber')}</p>
        <p className="ticket__number" data-testid="ticket-number">
          {ticket.label}
        </p>
        {service ? <p className="ticket__service">{service.name[lang]}</p> : null}
        {checkIn ? <CheckInNote ticket={ticket} outcome={checkIn} /> : null}
        <div className="facts ticket__facts">
          {peopleAhead === null ? null : (
            <Fact label={t(lang, 'kiosk.yourPlace')} testId="people-ahead">
              {peopleAheadText(peopleAhead, lang)}
            </Fact>
          )}
          <Fact label={t(lang, 'ticket.estimatedWait')}>
            {formatMinutes(estimatedWaitMs, lang)}
          </Fact>
          {service ? <FeeFact feeLak={service.feeLak} isSample={service.feeIsSample} /> : null}
        </div>
        <PrinterNotice />
      </section>
      <section className="ticket__phone">
        <QrCode
          url={phoneUrl(publicUrl, ticket.code)}
          alt={t(lang, 'kiosk.qrAlt', { label: ticket.label })}
        />
        <p className="ticket__scan">{t(lang, 'ticket.scanQr')}</p>
      </section>
      <div className="actions ticket__actions">
        <p className="ticket__countdown">
          {t(lang, 'kiosk.returningIn', { seconds: secondsLeft })}
        </p>
        <button type="button" className="button button--primary" onClick={done}>
          {t(lang, 'kiosk.done')}
        </button>
      </div>
    </main>
  );
}
