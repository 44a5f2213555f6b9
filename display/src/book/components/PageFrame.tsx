/** The booking pages' frame: the phone page's header (name, language) and one column below. */
import { useEffect, type ReactNode } from 'react';
import { t } from '../../../../shared/i18n/index.js';
import { LanguageSwitch } from '../../../../shared/ui/LanguageSwitch.js';
import { pageLang, useBookStore } from '../store.js';

export function PageFrame({ ready, children }: { ready: boolean; children: ReactNode }) {
  const lang = useBookStore(pageLang);
  const setLang = useBookStore((s) => s.setLang);
  const fontsReady = useBookStore((s) => s.fontsReady);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.classList.add('phone-root');
  }, [lang]);
  return (
    <div className="phone book" data-ready={ready && fontsReady ? 'true' : 'false'}>
      <header className="phone-header">
        <span className="phone-header__app">{t(lang, 'app.name')}</span>
        <LanguageSwitch lang={lang} onChange={setLang} />
      </header>
      <main className="phone-main book-main">{children}</main>
    </div>
  );
}

/** The page could not reach the hub: say so, and offer to try again. */
export function Unreachable({ onRetry }: { onRetry: () => void }) {
  const lang = useBookStore(pageLang);
  return (
    <div className="book-card" role="alert" data-testid="book-unreachable">
      <p className="phone-note">{t(lang, 'book.unreachable')}</p>
      <button type="button" className="phone-button" onClick={onRetry}>
        {t(lang, 'book.retry')}
      </button>
    </div>
  );
}
