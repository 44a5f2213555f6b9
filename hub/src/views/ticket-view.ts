/** What the phone holding a ticket's code may see; follows transfers to the newest ticket. */
import type { ConfigSource } from '../config/config.js';
import type { FeedbackStore } from '../feedback/feedback.js';
import type { Standings } from '../tickets/standing.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import type { TicketView } from '../../../shared/protocol.js';

export function createTicketViews(deps: {
  config: ConfigSource;
  tickets: TicketStore;
  standings: Standings;
  feedback: FeedbackStore;
}) {
  return function ticket(code: string): TicketView | null {
    const root = deps.tickets.byCode(code);
    if (!root) return null;
    const t = deps.tickets.latestOf(root);
    const config = deps.config.current();
    const s = config.services.get(t.serviceId);
    const c = t.counterId === null ? undefined : config.counters.get(t.counterId);
    const showCounter = c && (t.status === 'called' || t.status === 'serving');
    return {
      code,
      label: t.label,
      status: t.status,
      day: t.day,
      lang: t.lang,
      service: {
        id: t.serviceId,
        name: s?.name ?? { lo: t.serviceId, en: t.serviceId },
        feeLak: s?.feeLak ?? 0,
        feeIsSample: s?.feeIsSample ?? false,
      },
      ...deps.standings.of(t),
      counter: showCounter ? { id: c.id, number: c.number, name: c.name } : null,
      issuedAt: t.issuedAt,
      calledAt: t.calledAt,
      finishedAt: t.finishedAt,
      feedbackGiven: deps.feedback.given(t.id),
      booking: t.booking,
    };
  };
}
