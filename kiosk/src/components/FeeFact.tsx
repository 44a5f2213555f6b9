import { t } from '../../../shared/i18n/index.js';
import { feeText } from '../service-text.js';
import { useKioskStore } from '../store.js';
import { Fact } from './Fact.js';

/** The fee, said plainly to be official, or plainly marked when it is a demo sample. */
export function FeeFact({ feeLak, isSample }: { feeLak: number; isSample: boolean }) {
  const lang = useKioskStore((s) => s.lang);
  return (
    <Fact label={t(lang, isSample ? 'ticket.fee' : 'kiosk.officialFee')}>
      {feeText(feeLak, lang)}
      {isSample ? (
        <span className="sample-mark sample-mark--block">{t(lang, 'ticket.feeSample')}</span>
      ) : null}
    </Fact>
  );
}
