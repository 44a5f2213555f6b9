/**
 * A check-in that gave no ticket, said plainly with what to do: come back
 * at a time, on another day, or check the code. A check-in that gave a
 * ticket shows the ticket instead (TicketScreen).
 */
import { t } from '../../../shared/i18n/index.js';
import type { CheckInAnswer } from '../../../shared/protocol.js';
import { checkInWords } from '../../../shared/ui/booking-words.js';
import { useKioskStore } from '../store.js';

export function CheckInResultScreen({ answer }: { answer: CheckInAnswer }) {
  const lang = useKioskStore((s) => s.lang);
  const timeZone = useKioskStore((s) => s.snapshot?.centre.timeZone ?? 'Asia/Vientiane');
  const back = useKioskStore((s) => s.back);
  const reset = useKioskStore((s) => s.reset);
  return (
    <main
      className="screen check-in-result"
      data-testid="check-in-result"
      data-outcome={answer.outcome}
    >
      <h1 className="check-in__title">{t(lang, 'kiosk.booking.title')}</h1>
      <p className="check-in-result__words notice notice--warning" role="status">
        {checkInWords(answer, timeZone, lang)}
      </p>
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
