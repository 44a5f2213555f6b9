import { useEffect, useState } from 'react';
import { formatTime } from '../../../shared/i18n/calendar.js';
import { formatKip, t, type Lang } from '../../../shared/i18n/index.js';
import {
  isKnownRefusal,
  type CentralLinkStatus,
  type ServiceConfig,
} from '../../../shared/protocol.js';
import {
  enrolCentral,
  loadCentral,
  mapService,
  nationalFeeOn,
  syncCentral,
  useCentralStore,
} from '../central-actions.js';
import { useCanEdit, useConsoleStore } from '../store.js';
import { TextField } from './Field.js';

/** The outbox drains by itself; the screen reads the link again this often while shown. */
const REFRESH_MS = 10_000;

function When({ at }: { at: number | null }) {
  const lang = useConsoleStore((s) => s.lang);
  const timeZone = useConsoleStore((s) => s.config?.centre.timeZone ?? 'Asia/Vientiane');
  return <>{at === null ? t(lang, 'console.central.never') : formatTime(at, timeZone)}</>;
}

function EnrolForm({ url: given }: { url: string | null }) {
  const lang = useConsoleStore((s) => s.lang);
  const [url, setUrl] = useState(given ?? '');
  const [code, setCode] = useState('');
  return (
    <form
      className="central-enrol"
      onSubmit={(e) => {
        e.preventDefault();
        void enrolCentral(url, code).then((done) => done && setCode(''));
      }}
    >
      <TextField label="console.central.url" path="url" type="url" value={url} onChange={setUrl} />
      <TextField label="console.central.code" path="code" value={code} onChange={setCode} />
      <button type="submit" className="button button--primary">
        {t(lang, 'console.central.enrol')}
      </button>
    </form>
  );
}

function LinkCard({ status }: { status: CentralLinkStatus }) {
  const lang = useConsoleStore((s) => s.lang);
  const canEdit = useCanEdit();
  return (
    <section className="card" data-testid="central-link">
      <h2>{t(lang, 'console.central.title')}</h2>
      {status.enrolled ? (
        <dl className="facts">
          <dt>{t(lang, 'console.central.enrolledAs')}</dt>
          <dd>{`${status.centreCode ?? ''} · ${status.url ?? ''}`}</dd>
          <dt>{t(lang, 'console.central.lastPush')}</dt>
          <dd data-testid="central-last-push">
            <When at={status.lastPushAt} />
          </dd>
          <dt>{t(lang, 'console.central.waiting')}</dt>
          <dd data-testid="central-waiting">{status.waiting}</dd>
          <dt>{t(lang, 'console.central.feeVersion')}</dt>
          <dd>{status.feeVersion}</dd>
        </dl>
      ) : (
        <p className="hint">{t(lang, 'console.central.notEnrolled')}</p>
      )}
      {status.enrolAgain ? (
        <p className="notice notice--error" role="alert" data-testid="central-enrol-again">
          {t(lang, 'console.central.enrolAgain')}
        </p>
      ) : null}
      {status.lastError ? (
        <p className="notice notice--error" role="alert" data-testid="central-error">
          {t(lang, 'console.central.lastError', { error: status.lastError })}
        </p>
      ) : null}
      {canEdit && status.enrolled && !status.enrolAgain ? (
        <button type="button" className="button" onClick={() => void syncCentral()}>
          {t(lang, 'console.central.syncNow')}
        </button>
      ) : null}
      {canEdit ? <EnrolForm url={status.url} /> : null}
    </section>
  );
}

/** Central's reason in the reader's language; its own English words for a code this hub does not know. */
function refusalText(lang: Lang, r: CentralLinkStatus['refused'][number]): string {
  const code = r.refusal?.code ?? null;
  return isKnownRefusal(code)
    ? t(lang, `console.central.refusal.${code}`, r.refusal?.params)
    : r.reason;
}

function RefusedCard({ status }: { status: CentralLinkStatus }) {
  const lang = useConsoleStore((s) => s.lang);
  if (status.refused.length === 0) return null;
  return (
    <section className="card" data-testid="central-refused">
      <h2>{t(lang, 'console.central.refusedTitle')}</h2>
      <p className="hint">{t(lang, 'console.central.refusedHint')}</p>
      <ul>
        {status.refused.map((r) => (
          <li key={`${r.day}/${r.version}`}>
            <strong>{r.day}</strong>: {refusalText(lang, r)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function MappingRow({ service, status }: { service: ServiceConfig; status: CentralLinkStatus }) {
  const lang = useConsoleStore((s) => s.lang);
  const day = useConsoleStore((s) => s.snapshot?.day ?? '');
  const canEdit = useCanEdit();
  const code = status.mappings.find((m) => m.serviceId === service.id)?.nationalCode ?? '';
  const codes = [...new Set(status.nationalFees.map((f) => f.code))];
  const { inForce, next } = code ? nationalFeeOn(status, code, day) : { inForce: null, next: null };
  const differs = inForce !== null && inForce.feeLak !== service.feeLak;
  return (
    <tr data-testid={`central-map-${service.id}`} data-differs={differs}>
      <td>{service.name[lang]}</td>
      <td>
        {formatKip(service.feeLak, lang)}
        {/* As on the services list: a sample fee is never shown as if it were the official one. */}
        {service.feeIsSample ? (
          <>
            {' '}
            <span className="mark mark--sample">{t(lang, 'console.sample')}</span>
          </>
        ) : null}
      </td>
      <td>
        <select
          name={`central.map.${service.id}`}
          value={code}
          disabled={!canEdit}
          onChange={(e) => void mapService(service, e.target.value || null)}
        >
          <option value="">{t(lang, 'console.central.notMapped')}</option>
          {codes.map((c) => (
            <option key={c} value={c}>
              {`${c} — ${status.nationalFees.find((f) => f.code === c)?.name[lang] ?? ''}`}
            </option>
          ))}
        </select>
      </td>
      <td>
        {inForce ? `${formatKip(inForce.feeLak, lang)} · ${inForce.ref[lang]}` : '—'}
        {next ? (
          <span className="hint">
            {' '}
            {t(lang, 'console.central.nextFee', {
              day: next.effectiveOn,
              fee: formatKip(next.feeLak, lang),
            })}
          </span>
        ) : null}
      </td>
      <td>
        {differs ? (
          <span className="mark mark--warn" role="note">
            {t(lang, 'console.central.differs')}
          </span>
        ) : null}
      </td>
    </tr>
  );
}

function MappingCard({ status }: { status: CentralLinkStatus }) {
  const lang = useConsoleStore((s) => s.lang);
  const services = useConsoleStore((s) => s.config?.services ?? []);
  return (
    <section className="card">
      <h2>{t(lang, 'console.central.mapTitle')}</h2>
      <p className="hint">{t(lang, 'console.central.mapHint')}</p>
      {status.nationalFees.length === 0 ? (
        <p className="hint">{t(lang, 'console.central.noTable')}</p>
      ) : null}
      <table className="table" data-testid="central-mapping">
        <thead>
          <tr>
            <th>{t(lang, 'console.central.service')}</th>
            <th>{t(lang, 'console.central.localFee')}</th>
            <th>{t(lang, 'console.central.national')}</th>
            <th>{t(lang, 'console.central.officialFee')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <MappingRow key={s.id} service={s} status={status} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The link to the national service: its state, what central refused, and the fee mapping. */
export function CentralScreen() {
  const status = useCentralStore((s) => s.status);
  useEffect(() => {
    void loadCentral();
    const timer = setInterval(() => void loadCentral(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  if (!status) return null;
  return (
    <div className="central">
      <LinkCard status={status} />
      <RefusedCard status={status} />
      <MappingCard status={status} />
    </div>
  );
}
