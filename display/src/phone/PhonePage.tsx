/**
 * The citizen's phone page, /t/<code>, opened from the ticket's QR code: no
 * install, no login. It follows one ticket live, says loudly when it is
 * called, and asks for a rating once the visit is over.
 */
import { useEffect } from 'react';
import { t } from '../../../shared/i18n/index.js';
import { ConnectionBanner } from '../../../shared/ui/ConnectionBanner.js';
import { LanguageSwitch } from '../../../shared/ui/LanguageSwitch.js';
import { CalledScreen } from './components/CalledScreen.js';
import { TicketCard } from './components/TicketCard.js';
import { pageLang, usePhoneStore } from './store.js';

function Body() {
  const lang = usePhoneStore(pageLang);
  const lookup = usePhoneStore((s) => s.lookup);
  const view = usePhoneStore((s) => s.view);
  if (lookup === 'unknown') {
    return (
      <article className="ticket-card" data-testid="unknown-ticket">
        <h1 className="ticket-card__unknown">{t(lang, 'phone.unknownTitle')}</h1>
        <p className="phone-note">{t(lang, 'phone.unknownBody')}</p>
      </article>
    );
  }
  if (!view) return <p className="phone-loading">{t(lang, 'phone.loading')}</p>;
  return <TicketCard view={view} lang={lang} />;
}

export function PhonePage() {
  const lang = usePhoneStore(pageLang);
  const setLang = usePhoneStore((s) => s.setLang);
  const status = usePhoneStore((s) => s.status);
  const ready = usePhoneStore((s) => s.fontsReady && s.lookup !== 'loading');
  const called = usePhoneStore(
    (s) => s.view?.status === 'called' && s.view.calledAt !== s.dismissedCallAt,
  );
  const view = usePhoneStore((s) => s.view);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.classList.add('phone-root');
  }, [lang]);

  return (
    <div className="phone" data-ready={ready ? 'true' : 'false'}>
      <header className="phone-header">
        <span className="phone-header__app">{t(lang, 'app.name')}</span>
        <LanguageSwitch lang={lang} onChange={setLang} />
      </header>
      <ConnectionBanner status={status} />
      <main className="phone-main">
        <Body />
      </main>
      {called && view ? <CalledScreen view={view} /> : null}
    </div>
  );
}
