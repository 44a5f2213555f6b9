/**
 * A ticket's priority, where the counter lists or shows it: a booked
 * citizen's ticket says its appointment's time ("Appointment 09:30"), any
 * other priority its group; a walk-in ticket shows nothing.
 */
import { t, type Lang } from '../../../shared/i18n/index.js';
import type { Ticket } from '../../../shared/protocol.js';

export function PriorityChip({ ticket, lang }: { ticket: Ticket; lang: Lang }) {
  if (ticket.booking) {
    return (
      <span className="chip chip--priority chip--appointment" data-testid="appointment-chip">
        {t(lang, 'appointment.at', { time: ticket.booking.start })}
      </span>
    );
  }
  if (ticket.priority === 'none') return null;
  return <span className="chip chip--priority">{t(lang, `priority.${ticket.priority}`)}</span>;
}
