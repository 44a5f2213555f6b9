/**
 * Every service with the people waiting, the estimated wait and its fee, a
 * page at a time. The pages turn slowly and say which page is up, so nothing
 * is only in moving text. Fee transparency is part of the government's plan
 * for these centres, so a fee the data marks as a sample is labelled as one
 * on every row and above the table, never shown as official.
 */
import { formatKip, formatMinutes, LANGS, t } from '../../../../shared/i18n/index.js';
import type { ServiceView } from '../../../../shared/protocol.js';
import { openState } from '../../../../shared/domain/opening-hours.js';
import { useMinute } from '../../../../shared/ui/use-minute.js';
import { useHallStore } from '../store.js';
import { useRotation } from '../timers.js';
import { Both } from './Both.js';

/** Few and large, to be read from across the hall (hall.css). */
export const SERVICES_PER_PAGE = 3;

/** The amount in Lao, then in English, each line with its own sample mark when it is one. */
function feeCell(service: ServiceView) {
  return (
    <td className="service-table__fee">
      {LANGS.map((lang) => (
        <span key={lang} lang={lang}>
          {service.feeLak === 0 ? t(lang, 'fee.free') : formatKip(service.feeLak, lang)}
          {service.feeIsSample ? (
            <span className="sample-tag" data-testid={`fee-sample-${lang}`}>
              {t(lang, 'display.feeSample')}
            </span>
          ) : null}
          {!service.feeIsSample && service.feeRef ? (
            <span className="fee-ref" data-testid={`fee-ref-${lang}`}>
              {service.feeRef[lang]}
            </span>
          ) : null}
        </span>
      ))}
    </td>
  );
}

function ServiceRow({ service, closed }: { service: ServiceView; closed: boolean }) {
  return (
    <tr data-testid={`service-${service.id}`}>
      <th scope="row" className="service-table__name">
        <span className="service-table__name-lo" lang="lo">
          {service.name.lo}
        </span>
        <span className="service-table__name-en" lang="en">
          {service.name.en}
        </span>
      </th>
      <td className="service-table__waiting">{service.waiting}</td>
      <td className="service-table__wait">
        {closed ? (
          <span className="service-table__closed" data-testid={`closed-${service.id}`}>
            <Both k="kiosk.closedNow" />
          </span>
        ) : service.waiting === 0 ? (
          <span>–</span>
        ) : (
          <span className="both">
            <span lang="lo">{formatMinutes(service.estimatedWaitMs, 'lo')}</span>
            <span lang="en">{formatMinutes(service.estimatedWaitMs, 'en')}</span>
          </span>
        )}
      </td>
      {feeCell(service)}
    </tr>
  );
}

export function ServiceTable({ pageMs }: { pageMs: number }) {
  const services = useHallStore((s) => s.snapshot?.services);
  const open = (services ?? []).filter((s) => s.open);
  const pages = Math.max(1, Math.ceil(open.length / SERVICES_PER_PAGE));
  const page = useRotation(pages, pageMs);
  const rows = open.slice(page * SERVICES_PER_PAGE, (page + 1) * SERVICES_PER_PAGE);
  const anySample = open.some((s) => s.feeIsSample);
  const now = useMinute();
  const centre = useHallStore((s) => s.snapshot?.centre);
  const holidays = new Set(centre?.holidays.map((h) => h.day) ?? []);
  const closedNow = (s: ServiceView) =>
    centre ? !openState({ hours: s.hours, holidays }, now, centre.timeZone).open : false;
  return (
    <section className="services">
      <h2 className="panel-title services__title">
        <Both k="display.services" />
        <span className="services__page" data-testid="services-page">
          <Both k="display.page" params={{ page: page + 1, pages }} />
        </span>
      </h2>
      {anySample ? (
        <p className="services__sample-note" data-testid="fees-are-samples">
          <Both k="display.feesAreSamples" />
        </p>
      ) : null}
      <table className="service-table">
        <thead>
          <tr>
            <th scope="col">
              <Both k="ticket.service" />
            </th>
            <th scope="col">
              <Both k="display.colWaiting" />
            </th>
            <th scope="col">
              <Both k="display.colWait" />
            </th>
            <th scope="col">
              <Both k={anySample ? 'display.colFeeSample' : 'display.colFee'} />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <ServiceRow key={s.id} service={s} closed={closedNow(s)} />
          ))}
        </tbody>
      </table>
      <ol className="page-dots" aria-hidden="true">
        {Array.from({ length: pages }, (_, i) => (
          <li key={i} className={i === page ? 'page-dots__dot is-current' : 'page-dots__dot'} />
        ))}
      </ol>
    </section>
  );
}
