/**
 * Home: every service, under its ministry, in one list that fits the screen
 * by scrolling within it, and never hides that it does:
 *
 * - an index of the ministries above the list: one tap brings that
 *   ministry's services to the top of the list, on any screen size;
 * - a bar under the list that says there are more services below, and
 *   scrolls one screen further when tapped (at the end: back to the top).
 *
 * Tried at 1080×1920 and 768×1366 portrait: the demo's 18 services take about
 * two screens at either, so a list alone hid a ministry below the fold. Tiles
 * of ministries first would ask a visitor to know which ministry owns their
 * errand (App.tsx); the index keeps the one list and its one tap to a
 * service, and adds a one-tap way to every part of it.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { LANGS, t } from '../../../shared/i18n/index.js';
import type { ServiceView } from '../../../shared/protocol.js';
import { useKioskStore } from '../store.js';
import { useBookingScan } from '../use-booking-scan.js';
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

interface ListPosition {
  /** Some of the list is below what is shown. */
  below: boolean;
  /** The list is not at its top. */
  scrolled: boolean;
  /** The ministry whose services are at the top of what is shown. */
  current: string | null;
}

const AT_TOP: ListPosition = { below: false, scrolled: false, current: null };

/** Where the list is scrolled to, kept up to date on scroll and on any change of size. */
function useListPosition(
  list: RefObject<HTMLDivElement | null>,
  groups: MinistryGroup[],
  chosen: RefObject<string | null>,
) {
  const [position, setPosition] = useState<ListPosition>(AT_TOP);
  useEffect(() => {
    const el = list.current;
    if (!el) return;
    const measure = () => {
      let current = groups[0]?.id ?? null;
      for (const section of el.querySelectorAll<HTMLElement>('[data-ministry]')) {
        const top = section.offsetTop;
        if (top <= el.scrollTop + 2) current = section.dataset.ministry ?? current;
        // The ministry last tapped in the index, while it is in view: at the end of the
        // list it cannot come to the top, yet it is the one being looked at.
        const inView = top >= el.scrollTop - 2 && top < el.scrollTop + el.clientHeight;
        if (inView && section.dataset.ministry === chosen.current) {
          current = chosen.current;
          break;
        }
      }
      const next: ListPosition = {
        below: el.scrollTop + el.clientHeight < el.scrollHeight - 2,
        scrolled: el.scrollTop > 2,
        current,
      };
      setPosition((was) =>
        was.below === next.below && was.scrolled === next.scrolled && was.current === next.current
          ? was
          : next,
      );
    };
    // It reports each element once when it starts watching: the first measure.
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    for (const child of el.children) observer.observe(child);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, [list, groups, chosen]);
  return position;
}

function MinistryIndex({
  groups,
  current,
  onChoose,
}: {
  groups: MinistryGroup[];
  current: string | null;
  onChoose: (id: string) => void;
}) {
  const lang = useKioskStore((s) => s.lang);
  return (
    <nav className="home__index" aria-label={t(lang, 'kiosk.ministryIndex')}>
      <p className="home__index-title">{t(lang, 'kiosk.ministryIndex')}</p>
      <div className="home__index-list">
        {groups.map((group) => (
          <button
            key={group.id}
            type="button"
            className="ministry-tab"
            aria-current={current === group.id ? 'true' : undefined}
            onClick={() => onChoose(group.id)}
          >
            {group.name[lang]}
          </button>
        ))}
      </div>
    </nav>
  );
}

/** Under the list: more below (tap: one screen further), or at the end, back to the top. */
function ScrollCue({
  position,
  onMore,
  onTop,
}: {
  position: ListPosition;
  onMore: () => void;
  onTop: () => void;
}) {
  const lang = useKioskStore((s) => s.lang);
  if (position.below) {
    return (
      <button type="button" className="scroll-cue" onClick={onMore} data-testid="more-below">
        <span aria-hidden="true">▼</span> {t(lang, 'kiosk.moreBelow')}{' '}
        <span aria-hidden="true">▼</span>
      </button>
    );
  }
  if (!position.scrolled) return null;
  return (
    <button
      type="button"
      className="scroll-cue scroll-cue--top"
      onClick={onTop}
      data-testid="back-to-top"
    >
      <span aria-hidden="true">▲</span> {t(lang, 'kiosk.backToTop')}
    </button>
  );
}

function ServiceList({ groups }: { groups: MinistryGroup[] }) {
  const lang = useKioskStore((s) => s.lang);
  const list = useRef<HTMLDivElement>(null);
  const chosen = useRef<string | null>(null);
  const position = useListPosition(list, groups, chosen);
  const scrollTo = (top: number) => list.current?.scrollTo({ top, behavior: 'instant' });
  const showMinistry = (id: string) => {
    const section = list.current?.querySelector<HTMLElement>(`[data-ministry="${CSS.escape(id)}"]`);
    chosen.current = id;
    if (section) scrollTo(section.offsetTop);
    // Already there (the end of the list): no scroll event, yet the index must show the choice.
    list.current?.dispatchEvent(new Event('scroll'));
  };
  const pageDown = () => {
    const el = list.current;
    // A little less than a screen, so the row cut at the bottom is whole at the top.
    if (el) scrollTo(el.scrollTop + Math.round(el.clientHeight * 0.85));
  };

  return (
    <>
      {groups.length > 1 ? (
        <MinistryIndex groups={groups} current={position.current} onChoose={showMinistry} />
      ) : null}
      <div className="home__list" ref={list} data-testid="service-list">
        <Notices />
        {groups.map((group) => (
          <section
            key={group.id}
            className="ministry"
            aria-labelledby={`ministry-${group.id}`}
            data-ministry={group.id}
          >
            <h2 id={`ministry-${group.id}`} className="ministry__name">
              {group.name[lang]}
            </h2>
            <div className="ministry__services">
              {group.services.map((service) => (
                <ServiceButton key={service.id} service={service} />
              ))}
            </div>
          </section>
        ))}
      </div>
      <ScrollCue position={position} onMore={pageDown} onTop={() => scrollTo(0)} />
    </>
  );
}

/**
 * On the welcome's own line, no taller than it, so it takes no room from the services: the
 * way in for a citizen who booked ahead, offered only while some service takes bookings. Its
 * name is in both languages, since the kiosk starts in Lao and the booking may have been made
 * in English.
 */
function BookingEntry() {
  const lang = useKioskStore((s) => s.lang);
  const openBooking = useKioskStore((s) => s.openBooking);
  const other = LANGS.find((l) => l !== lang) ?? lang;
  return (
    <button
      type="button"
      className="booking-entry"
      onClick={openBooking}
      data-testid="booking-entry"
    >
      <span className="booking-entry__name">{t(lang, 'kiosk.booking.entry')}</span>
      <span className="booking-entry__other" lang={other}>
        {t(other, 'kiosk.booking.entry')}
      </span>
    </button>
  );
}

export function HomeScreen() {
  const lang = useKioskStore((s) => s.lang);
  const services = useKioskStore((s) => s.snapshot?.services);
  const groups = useMemo(() => (services ? byMinistry(services) : []), [services]);
  const bookable = services?.some((s) => s.bookable) ?? false;
  // Even when nothing is bookable now: a booking made before its service stopped taking
  // bookings still checks in (docs/operations.md), and a scan offers nothing on screen.
  useBookingScan();
  return (
    <main className="screen home">
      <section className="home__welcome">
        <h1 className="home__title">{t(lang, 'kiosk.welcome')}</h1>
        {bookable ? <BookingEntry /> : null}
        <p className="home__lead">{t(lang, 'kiosk.chooseService')}</p>
        <p className="home__hint">{t(lang, 'kiosk.chooseServiceHint')}</p>
      </section>
      {services === undefined ? (
        <p className="screen__note">{t(lang, 'kiosk.loading')}</p>
      ) : services.length === 0 ? (
        <p className="screen__note">{t(lang, 'kiosk.noServices')}</p>
      ) : (
        <ServiceList groups={groups} />
      )}
    </main>
  );
}
