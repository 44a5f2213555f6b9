import { t } from '../../../shared/i18n/index.js';
import { useCounterStore } from '../store.js';

/** What just happened that the clerk must know: a refusal, a conflict, "nobody is waiting". */
export function NoticeBar() {
  const lang = useCounterStore((s) => s.lang);
  const notice = useCounterStore((s) => s.notice);
  const dismiss = useCounterStore((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div
      className={`notice-bar notice-bar--${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <p>{t(lang, notice.key, notice.params)}</p>
      <button type="button" className="notice-bar__close" onClick={dismiss}>
        {t(lang, 'counter.notice.dismiss')}
      </button>
    </div>
  );
}
