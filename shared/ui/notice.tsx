/**
 * A staff app's one-line notice (the counter and the console): what just
 * happened that the person must know (saved, refused, changed meanwhile),
 * in their language, with a way to dismiss it.
 */
import { t, type Lang, type MessageKey } from '../i18n/index.js';
import type { AckError } from '../protocol.js';

export interface Notice {
  key: MessageKey;
  params?: Record<string, string | number>;
  tone: 'error' | 'info';
}

/** The words for an error the hub answered, when no more specific ones apply. */
export function genericNotice(error: AckError): Notice {
  return {
    key: error.reason ? `reason.${error.reason}` : `error.${error.code}`,
    ...(error.params ? { params: error.params } : {}),
    tone: 'error',
  };
}

export function NoticeBar({
  lang,
  notice,
  onDismiss,
  dismissLabel,
}: {
  lang: Lang;
  notice: Notice | null;
  onDismiss: () => void;
  dismissLabel: MessageKey;
}) {
  if (!notice) return null;
  return (
    <div
      className={`notice-bar notice-bar--${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <p>{t(lang, notice.key, notice.params)}</p>
      <button type="button" className="notice-bar__close" onClick={onDismiss}>
        {t(lang, dismissLabel)}
      </button>
    </div>
  );
}
