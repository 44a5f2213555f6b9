import { t } from '../../../shared/i18n/index.js';
import { SECTIONS, sectionLabel } from '../sections.js';
import { useConsoleStore } from '../store.js';

export function SideNav() {
  const lang = useConsoleStore((s) => s.lang);
  const section = useConsoleStore((s) => s.section);
  const open = useConsoleStore((s) => s.open);
  return (
    <nav className="side-nav" aria-label={t(lang, 'console.nav.label')}>
      {SECTIONS.map((id) => (
        <button
          key={id}
          type="button"
          className="side-nav__item"
          aria-current={id === section ? 'page' : undefined}
          data-section={id}
          onClick={() => open(id)}
        >
          {t(lang, sectionLabel(id))}
        </button>
      ))}
    </nav>
  );
}
