import { t, type MessageKey } from '../../../shared/i18n/index.js';
import { useCounterStore } from '../store.js';
import { Dialog, DialogBackButton, DialogButtons } from './Dialog.js';

/** "Are you sure?" for what cannot be taken back: Enter confirms, Escape goes back. */
export function ConfirmDialog({
  title,
  body,
  confirm,
  params,
  onConfirm,
}: {
  title: MessageKey;
  body: MessageKey;
  confirm: MessageKey;
  params: Record<string, string | number>;
  onConfirm: () => void;
}) {
  const lang = useCounterStore((s) => s.lang);
  const close = useCounterStore((s) => s.closeDialog);
  const busy = useCounterStore((s) => s.busy !== null);
  return (
    <Dialog labelledBy="confirm-title" onCancel={close}>
      <h2 id="confirm-title">{t(lang, title, params)}</h2>
      <p>{t(lang, body, params)}</p>
      <DialogButtons>
        <DialogBackButton lang={lang} onClick={close} />
        <button
          type="button"
          className="action action--danger"
          data-autofocus
          disabled={busy}
          onClick={onConfirm}
        >
          <span className="action__label">{t(lang, confirm, params)}</span>
          <kbd className="action__key">Enter</kbd>
        </button>
      </DialogButtons>
    </Dialog>
  );
}
