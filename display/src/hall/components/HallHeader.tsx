import { formatDate, formatTime } from '../../../../shared/i18n/calendar.js';
import { t } from '../../../../shared/i18n/index.js';
import { useHallStore } from '../store.js';
import { useNow } from '../timers.js';

const CLOCK_TICK_MS = 5_000;

export function HallHeader() {
  const centre = useHallStore((s) => s.snapshot?.centre);
  const now = useNow(CLOCK_TICK_MS);
  const zone = centre?.timeZone ?? 'Asia/Vientiane';
  return (
    <header className="hall-header">
      <div className="hall-header__brand">
        {/* Beside the centre's name, which says the same: nothing for a screen reader to add. */}
        {centre?.logo ? (
          <img
            className="hall-header__logo"
            src={centre.logo.url}
            width={centre.logo.width}
            height={centre.logo.height}
            alt=""
            data-testid="centre-logo"
          />
        ) : null}
        <span className="hall-header__app" lang="lo">
          {t('lo', 'app.name')}
        </span>
        <span className="hall-header__centre">
          <span lang="lo">{centre?.name.lo}</span>
          <span lang="en">{centre?.name.en}</span>
        </span>
      </div>
      <div className="hall-clock" data-testid="hall-clock">
        <span className="hall-clock__time">{formatTime(now, zone)}</span>
        <span className="hall-clock__date">
          <span lang="lo">{formatDate(now, zone, 'lo')}</span>
          <span lang="en">{formatDate(now, zone, 'en')}</span>
        </span>
      </div>
    </header>
  );
}
