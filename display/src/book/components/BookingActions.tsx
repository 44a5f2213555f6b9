/**
 * What a citizen may do with a booking still to come: check in (today, on
 * the centre's Wi-Fi), move it to another free time, or cancel it after
 * saying yes to a question that names the time given up.
 */
import { useEffect, useRef } from 'react';
import { t } from '../../../../shared/i18n/index.js';
import type { Booking } from '../../../../shared/protocol.js';
import { cancelBooking, moveBooking } from '../book-actions.js';
import { dayWords } from '../days.js';
import { pageLang, useBookStore } from '../store.js';
import { DayPicker } from './DayPicker.js';
import { SlotPicker } from './SlotPicker.js';

/** A panel that opens where the citizen tapped, brought whole into view (the page is long). */
function useIntoView<T extends HTMLElement>(block: ScrollLogicalPosition) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block, behavior: 'instant' });
  }, [block]);
  return ref;
}

function MovePicker({ booking }: { booking: Booking }) {
  const lang = useBookStore(pageLang);
  const mode = useBookStore((s) => s.mode);
  const setMode = useBookStore((s) => s.setMode);
  const pending = useBookStore((s) => s.pending);
  const today = useBookStore((s) => s.snapshot?.day ?? '');
  const ref = useIntoView<HTMLElement>('start');
  if (mode.name !== 'move') return null;
  return (
    <section className="book-move" data-testid="move" ref={ref}>
      <h2 className="book-question">{t(lang, 'booking.moveTitle')}</h2>
      {mode.day ? (
        <>
          {/* The day chosen, its times right under it; a tap chooses another day. */}
          <button
            type="button"
            className="book-back"
            onClick={() => setMode({ name: 'move', day: null, start: null })}
          >
            <span aria-hidden="true">‹ </span>
            {dayWords(mode.day, today, lang)}
          </button>
          <SlotPicker
            serviceId={booking.serviceId}
            day={mode.day}
            chosen={mode.start}
            yours={mode.day === booking.day ? booking.start : null}
            onChoose={(start) => setMode({ ...mode, start })}
          />
        </>
      ) : (
        <DayPicker
          serviceId={booking.serviceId}
          chosen={null}
          onChoose={(day) => setMode({ name: 'move', day, start: null })}
        />
      )}
      <div className="book-buttons">
        {mode.start ? (
          <button
            type="button"
            className="phone-button"
            disabled={pending}
            onClick={() => void moveBooking()}
          >
            {t(lang, 'booking.moveSave', { time: mode.start })}
          </button>
        ) : null}
        <button
          type="button"
          className="phone-button phone-button--quiet"
          onClick={() => setMode({ name: 'view' })}
        >
          {t(lang, 'booking.moveCancel')}
        </button>
      </div>
    </section>
  );
}

function CancelQuestion({ booking }: { booking: Booking }) {
  const lang = useBookStore(pageLang);
  const today = useBookStore((s) => s.snapshot?.day ?? '');
  const setMode = useBookStore((s) => s.setMode);
  const pending = useBookStore((s) => s.pending);
  const ref = useIntoView<HTMLElement>('center');
  return (
    <section
      ref={ref}
      className="book-confirm"
      role="alertdialog"
      aria-labelledby="cancel-ask"
      data-testid="cancel-confirm"
    >
      <p id="cancel-ask" className="phone-note">
        {t(lang, 'booking.cancelAsk', {
          day: dayWords(booking.day, today, lang),
          time: booking.start,
        })}
      </p>
      <div className="book-buttons">
        <button
          type="button"
          className="phone-button phone-button--danger"
          disabled={pending}
          onClick={() => void cancelBooking()}
        >
          {t(lang, 'booking.cancelYes')}
        </button>
        <button
          type="button"
          className="phone-button phone-button--quiet"
          onClick={() => setMode({ name: 'view' })}
        >
          {t(lang, 'booking.cancelNo')}
        </button>
      </div>
    </section>
  );
}

export function BookingActions({
  booking,
  onCheckIn,
}: {
  booking: Booking;
  onCheckIn: () => void;
}) {
  const lang = useBookStore(pageLang);
  const mode = useBookStore((s) => s.mode);
  const setMode = useBookStore((s) => s.setMode);
  const pending = useBookStore((s) => s.pending);
  const today = useBookStore((s) => s.snapshot?.day);
  const error = useBookStore((s) => s.actionError);
  return (
    <div className="book-actions" data-testid="booking-actions">
      {error ? (
        <p className="book-error" role="alert" data-testid="booking-error">
          {t(lang, error)}
        </p>
      ) : null}
      {mode.name === 'confirm-cancel' ? <CancelQuestion booking={booking} /> : null}
      {mode.name === 'move' ? <MovePicker booking={booking} /> : null}
      {mode.name === 'view' ? (
        <div className="book-buttons">
          {booking.day === today ? (
            <>
              <button type="button" className="phone-button" disabled={pending} onClick={onCheckIn}>
                {t(lang, 'booking.checkIn')}
              </button>
              <p className="phone-hint">{t(lang, 'booking.checkInHint')}</p>
            </>
          ) : null}
          <button
            type="button"
            className="phone-button phone-button--quiet"
            onClick={() => setMode({ name: 'move', day: null, start: null })}
          >
            {t(lang, 'booking.move')}
          </button>
          <button
            type="button"
            className="phone-button phone-button--quiet phone-button--danger-text"
            onClick={() => setMode({ name: 'confirm-cancel' })}
          >
            {t(lang, 'booking.cancel')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
