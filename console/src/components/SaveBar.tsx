import { t, type MessageKey } from '../../../shared/i18n/index.js';
import { useCanEdit, useConsoleStore } from '../store.js';

/** Save and cancel under a form, for a manager. */
export function SaveBar({
  onCancel,
  saveLabel,
}: {
  onCancel?: () => void;
  saveLabel?: MessageKey;
}) {
  const lang = useConsoleStore((s) => s.lang);
  const busy = useConsoleStore((s) => s.busy !== null);
  const canEdit = useCanEdit();
  // A supervisor is told once, at the top of the section (SectionScreen).
  if (!canEdit) return null;
  return (
    <div className="save-bar">
      <button type="submit" className="button button--primary" disabled={busy}>
        {t(lang, saveLabel ?? 'console.save')}
      </button>
      {onCancel ? (
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t(lang, 'console.cancel')}
        </button>
      ) : null}
    </div>
  );
}
