/**
 * The live floor (supervisors and managers): the alerts first, then each
 * queue against its target, each counter and who works it, logins slowed by
 * wrong PINs, and ticket search. Everything is read from `floor:get`
 * (floor-actions.ts) and pushed alerts; a wait over its target is said in
 * words as well as in colour.
 */
import { useEffect, useState } from 'react';
import { formatTime } from '../../../shared/i18n/calendar.js';
import { t } from '../../../shared/i18n/index.js';
import { alertIsFault, alertWords } from '../../../shared/ui/alert-words.js';
import type { CounterView, FloorService } from '../../../shared/protocol.js';
import { FLOOR_REFRESH_MS, loadFloor, unlockStaff, useFloorStore } from '../floor-actions.js';
import { useConsoleStore } from '../store.js';
import { BookingCountsTable } from './BookingCountsTable.js';
import { CounterActions } from './FloorCounterActions.js';
import { TicketSearch } from './TicketSearch.js';

/** One empty list, so a selector that finds nothing returns the same value each time. */
const NONE: readonly never[] = [];

const MINUTE_MS = 60_000;
const minutesSince = (from: number, now: number) =>
  Math.max(0, Math.floor((now - from) / MINUTE_MS));

/** The hub's "now", moving on between reads. */
function useHubNow(): number {
  const offset = useFloorStore((s) => s.offsetMs);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now + offset;
}

function Alerts() {
  const lang = useConsoleStore((s) => s.lang);
  const services = useConsoleStore((s) => s.snapshot?.services) ?? NONE;
  const timeZone = useConsoleStore((s) => s.config?.centre.timeZone ?? 'Asia/Vientiane');
  const alerts = useFloorStore((s) => s.alerts);
  return (
    <section className="card floor-alerts" data-testid="floor-alerts">
      <h2>{t(lang, 'console.floor.alerts')}</h2>
      {alerts.length === 0 ? <p className="hint">{t(lang, 'console.floor.noAlerts')}</p> : null}
      <ul className="floor-alerts__list">
        {alerts.map((a) => (
          <li
            key={a.id}
            className={`notice-bar ${alertIsFault(a) || a.kind !== 'printer' ? 'notice-bar--error' : 'notice-bar--info'}`}
            data-alert={a.kind}
            {...(a.kind === 'printer' ? { 'data-status': a.status } : {})}
          >
            {alertWords(lang, a, services)}{' '}
            <span className="floor-alerts__since">
              {t(lang, 'console.floor.since', { time: formatTime(a.since, timeZone) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function LongestWait({ s, now }: { s: FloorService; now: number }) {
  const lang = useConsoleStore((st) => st.lang);
  if (s.oldestQueuedAt === null)
    return <span className="hint">{t(lang, 'console.floor.nobody')}</span>;
  const waited = minutesSince(s.oldestQueuedAt, now);
  const over = waited - s.targetMinutes;
  return (
    <span className={over > 0 ? 'floor-wait floor-wait--over' : 'floor-wait'} data-over={over > 0}>
      {t(lang, 'console.floor.minutes', { minutes: waited })}{' '}
      <span className="floor-wait__words">
        {over > 0
          ? t(lang, 'console.floor.overTarget', { minutes: over })
          : t(lang, 'console.floor.withinTarget')}
      </span>
    </span>
  );
}

function Queues({ now }: { now: number }) {
  const lang = useConsoleStore((s) => s.lang);
  const names = useConsoleStore((s) => s.snapshot?.services) ?? NONE;
  const services = useFloorStore((s) => s.view?.services) ?? NONE;
  return (
    <section className="card">
      <h2>{t(lang, 'console.floor.services')}</h2>
      <table className="table floor-table" data-testid="floor-services">
        <thead>
          <tr>
            <th>{t(lang, 'console.floor.service')}</th>
            <th>{t(lang, 'console.floor.waiting')}</th>
            <th>{t(lang, 'console.floor.longest')}</th>
            <th>{t(lang, 'console.floor.target')}</th>
            <th>{t(lang, 'console.floor.served')}</th>
            <th>{t(lang, 'console.floor.noShows')}</th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.serviceId} data-service={s.serviceId}>
              <td>{names.find((n) => n.id === s.serviceId)?.name[lang] ?? s.serviceId}</td>
              <td data-cell="waiting">{s.waiting}</td>
              <td>
                <LongestWait s={s} now={now} />
              </td>
              <td>{t(lang, 'console.floor.minutes', { minutes: s.targetMinutes })}</td>
              <td data-cell="served">{s.served}</td>
              <td data-cell="no-shows">{s.noShows}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Today's appointments per service; shown once the centre takes bookings at all. */
function Bookings() {
  const lang = useConsoleStore((s) => s.lang);
  const bookings = useFloorStore((s) => s.view?.bookings);
  const anyBookable = useConsoleStore(
    (s) => s.config?.booking.services.some((b) => b.bookable) ?? false,
  );
  if (!bookings || (!anyBookable && bookings.services.length === 0)) return null;
  return (
    <section className="card" data-testid="floor-bookings-card">
      <h2>{t(lang, 'console.floor.bookings')}</h2>
      {bookings.services.length === 0 ? (
        <p className="hint">{t(lang, 'console.floor.bookingsNone')}</p>
      ) : (
        <>
          <BookingCountsTable
            testId="floor-bookings"
            total={bookings.total}
            services={bookings.services}
          />
          <p className="hint">{t(lang, 'console.floor.bookingsHint')}</p>
        </>
      )}
    </section>
  );
}

function CounterState({ c }: { c: CounterView }) {
  const lang = useConsoleStore((s) => s.lang);
  if (c.status === 'paused') {
    const reason = t(lang, `pause.${c.pauseReason ?? 'other'}`);
    return (
      <span className="mark mark--sample">{t(lang, 'console.floor.pausedFor', { reason })}</span>
    );
  }
  return (
    <span className={c.status === 'open' ? 'mark mark--ok' : 'mark mark--off'}>
      {t(lang, `counterStatus.${c.status}`)}
    </span>
  );
}

function CounterRow({ c, now }: { c: CounterView; now: number }) {
  const lang = useConsoleStore((s) => s.lang);
  return (
    <tr data-counter={c.number}>
      <td>{c.name[lang]}</td>
      <td>
        <CounterState c={c} />
      </td>
      <td>{c.staff?.name ?? '—'}</td>
      <td>
        {c.current
          ? t(lang, 'console.floor.for', {
              label: c.current.label,
              minutes: minutesSince(c.current.calledAt, now),
            })
          : '—'}
      </td>
      <td>
        <CounterActions c={c} />
      </td>
    </tr>
  );
}

function Counters({ now }: { now: number }) {
  const lang = useConsoleStore((s) => s.lang);
  const counters = useFloorStore((s) => s.view?.counters) ?? NONE;
  return (
    <section className="card">
      <h2>{t(lang, 'console.floor.counters')}</h2>
      <table className="table floor-table" data-testid="floor-counters">
        <thead>
          <tr>
            <th>{t(lang, 'console.floor.counter')}</th>
            <th>{t(lang, 'console.floor.state')}</th>
            <th>{t(lang, 'console.floor.clerk')}</th>
            <th>{t(lang, 'console.floor.current')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {counters.map((c) => (
            <CounterRow key={c.id} c={c} now={now} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Slowed() {
  const lang = useConsoleStore((s) => s.lang);
  const timeZone = useConsoleStore((s) => s.config?.centre.timeZone ?? 'Asia/Vientiane');
  const slowed = useFloorStore((s) => s.view?.slowed) ?? NONE;
  if (slowed.length === 0) return null;
  return (
    <section className="card" data-testid="floor-slowed">
      <h2>{t(lang, 'console.floor.slowed')}</h2>
      <ul className="floor-slowed">
        {slowed.map((m) => (
          <li key={m.id}>
            {m.name} ·{' '}
            {t(lang, 'console.floor.slowedUntil', { time: formatTime(m.until, timeZone) })}{' '}
            <button
              type="button"
              className="button button--small"
              onClick={() => void unlockStaff(m.id, m.name)}
            >
              {t(lang, 'console.floor.unlock', { name: m.name })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FloorScreen() {
  const lang = useConsoleStore((s) => s.lang);
  const loaded = useFloorStore((s) => s.view !== null);
  const now = useHubNow();
  useEffect(() => {
    void loadFloor();
    const timer = setInterval(() => void loadFloor(), FLOOR_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="floor" data-testid="floor" data-loaded={loaded}>
      <h1 className="visually-hidden">{t(lang, 'console.nav.floor')}</h1>
      <Alerts />
      <Queues now={now} />
      <Bookings />
      <Counters now={now} />
      <Slowed />
      <TicketSearch />
    </div>
  );
}
