/** The days a service can be booked, closed ones shown as closed and not choosable. */
import { t } from '../../../../shared/i18n/index.js';
import { bookableDays, dayWords } from '../days.js';
import { pageLang, useBookStore } from '../store.js';

export function DayPicker({
  serviceId,
  chosen,
  onChoose,
}: {
  serviceId: string;
  chosen: string | null;
  onChoose: (day: string) => void;
}) {
  const lang = useBookStore(pageLang);
  const snapshot = useBookStore((s) => s.snapshot);
  const daysAhead = useBookStore(
    (s) => s.bookable?.find((b) => b.serviceId === serviceId)?.daysAhead ?? null,
  );
  if (!snapshot || daysAhead === null) return null;
  const hours = snapshot.services.find((s) => s.id === serviceId)?.hours ?? [];
  const days = bookableDays(snapshot.day, daysAhead, hours, snapshot.centre.holidays);
  return (
    <ul className="day-list" data-testid="day-list">
      {days.map(({ day, closed }) => (
        <li key={day}>
          <button
            type="button"
            className="choice day-choice"
            data-day={day}
            data-closed={closed ? 'true' : undefined}
            aria-pressed={chosen === day}
            disabled={closed !== null}
            onClick={() => onChoose(day)}
          >
            <span className="choice__main">{dayWords(day, snapshot.day, lang)}</span>
            {closed ? (
              <span className="choice__side choice__side--closed">
                {closed.why === 'holiday'
                  ? t(lang, 'book.closedHoliday', { name: closed.name[lang] })
                  : t(lang, 'book.closed')}
              </span>
            ) : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
