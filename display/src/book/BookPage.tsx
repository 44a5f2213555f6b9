/**
 * The booking pages, /book and /book/<code>, for a citizen's own phone: no
 * install, no login. /book books an appointment; /book/<code> (where the
 * booking's QR code leads) shows it and lets its holder change it.
 */
import { t } from '../../../shared/i18n/index.js';
import { loadBooking, loadCentre } from './book-actions.js';
import { BookFlow } from './components/BookFlow.js';
import { BookingView } from './components/BookingView.js';
import { PageFrame, Unreachable } from './components/PageFrame.js';
import { pageLang, useBookStore } from './store.js';

function BookBody() {
  const lang = useBookStore(pageLang);
  const loaded = useBookStore((s) => s.snapshot !== null && s.bookable !== null);
  const loadFailed = useBookStore((s) => s.loadFailed);
  const booked = useBookStore((s) => s.booking !== null);
  if (booked) return <BookingView />;
  if (loadFailed) return <Unreachable onRetry={() => void loadCentre(true)} />;
  if (!loaded) return <p className="phone-loading">{t(lang, 'book.loading')}</p>;
  return <BookFlow />;
}

export function BookPage() {
  const ready = useBookStore(
    (s) => (s.snapshot !== null && s.bookable !== null) || s.loadFailed || s.booking !== null,
  );
  return (
    <PageFrame ready={ready}>
      <BookBody />
    </PageFrame>
  );
}

function BookingBody() {
  const lang = useBookStore(pageLang);
  const lookup = useBookStore((s) => s.lookup);
  const code = useBookStore((s) => s.code);
  const loadFailed = useBookStore((s) => s.loadFailed);
  const retry = () => {
    void loadCentre(true);
    if (code) void loadBooking(code);
  };
  if (lookup === 'unknown') {
    return (
      <article className="book-card" data-testid="unknown-booking">
        <h1 className="book-title">{t(lang, 'booking.unknownTitle')}</h1>
        <p className="phone-note">{t(lang, 'booking.unknownBody')}</p>
        <a className="phone-button book-link" href="/book">
          {t(lang, 'book.another')}
        </a>
      </article>
    );
  }
  if (lookup === 'failed' || loadFailed) return <Unreachable onRetry={retry} />;
  if (lookup === 'loading') return <p className="phone-loading">{t(lang, 'book.loading')}</p>;
  return <BookingView />;
}

export function BookingPage() {
  const ready = useBookStore(
    (s) =>
      (s.lookup !== 'loading' && s.snapshot !== null) || s.lookup === 'unknown' || s.loadFailed,
  );
  return (
    <PageFrame ready={ready}>
      <BookingBody />
    </PageFrame>
  );
}
