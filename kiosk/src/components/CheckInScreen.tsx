/**
 * "I have a booking": the booking code, typed on a large keypad of the
 * code's own letters and digits (no 0/O, 1/I/L to confuse), or read by a
 * barcode scanner that types the code or the QR code's link and Enter.
 */
import { useEffect } from 'react';
import { t } from '../../../shared/i18n/index.js';
import { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH } from '../../../shared/protocol.js';
import { codeComplete, codeIn, shownCode } from '../booking-code.js';
import { checkIn } from '../connection.js';
import { useKioskStore } from '../store.js';

type BookingScreen = Extract<
  ReturnType<typeof useKioskStore.getState>['screen'],
  { name: 'booking' }
>;

function setTyped(typed: string) {
  const { screen } = useKioskStore.getState();
  if (screen.name !== 'booking' || screen.pending) return;
  useKioskStore.setState({ screen: { ...screen, typed, error: null } });
}

const press = (key: string) => {
  const { screen } = useKioskStore.getState();
  if (screen.name !== 'booking') return;
  const code = codeIn(screen.typed);
  if (code.length < BOOKING_CODE_LENGTH) setTyped(code + key);
};

const deleteLast = () => {
  const { screen } = useKioskStore.getState();
  if (screen.name === 'booking') setTyped(codeIn(screen.typed).slice(0, -1));
};

/**
 * A scanner is a keyboard: every character it types joins what was typed (the link is read
 * whole on Enter), Backspace takes one back, Enter checks in.
 */
function useScannerKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      const { screen } = useKioskStore.getState();
      if (screen.name !== 'booking') return;
      if (e.key === 'Enter') void checkIn();
      else if (e.key === 'Backspace') deleteLast();
      else if (e.key.length === 1) setTyped(screen.typed + e.key);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The code in eight boxes, `XXXX-XXXX`, the next one to fill marked. */
function CodeBoxes({ code }: { code: string }) {
  const boxes = Array.from({ length: BOOKING_CODE_LENGTH }, (_, i) => code[i] ?? '');
  return (
    <p className="code-boxes" data-testid="typed-code" data-code={shownCode(code)}>
      {boxes.map((c, i) => (
        <span key={i} className="code-boxes__group">
          {i === 4 ? (
            <span className="code-boxes__dash" aria-hidden="true">
              –
            </span>
          ) : null}
          <span className="code-boxes__box" data-next={i === code.length ? 'true' : undefined}>
            {c}
          </span>
        </span>
      ))}
    </p>
  );
}

function Keypad({ disabled }: { disabled: boolean }) {
  const lang = useKioskStore((s) => s.lang);
  return (
    <div className="keypad" role="group" aria-label={t(lang, 'kiosk.booking.codeLabel')}>
      {[...BOOKING_CODE_ALPHABET].map((key) => (
        <button
          key={key}
          type="button"
          className="keypad__key"
          disabled={disabled}
          onClick={() => press(key)}
        >
          {key}
        </button>
      ))}
      <button
        type="button"
        className="keypad__key keypad__key--wide"
        disabled={disabled}
        onClick={deleteLast}
      >
        <span aria-hidden="true">⌫ </span>
        {t(lang, 'kiosk.booking.delete')}
      </button>
    </div>
  );
}

export function CheckInScreen({ screen }: { screen: BookingScreen }) {
  const lang = useKioskStore((s) => s.lang);
  const goHome = useKioskStore((s) => s.goHome);
  const code = codeIn(screen.typed);
  useScannerKeys();
  return (
    <main className="screen check-in" aria-busy={screen.pending} data-testid="check-in-screen">
      <div className="check-in__head">
        <h1 className="check-in__title">{t(lang, 'kiosk.booking.title')}</h1>
        <p className="check-in__hint">{t(lang, 'kiosk.booking.typeCode')}</p>
      </div>
      <CodeBoxes code={code} />
      <div className="check-in__status" aria-live="polite">
        {screen.pending ? <p className="notice">{t(lang, 'kiosk.booking.checking')}</p> : null}
        {!screen.pending && screen.error ? (
          <p className="notice notice--error" role="alert" data-testid="check-in-error">
            {t(lang, screen.error)}
          </p>
        ) : null}
      </div>
      <Keypad disabled={screen.pending} />
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={screen.pending}
          onClick={goHome}
        >
          {t(lang, 'kiosk.back')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={screen.pending || !codeComplete(code)}
          onClick={() => void checkIn()}
        >
          {t(lang, 'kiosk.booking.checkIn')}
        </button>
      </div>
    </main>
  );
}
