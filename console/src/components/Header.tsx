import { t } from '../../../shared/i18n/index.js';
import { LanguageSwitch } from '../../../shared/ui/LanguageSwitch.js';
import { logOut } from '../session.js';
import { useConsoleStore } from '../store.js';

export function Header() {
  const lang = useConsoleStore((s) => s.lang);
  const setLang = useConsoleStore((s) => s.setLang);
  const staff = useConsoleStore((s) => s.staff);
  const centre = useConsoleStore((s) => s.config?.centre.name[s.lang] ?? null);
  return (
    <header className="console-header">
      <div className="console-header__brand">
        <span className="console-header__app">{t(lang, 'console.title')}</span>
        {centre ? <span className="console-header__centre">{centre}</span> : null}
      </div>
      <div className="console-header__side">
        {staff ? (
          <span className="console-header__staff" data-testid="staff-name">
            {staff.name} · {t(lang, `console.role.${staff.role}`)}
          </span>
        ) : null}
        <LanguageSwitch lang={lang} onChange={setLang} />
        {staff ? (
          <button type="button" className="button button--quiet" onClick={() => void logOut()}>
            {t(lang, 'console.logout')}
          </button>
        ) : null}
      </div>
    </header>
  );
}
