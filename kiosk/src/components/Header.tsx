import { t } from '../../../shared/i18n/index.js';
import { LanguageSwitch } from '../../../shared/ui/LanguageSwitch.js';
import { useKioskStore } from '../store.js';

export function Header() {
  const lang = useKioskStore((s) => s.lang);
  const setLang = useKioskStore((s) => s.setLang);
  const centreName = useKioskStore((s) => s.snapshot?.centre.name[lang]);
  const logo = useKioskStore((s) => s.snapshot?.centre.logo);
  return (
    <header className="kiosk-header">
      <div className="kiosk-header__brand">
        {/* Beside the centre's name, which says the same: nothing for a screen reader to add. */}
        {logo ? (
          <img
            className="kiosk-header__logo"
            src={logo.url}
            width={logo.width}
            height={logo.height}
            alt=""
            data-testid="centre-logo"
          />
        ) : null}
        <span className="kiosk-header__app">{t(lang, 'app.name')}</span>
        {centreName ? <span className="kiosk-header__centre">{centreName}</span> : null}
      </div>
      <LanguageSwitch lang={lang} onChange={setLang} />
    </header>
  );
}
