/**
 * A day's times as the hub has them now: a full one is shown and cannot be
 * chosen; one that has begun is left out. Fetched afresh whenever the day is
 * shown, since others book meanwhile.
 */
import { useEffect } from 'react';
import { t, type Lang } from '../../../../shared/i18n/index.js';
import type { Slot } from '../../../../shared/protocol.js';
import { useMinute } from '../../../../shared/ui/use-minute.js';
import { loadSlots } from '../book-actions.js';
import { pageLang, slotsKey, useBookStore } from '../store.js';

/** Places left, full, or (when moving a booking) the time it holds now. */
function slotWords(slot: Slot, yours: string | null, lang: Lang): string {
  if (slot.start === yours) return t(lang, 'booking.yourTime');
  if (slot.left === 0) return t(lang, 'book.slotFull');
  return t(lang, 'book.slotLeft', { count: slot.left });
}

function SlotGrid({
  slots,
  chosen,
  yours,
  onChoose,
}: {
  slots: Slot[];
  chosen: string | null;
  yours: string | null;
  onChoose: (start: string) => void;
}) {
  const lang = useBookStore(pageLang);
  return (
    <ul className="slot-grid" data-testid="slot-list">
      {slots.map((slot) => (
        <li key={slot.start}>
          <button
            type="button"
            className="choice slot-choice"
            data-start={slot.start}
            aria-pressed={chosen === slot.start}
            disabled={slot.left === 0 || slot.start === yours}
            data-yours={slot.start === yours ? 'true' : undefined}
            onClick={() => onChoose(slot.start)}
          >
            <span className="slot-choice__time">{slot.start}</span>
            <span className="slot-choice__left">{slotWords(slot, yours, lang)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function SlotPicker({
  serviceId,
  day,
  chosen,
  yours = null,
  onChoose,
}: {
  serviceId: string;
  day: string;
  chosen: string | null;
  /** Moving a booking: the time it holds on this day, shown as its own. */
  yours?: string | null;
  onChoose: (start: string) => void;
}) {
  const lang = useBookStore(pageLang);
  const answer = useBookStore((s) => s.slots[slotsKey(serviceId, day)]);
  const now = useMinute();
  useEffect(() => {
    void loadSlots(serviceId, day);
  }, [serviceId, day]);

  if (answer === undefined || answer === 'loading') {
    return <p className="phone-loading">{t(lang, 'book.loading')}</p>;
  }
  if (answer === 'failed') {
    return (
      <div role="alert">
        <p className="phone-note">{t(lang, 'book.unreachable')}</p>
        <button
          type="button"
          className="phone-button"
          onClick={() => void loadSlots(serviceId, day)}
        >
          {t(lang, 'book.retry')}
        </button>
      </div>
    );
  }
  if (answer.closed) {
    return (
      <p className="phone-note" data-testid="day-closed">
        {t(lang, `book.dayClosed.${answer.closed}`)}
      </p>
    );
  }
  const slots = answer.slots.filter((slot) => slot.startsAt > now);
  if (slots.every((slot) => slot.left === 0)) {
    return (
      <p className="phone-note" data-testid="no-slots">
        {t(lang, 'book.noSlots')}
      </p>
    );
  }
  return <SlotGrid slots={slots} chosen={chosen} yours={yours} onChoose={onChoose} />;
}
