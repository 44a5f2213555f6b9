/**
 * Which notices are up on a service day: those whose dates hold it (a
 * missing start or end is open on that side). The hub sends only these to
 * the hall and the kiosk, and again with the day's rollover.
 */
import type { Localized } from '../schemas/entities.js';

export interface DatedNotice {
  text: Localized;
  startsOn: string | null;
  endsOn: string | null;
}

/** `day` and the dates are `YYYY-MM-DD`, so comparing the strings compares the days. */
export const inForce = (n: Omit<DatedNotice, 'text'>, day: string): boolean =>
  (n.startsOn === null || n.startsOn <= day) && (n.endsOn === null || day <= n.endsOn);

export function noticesOn(notices: readonly DatedNotice[], day: string): Localized[] {
  return notices.filter((n) => inForce(n, day)).map((n) => n.text);
}
