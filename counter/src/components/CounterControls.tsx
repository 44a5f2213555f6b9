import { t } from '../../../shared/i18n/index.js';
import type { Desk } from '../desk.js';
import type { DeskAction } from '../desk-actions.js';
import { useCounterStore } from '../store.js';
import { ActionButton } from './ActionButton.js';

/** Pause, resume and close: the counter's own state, apart from the citizen's. */
export function CounterControls({ desk, available }: { desk: Desk; available: Set<DeskAction> }) {
  const lang = useCounterStore((s) => s.lang);
  const { counter } = desk;
  return (
    <section className="controls" aria-label={t(lang, 'counter.controls.title')}>
      {counter.status === 'paused' ? (
        <p className="controls__paused" role="status" data-testid="paused">
          {t(lang, 'counter.paused', {
            reason: t(lang, `pause.${counter.pauseReason ?? 'other'}`),
          })}
        </p>
      ) : null}
      <div className="controls__buttons">
        {(['unpause', 'pause', 'close'] as const)
          .filter((a) => available.has(a))
          .map((a) => (
            <ActionButton key={a} action={a} tone={a === 'unpause' ? 'primary' : 'quiet'} />
          ))}
      </div>
    </section>
  );
}
