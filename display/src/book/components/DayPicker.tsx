/** The days a service can be booked, closed ones shown as closed and not choosable. */
import { missingCaseError } from '../../../../shared/assert.js';
import { t, type Lang } from '../../../../shared/i18n/index.js';
import { useMinute } from '../../../../shared/ui/use-minute.js';
import { bookableDays, dayWords, type DayClosed } from '../days.js';
import { pageLang, useBookStore } from '../store.js';

function closedWords(closed: DayClosed, lang: Lang): string {
  switch (closed.why) {
    case 'holiday':
      return t(lang, 'book.closedHoliday', { name: closed.name[lang] });
    case 'closed-day':
      return t(lang, 'book.closed');
    case 'over':
      return t(lang, 'book.dayOver');
    default:
      throw missingCaseError(closed);
  }
}

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
  const service = useBookStore((s) => s.bookable?.find((b) => b.serviceId === serviceId));
  const now = useMinute();
  if (!snapshot || !service) return null;
  const days = bookableDays({
    today: snapshot.day,
    now,
    centre: snapshot.centre,
    service,
    hours: snapshot.services.find((s) => s.id === serviceId)?.hours ?? [],
  });
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
              <span className="choice__side choice__side--closed">{closedWords(closed, lang)}</span>
            ) : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
