/** How the phone page words a ticket's place and fee. */
import { formatKip, t, type Lang } from '../../../shared/i18n/index.js';
import type { TicketView } from '../../../shared/protocol.js';

export function peopleAheadText(peopleAhead: number, lang: Lang): string {
  if (peopleAhead === 0) return t(lang, 'ticket.youAreNext');
  if (peopleAhead === 1) return t(lang, 'ticket.onePersonAhead');
  return t(lang, 'ticket.peopleAhead', { count: peopleAhead });
}

export function feeText(service: TicketView['service'], lang: Lang): string {
  return service.feeLak === 0 ? t(lang, 'fee.free') : formatKip(service.feeLak, lang);
}
