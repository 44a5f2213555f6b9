/**
 * The whole screen says where to go, in Lao and in English at once: the
 * person holding the phone may be reading over a relative's shoulder.
 */
import { LANGS, t } from '../../../../shared/i18n/index.js';
import type { TicketView } from '../../../../shared/protocol.js';
import { usePhoneStore } from '../store.js';

export function CalledScreen({ view }: { view: TicketView }) {
  const dismiss = usePhoneStore((s) => s.dismissCall);
  const lang = usePhoneStore((s) => s.chosenLang ?? view.lang);
  const number = view.counter?.number ?? '';
  return (
    <div className="called" role="alertdialog" aria-modal="true" data-testid="called-screen">
      <p className="called__label">{view.label}</p>
      {LANGS.map((l) => (
        <div key={l} lang={l} className="called__lang">
          <p className="called__turn">{t(l, 'ticket.yourTurn')}</p>
          <p className="called__go">{t(l, 'ticket.goToCounter', { number })}</p>
        </div>
      ))}
      <p className="called__counter" data-testid="called-counter">
        {number}
      </p>
      <button type="button" className="phone-button called__ok" onClick={dismiss}>
        {t(lang, 'phone.calledOk')}
      </button>
    </div>
  );
}
