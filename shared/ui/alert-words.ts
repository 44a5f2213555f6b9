/**
 * What an alert says to staff, the same on the counter's banner and the
 * console's floor. Printer alerts keep the counter's words for them.
 */
import { t, type Lang } from '../i18n/index.js';
import { canPrint } from '../printer/status.js';
import type { Alert, ServiceView } from '../protocol.js';

/** A fault stops tickets printing; the rest (paper low, a wait, an idle counter) ask for action. */
export const alertIsFault = (a: Alert) => a.kind === 'printer' && !canPrint(a.status);

export function alertWords(lang: Lang, a: Alert, services: readonly ServiceView[]): string {
  switch (a.kind) {
    case 'wait-over-target': {
      const service = services.find((s) => s.id === a.serviceId)?.name[lang] ?? a.serviceId;
      return t(lang, 'alert.wait', { service, minutes: a.targetMinutes });
    }
    case 'counter-idle':
      return t(lang, 'alert.idle', { number: a.counterNumber });
    case 'printer':
      return canPrint(a.status)
        ? t(lang, 'counter.printer.low', { name: a.printerName })
        : t(lang, 'counter.printer.fault', {
            name: a.printerName,
            status: t(lang, `print.status.${a.status}`),
            queued: a.queuedJobs,
          });
  }
}

/** The alerts a counter serving `serviceIds` shows: its services', and every printer's. */
export const alertsFor = (alerts: readonly Alert[], serviceIds: readonly string[] | null) =>
  alerts.filter(
    (a) => a.serviceIds.length === 0 || a.serviceIds.some((id) => serviceIds?.includes(id)),
  );
