/**
 * A service's state on the kiosk as the minutes pass: opening hours end and
 * begin with no event from the hub, so the kiosk works it out itself each
 * minute (shared/domain/opening-hours.ts).
 */
import type { MessageKey } from '../../shared/i18n/index.js';
import type { ServiceView } from '../../shared/protocol.js';
import { useMinute } from '../../shared/ui/use-minute.js';
import { issuingBlock, opensAgainText } from './service-text.js';
import { useKioskStore } from './store.js';

/** Why the service cannot give a ticket now (null: it can), and when it opens again. */
export function useIssuing(service: ServiceView | undefined): {
  block: MessageKey | null;
  opensAgain: string | null;
} {
  const now = useMinute();
  const centre = useKioskStore((s) => s.snapshot?.centre);
  const lang = useKioskStore((s) => s.lang);
  if (!service) return { block: null, opensAgain: null };
  return {
    block: issuingBlock(service, now, centre),
    opensAgain: opensAgainText(service, now, centre, lang),
  };
}
