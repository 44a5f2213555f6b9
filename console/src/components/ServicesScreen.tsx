import { formatKip, t } from '../../../shared/i18n/index.js';
import type { MinistryConfig, ServiceConfig } from '../../../shared/protocol.js';
import { useConsoleStore } from '../store.js';
import { BookingCard } from './BookingCard.js';
import { FeeHistory } from './FeeHistory.js';
import { ListPane, ListRow, NothingChosen } from './ListPane.js';
import { ServiceForm } from './ServiceForm.js';

function ServiceRow({ service }: { service: ServiceConfig }) {
  const lang = useConsoleStore((s) => s.lang);
  return (
    <ListRow id={service.id} testId={`service-${service.id}`}>
      <span className="list-row__prefix">{service.prefix}</span>
      <span className="list-row__main">{service.name[lang]}</span>
      <span className="list-row__meta">
        {formatKip(service.feeLak, lang)}
        {service.feeIsSample ? (
          <span className="mark mark--sample">{t(lang, 'console.sample')}</span>
        ) : null}
        <span className={service.open ? 'mark mark--ok' : 'mark mark--off'}>
          {t(lang, service.open ? 'console.service.isOpen' : 'console.service.isClosed')}
        </span>
      </span>
    </ListRow>
  );
}

function Grouped({
  ministries,
  services,
}: {
  ministries: MinistryConfig[];
  services: ServiceConfig[];
}) {
  const lang = useConsoleStore((s) => s.lang);
  const sorted = [...ministries].sort((a, b) => a.sort - b.sort);
  return (
    <>
      {sorted.map((m) => {
        const own = services.filter((s) => s.ministryId === m.id).sort((a, b) => a.sort - b.sort);
        if (own.length === 0) return null;
        return (
          <div key={m.id} className="list-group">
            <h3 className="list-group__title">{m.name[lang]}</h3>
            {own.map((s) => (
              <ServiceRow key={s.id} service={s} />
            ))}
          </div>
        );
      })}
    </>
  );
}

export function ServicesScreen() {
  const ministries = useConsoleStore((s) => s.config?.ministries);
  const services = useConsoleStore((s) => s.config?.services);
  const selection = useConsoleStore((s) => s.selection);
  const formGen = useConsoleStore((s) => s.formGen);
  if (!ministries || !services) return null;
  const chosen = services.find((s) => s.id === selection) ?? null;
  return (
    <div className="split">
      <ListPane title="console.nav.services" addLabel="console.service.add">
        <Grouped ministries={ministries} services={services} />
      </ListPane>
      {selection === null ? (
        <NothingChosen hint="console.chooseOrAdd" />
      ) : (
        <div className="form-column" key={String(selection)}>
          <ServiceForm key={`${String(selection)}:${formGen}`} service={chosen} />
          {chosen ? <BookingCard service={chosen} /> : null}
          {chosen ? <FeeHistory serviceId={chosen.id} version={chosen.version} /> : null}
        </div>
      )}
    </div>
  );
}
