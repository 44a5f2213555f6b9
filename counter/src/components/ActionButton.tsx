import { t } from '../../../shared/i18n/index.js';
import { DESK_ACTIONS, type DeskAction } from '../desk-actions.js';
import { runAction } from '../desk-controller.js';
import { useCounterStore } from '../store.js';

/** One action: its name and, beside it, the key that does the same. */
export function ActionButton({
  action,
  tone = 'secondary',
  onPress,
}: {
  action: DeskAction;
  tone?: 'primary' | 'secondary' | 'danger' | 'quiet';
  /** Instead of the desk's own handler (e.g. logging out from the header). */
  onPress?: () => void;
}) {
  const lang = useCounterStore((s) => s.lang);
  const busy = useCounterStore((s) => s.busy);
  const { key } = DESK_ACTIONS[action];
  return (
    <button
      type="button"
      className={`action action--${tone}`}
      data-action={action}
      aria-keyshortcuts={key === 'Del' ? 'Delete' : key}
      aria-busy={busy === action}
      disabled={busy !== null}
      onClick={onPress ?? (() => void runAction(action))}
    >
      <span className="action__label">{t(lang, `counter.action.${action}`)}</span>
      <kbd className="action__key">{key}</kbd>
    </button>
  );
}
