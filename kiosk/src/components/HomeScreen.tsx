import { t } from '../../../shared/i18n/index.js';
import type { ServiceView } from '../../../shared/protocol.js';
import { useKioskStore } from '../store.js';
import { ServiceButton } from './ServiceButton.js';

interface MinistryGroup {
  id: string;
  name: ServiceView['ministry']['name'];
  services: ServiceView[];
}

/** Services under their ministry, in the hub's order. */
function byMinistry(services: readonly ServiceView[]): MinistryGroup[] {
  const groups = new Map<string, MinistryGroup>();
  for (const service of services) {
    const { id, name } = service.ministry;
    const group = groups.get(id) ?? { id, name, services: [] };
    group.services.push(service);
    groups.set(id, group);
  }
  return [...groups.values()];
}

/** The centre's notices in force today (the hub sends only those), in the kiosk's language. */
function Notices() {
  const lang = useKioskStore((s) => s.lang);
  const notices = useKioskStore((s) => s.snapshot?.centre.notices);
  if (!notices || notices.length === 0) return null;
  return (
    <aside className="home__notices" aria-label={t(lang, 'display.notice')} data-testid="notices">
      <ul>
        {notices.map((n, i) => (
          <li key={i} lang={lang}>
            {n[lang]}
          </li>
        ))}
      </ul>
    </aside>
  );
}

export function HomeScreen() {
  const lang = useKioskStore((s) => s.lang);
  const services = useKioskStore((s) => s.snapshot?.services);
  return (
    <main className="screen home">
      <section className="home__welcome">
        <h1 className="home__title">{t(lang, 'kiosk.welcome')}</h1>
        <p className="home__lead">{t(lang, 'kiosk.chooseService')}</p>
        <p className="home__hint">{t(lang, 'kiosk.chooseServiceHint')}</p>
      </section>
      <Notices />
      {services === undefined ? (
        <p className="screen__note">{t(lang, 'kiosk.loading')}</p>
      ) : services.length === 0 ? (
        <p className="screen__note">{t(lang, 'kiosk.noServices')}</p>
      ) : (
        byMinistry(services).map((group) => (
          <section key={group.id} className="ministry" aria-labelledby={`ministry-${group.id}`}>
            <h2 id={`ministry-${group.id}`} className="ministry__name">
              {group.name[lang]}
            </h2>
            <div className="ministry__services">
              {group.services.map((service) => (
                <ServiceButton key={service.id} service={service} />
              ))}
            </div>
          </section>
        ))
      )}
    </main>
  );
}
