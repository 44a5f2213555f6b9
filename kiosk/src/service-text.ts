/**
 * How a service's fee, queue and state read on the kiosk; shared by the
 * service list, the service screen and the ticket.
 */
import { formatKip, t, type Lang, type MessageKey } from '../../shared/i18n/index.js';
import type { ServiceView } from '../../shared/protocol.js';

/** Why this service cannot give out a ticket now, or null if it can. */
export function issuingBlock(service: ServiceView): MessageKey | null {
  if (!service.open) return 'kiosk.serviceClosed';
  if (service.dailyCap !== null && service.issuedToday >= service.dailyCap) {
    return 'kiosk.dailyCapReached';
  }
  return null;
}

/** The full sentence behind `issuingBlock`, saying what to do instead. */
export function issuingBlockDetail(block: MessageKey): MessageKey {
  return block === 'kiosk.dailyCapReached' ? 'reason.daily-cap-reached' : 'reason.service-closed';
}

export function feeText(feeLak: number, lang: Lang): string {
  return feeLak === 0 ? t(lang, 'fee.free') : formatKip(feeLak, lang);
}

export function waitingText(waiting: number, lang: Lang): string {
  return waiting === 0
    ? t(lang, 'kiosk.nobodyWaiting')
    : t(lang, 'kiosk.waitingCount', { count: waiting });
}

export function peopleAheadText(peopleAhead: number, lang: Lang): string {
  if (peopleAhead === 0) return t(lang, 'ticket.youAreNext');
  if (peopleAhead === 1) return t(lang, 'ticket.onePersonAhead');
  return t(lang, 'ticket.peopleAhead', { count: peopleAhead });
}
