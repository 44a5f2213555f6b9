import { formatMinutes, t } from '../../../shared/i18n/index.js';
import type { ServiceView } from '../../../shared/protocol.js';
import { feeText, waitingText } from '../service-text.js';
import { useIssuing } from '../use-issuing.js';
import { useKioskStore } from '../store.js';

/** One service in the home list: its name first (the accessible name starts with it), then fee and queue. */
export function ServiceButton({ service }: { service: ServiceView }) {
  const lang = useKioskStore((s) => s.lang);
  const openService = useKioskStore((s) => s.openService);
  const { block, opensAgain } = useIssuing(service);
  return (
    <button
      type="button"
      className="service-button"
      data-blocked={block ? 'true' : undefined}
      onClick={() => openService(service.id)}
    >
      <span className="service-button__name">{service.name[lang]}</span>
      <span className="service-button__facts">
        <span className="service-button__fee">
          {feeText(service.feeLak, lang)}
          {service.feeIsSample ? (
            <span className="sample-mark"> ({t(lang, 'kiosk.feeSampleShort')})</span>
          ) : null}
        </span>
        {block ? (
          <span className="service-button__closed">
            {t(lang, block)}
            {opensAgain ? ` · ${opensAgain}` : null}
          </span>
        ) : (
          <span className="service-button__queue">
            {waitingText(service.waiting, lang)}
            {service.waiting > 0 && service.estimatedWaitMs !== null
              ? ` · ${formatMinutes(service.estimatedWaitMs, lang)}`
              : null}
          </span>
        )}
      </span>
    </button>
  );
}
