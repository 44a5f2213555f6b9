/**
 * How a service's fee, queue and state read on the kiosk; shared by the
 * service list, the service screen and the ticket.
 */
import { formatKip, t, type Lang, type MessageKey } from '../../shared/i18n/index.js';
import { formatDate, formatTime } from '../../shared/i18n/calendar.js';
import { serviceDay } from '../../shared/domain/numbering.js';
import { openState } from '../../shared/domain/opening-hours.js';
import type { Centre, ServiceView } from '../../shared/protocol.js';

/** Where the service stands against its hours and the centre's holidays at `now`. */
export function openStateOf(service: ServiceView, now: number, centre: Centre | undefined) {
  if (!centre) return { open: true } as const;
  const holidays = new Set(centre.holidays.map((h) => h.day));
  return openState({ hours: service.hours, holidays }, now, centre.timeZone);
}

/** Why this service cannot give out a ticket at `now`, or null if it can. */
export function issuingBlock(
  service: ServiceView,
  now: number,
  centre: Centre | undefined,
): MessageKey | null {
  if (!service.open) return 'kiosk.serviceClosed';
  if (!openStateOf(service, now, centre).open) return 'kiosk.closedNow';
  if (service.dailyCap !== null && service.issuedToday >= service.dailyCap) {
    return 'kiosk.dailyCapReached';
  }
  return null;
}

/** The full sentence behind `issuingBlock`, saying what to do instead. */
export function issuingBlockDetail(block: MessageKey): MessageKey {
  if (block === 'kiosk.dailyCapReached') return 'reason.daily-cap-reached';
  return block === 'kiosk.closedNow' ? 'reason.outside-hours' : 'reason.service-closed';
}

/** "Opens again today at 13:00" / "… on Monday 14 December 2026 at 08:00"; null when open or unknown. */
export function opensAgainText(
  service: ServiceView,
  now: number,
  centre: Centre | undefined,
  lang: Lang,
): string | null {
  const state = openStateOf(service, now, centre);
  if (state.open || state.opensAt === null || !centre) return null;
  const time = formatTime(state.opensAt, centre.timeZone);
  if (serviceDay(state.opensAt, centre.timeZone) === serviceDay(now, centre.timeZone)) {
    return t(lang, 'kiosk.opensToday', { time });
  }
  return t(lang, 'kiosk.opensLater', {
    date: formatDate(state.opensAt, centre.timeZone, lang),
    time,
  });
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

/**
 * What declaring a priority does, exactly as the call policy does it: one
 * priority ticket after every `priorityEvery` others, not "called first".
 */
export function priorityHintText(priorityEvery: number, lang: Lang): string {
  if (priorityEvery === 0) return t(lang, 'kiosk.priorityHintFirst');
  if (priorityEvery === 1) return t(lang, 'kiosk.priorityHintOne');
  return t(lang, 'kiosk.priorityHint', { count: priorityEvery });
}
