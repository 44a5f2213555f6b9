/**
 * A hall display speaks to everyone at once: each heading in Lao, and below
 * it in English, never one language chosen for the room.
 */
import { LANGS, t, type MessageKey } from '../../../../shared/i18n/index.js';

export function Both({
  k,
  params,
  className = '',
}: {
  k: MessageKey;
  params?: Record<string, string | number>;
  className?: string;
}) {
  return (
    <span className={`both ${className}`}>
      {LANGS.map((lang) => (
        <span key={lang} lang={lang} className={`both__${lang}`}>
          {t(lang, k, params)}
        </span>
      ))}
    </span>
  );
}
