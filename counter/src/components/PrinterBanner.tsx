/**
 * Every counter hears about a kiosk's printer in trouble, for as long as the
 * trouble lasts: the kiosk has told the citizen that staff know, so staff
 * must. Paper running low is said too, more quietly, so a roll is ready.
 */
import { t } from '../../../shared/i18n/index.js';
import { canPrint } from '../../../shared/printer/status.js';
import { useCounterStore } from '../store.js';

export function PrinterBanner() {
  const lang = useCounterStore((s) => s.lang);
  const printers = useCounterStore((s) => s.snapshot?.printers);
  const needing = (printers ?? []).filter((p) => p.status !== 'ok');
  if (needing.length === 0) return null;
  return (
    <div className="printer-banner" data-testid="printer-banner">
      {needing.map((p) => {
        const fault = !canPrint(p.status);
        return (
          <p
            key={p.id}
            className={`notice-bar ${fault ? 'notice-bar--error' : 'notice-bar--info'}`}
            role={fault ? 'alert' : 'status'}
            data-printer={p.name}
            data-status={p.status}
          >
            {fault
              ? t(lang, 'counter.printer.fault', {
                  name: p.name,
                  status: t(lang, `print.status.${p.status}`),
                  queued: p.queuedJobs,
                })
              : t(lang, 'counter.printer.low', { name: p.name })}
          </p>
        );
      })}
    </div>
  );
}
