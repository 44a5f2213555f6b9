import { t } from '../../../shared/i18n/index.js';
import type { FeeReference } from '../../../shared/protocol.js';
import { feeText } from '../service-text.js';
import { useKioskStore } from '../store.js';
import { Fact } from './Fact.js';

/** "2026-11-27" as Lao notices write a decree's date: 27/11/2026. */
const dayMonthYear = (day: string) => day.split('-').reverse().join('/');

/**
 * The fee, said plainly to be official (with the decree that sets it, when
 * the kiosk shows one), or plainly marked when it is a demo sample.
 */
export function FeeFact({
  feeLak,
  isSample,
  feeRef = null,
}: {
  feeLak: number;
  isSample: boolean;
  feeRef?: FeeReference | null | undefined;
}) {
  const lang = useKioskStore((s) => s.lang);
  return (
    <Fact label={t(lang, isSample ? 'ticket.fee' : 'kiosk.officialFee')}>
      {feeText(feeLak, lang)}
      {isSample ? (
        <span className="sample-mark sample-mark--block">{t(lang, 'ticket.feeSample')}</span>
      ) : null}
      {feeRef ? (
        <span className="fee-ref" data-testid="fee-ref">
          {t(lang, 'kiosk.feeRef', { ref: feeRef[lang], date: dayMonthYear(feeRef.date) })}
        </span>
      ) : null}
    </Fact>
  );
}
