import { t } from '../../../shared/i18n/index.js';
import { useConsoleStore } from '../store.js';

/** What just happened: saved, refused, changed by someone else meanwhile. */
export function NoticeBar() {
  const lang = useConsoleStore((s) => s.lang);
  const notice = useConsoleStore((s) => s.notice);
  const dismiss = useConsoleStore((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div
      className={`notice-bar notice-bar--${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <p>{t(lang, notice.key, notice.params)}</p>
      <button type="button" className="notice-bar__close" onClick={dismiss}>
        {t(lang, 'console.notice.dismiss')}
      </button>
    </div>
  );
}
