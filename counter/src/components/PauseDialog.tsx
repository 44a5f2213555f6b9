import { t } from '../../../shared/i18n/index.js';
import { PAUSE_REASONS } from '../../../shared/protocol.js';
import { pauseCounter } from '../desk-controller.js';
import { useCounterStore } from '../store.js';
import { Dialog, DialogBackButton, DialogButtons } from './Dialog.js';

/** Why the counter pauses: one key (1–4) or one click, and the hall display shows it paused. */
export function PauseDialog() {
  const lang = useCounterStore((s) => s.lang);
  const close = useCounterStore((s) => s.closeDialog);
  return (
    <Dialog
      labelledBy="pause-title"
      onCancel={close}
      onKeyDown={(e) => {
        const index = Number(/^(?:Digit|Numpad)([1-9])$/.exec(e.code)?.[1]) - 1;
        const reason = PAUSE_REASONS[index];
        if (!reason) return;
        e.preventDefault();
        void pauseCounter(reason);
      }}
    >
      <h2 id="pause-title">{t(lang, 'counter.pause.title')}</h2>
      <p>{t(lang, 'counter.pause.body')}</p>
      <div className="pause__reasons">
        {PAUSE_REASONS.map((reason, i) => (
          <button
            key={reason}
            type="button"
            className="action action--secondary"
            data-autofocus={i === 0 ? true : undefined}
            onClick={() => void pauseCounter(reason)}
          >
            <span className="action__label">{t(lang, `pause.${reason}`)}</span>
            <kbd className="action__key">{i + 1}</kbd>
          </button>
        ))}
      </div>
      <DialogButtons>
        <DialogBackButton lang={lang} onClick={close} />
      </DialogButtons>
    </Dialog>
  );
}
