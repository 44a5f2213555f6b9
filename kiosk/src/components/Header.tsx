import { t } from '../../../shared/i18n/index.js';
import { LanguageSwitch } from '../../../shared/ui/LanguageSwitch.js';
import { useKioskStore } from '../store.js';

export function Header() {
  const lang = useKioskStore((s) => s.lang);
  const setLang = useKioskStore((s) => s.setLang);
  const centreName = useKioskStore((s) => s.snapshot?.centre.name[lang]);
  return (
    <header className="kiosk-header">
      <div className="kiosk-header__brand">
        <span className="kiosk-header__app">{t(lang, 'app.name')}</span>
        {centreName ? <span className="kiosk-header__centre">{centreName}</span> : null}
      </div>
      <LanguageSwitch lang={lang} onChange={setLang} />
    </header>
  );
}
