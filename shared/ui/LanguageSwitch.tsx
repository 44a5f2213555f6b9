/**
 * Lao | English, each named in its own script so a reader finds their own
 * language whichever one the screen is in.
 */
import { LANGS, t, type Lang } from '../i18n/index.js';

export function LanguageSwitch({ lang, onChange }: { lang: Lang; onChange: (lang: Lang) => void }) {
  return (
    <div className="khiu-lang-switch" role="group" aria-label={t(lang, 'lang.choose')}>
      {LANGS.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === lang}
          className="khiu-lang-switch__option"
          onClick={() => onChange(option)}
        >
          {t(option, `lang.${option}`)}
        </button>
      ))}
    </div>
  );
}
