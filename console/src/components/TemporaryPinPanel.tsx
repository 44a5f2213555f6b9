import { t } from '../../../shared/i18n/index.js';
import { useConsoleStore } from '../store.js';

/** The temporary PIN the hub gives once: large, with what to do with it. */
export function TemporaryPinPanel() {
  const lang = useConsoleStore((s) => s.lang);
  const pin = useConsoleStore((s) => s.temporaryPin);
  const close = useConsoleStore((s) => s.closeTemporaryPin);
  if (!pin) return null;
  return (
    <div className="temporary-pin" role="dialog" aria-modal="false" data-testid="temporary-pin">
      <div>
        <h2>{t(lang, 'console.staff.tempPinTitle', { name: pin.name })}</h2>
        <p>
          {t(lang, 'console.staff.username')}: <strong>{pin.username}</strong>
        </p>
        <p className="temporary-pin__pin" data-testid="temporary-pin-value">
          {pin.pin}
        </p>
        <p className="hint">{t(lang, 'console.staff.tempPinNote')}</p>
      </div>
      <button type="button" className="button button--primary" onClick={close}>
        {t(lang, 'console.staff.tempPinDone')}
      </button>
    </div>
  );
}
