/**
 * The hub's alerts for this counter (shared/ui/alert-words.ts): a queue it
 * serves waiting past its target, an idle counter among its services, and
 * every kiosk printer in trouble for as long as the trouble lasts (the kiosk
 * has told the citizen that staff know, so staff must).
 */
import { alertIsFault, alertsFor, alertWords } from '../../../shared/ui/alert-words.js';
import { useCounterStore } from '../store.js';

export function AlertBanner() {
  const lang = useCounterStore((s) => s.lang);
  const alerts = useCounterStore((s) => s.alerts);
  const snapshot = useCounterStore((s) => s.snapshot);
  const counterId = useCounterStore((s) => s.counterId);
  const serves = snapshot?.counters.find((c) => c.id === counterId)?.services ?? null;
  const shown = alertsFor(alerts, serves);
  if (shown.length === 0) return null;
  return (
    <div className="alert-banner" data-testid="alert-banner">
      {shown.map((a) => {
        const fault = alertIsFault(a);
        return (
          <p
            key={a.id}
            className={`notice-bar ${fault ? 'notice-bar--error' : 'notice-bar--info'}`}
            role={fault ? 'alert' : 'status'}
            data-alert={a.kind}
            {...(a.kind === 'printer'
              ? { 'data-printer': a.printerName, 'data-status': a.status }
              : {})}
          >
            {alertWords(lang, a, snapshot?.services ?? [])}
          </p>
        );
      })}
    </div>
  );
}
