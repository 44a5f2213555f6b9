import { t } from '../../../shared/i18n/index.js';
import { LanguageSwitch } from '../../../shared/ui/LanguageSwitch.js';
import { useCounterStore } from '../store.js';
import { ActionButton } from './ActionButton.js';
import { logOut } from '../clerk-session.js';

export function Header() {
  const lang = useCounterStore((s) => s.lang);
  const setLang = useCounterStore((s) => s.setLang);
  const staff = useCounterStore((s) => s.staff);
  const counter = useCounterStore((s) =>
    s.phase === 'desk' ? s.snapshot?.counters.find((c) => c.id === s.counterId) : undefined,
  );
  return (
    <header className="counter-header">
      <div className="counter-header__brand">
        <span className="counter-header__app">{t(lang, 'app.name')}</span>
        {counter ? (
          <span className="counter-header__counter" data-testid="counter-name">
            {counter.name[lang]}
          </span>
        ) : null}
        {counter ? (
          <span className={`chip chip--${counter.status}`} data-testid="counter-status">
            {t(lang, `counterStatus.${counter.status}`)}
          </span>
        ) : null}
      </div>
      <div className="counter-header__side">
        {staff ? <span className="counter-header__staff">{staff.name}</span> : null}
        <LanguageSwitch lang={lang} onChange={setLang} />
        {staff ? <ActionButton action="logout" tone="quiet" onPress={() => void logOut()} /> : null}
      </div>
    </header>
  );
}
