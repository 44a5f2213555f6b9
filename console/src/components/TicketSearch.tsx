/**
 * Ticket search on the floor: by the number as printed (any case, zeros
 * optional) and the day, or by the code in its QR. It shows every ticket of
 * that number on the day (a transfer keeps the number) with each step from
 * `ticket_events`: what, when, at which counter, by whom; and, for a citizen
 * still in the hall, the floor's actions on it.
 */
import { useState, type FormEvent } from 'react';
import { formatTime } from '../../../shared/i18n/calendar.js';
import { dayText } from '../../../shared/i18n/day-text.js';
import { t, type MessageKey } from '../../../shared/i18n/index.js';
import type { Ticket, TicketHistory } from '../../../shared/protocol.js';
import {
  cancelTicket,
  reprintTicket,
  searchTickets,
  transferTicket,
  useFloorStore,
} from '../floor-actions.js';
import { useConsoleStore } from '../store.js';
import { DateField } from './DateField.js';
import { Field, FieldMessage } from './Field.js';

/** One empty list, so a selector that finds nothing returns the same value each time. */
const NONE: readonly never[] = [];

function TicketActions({ ticket }: { ticket: Ticket }) {
  const lang = useConsoleStore((s) => s.lang);
  const busy = useConsoleStore((s) => s.busy !== null);
  const services = useConsoleStore((s) => s.snapshot?.services) ?? NONE;
  const [to, setTo] = useState('');
  const [position, setPosition] = useState<'front' | 'back'>('back');
  const send = (e: FormEvent) => {
    e.preventDefault();
    void transferTicket({ ticketId: ticket.id, toServiceId: to, position }, ticket.label);
  };
  return (
    <form className="ticket-actions" onSubmit={send} data-testid="ticket-actions">
      <Field label="console.floor.transferTo" path="toServiceId">
        <select name="toServiceId" value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="">—</option>
          {services.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name[lang]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="console.floor.position" path="position">
        <select
          name="position"
          value={position}
          onChange={(e) => setPosition(e.target.value === 'front' ? 'front' : 'back')}
        >
          <option value="back">{t(lang, 'console.floor.back')}</option>
          <option value="front">{t(lang, 'console.floor.front')}</option>
        </select>
      </Field>
      <button type="submit" className="button button--primary" disabled={busy}>
        {t(lang, 'console.floor.transfer')}
      </button>
      {ticket.status === 'waiting' ? (
        <>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void reprintTicket(ticket.id, ticket.label)}
          >
            {t(lang, 'console.floor.reprint')}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() => void cancelTicket(ticket.id, ticket.label)}
          >
            {t(lang, 'console.floor.cancel')}
          </button>
        </>
      ) : null}
    </form>
  );
}

function History({ found }: { found: TicketHistory }) {
  const lang = useConsoleStore((s) => s.lang);
  const timeZone = useConsoleStore((s) => s.config?.centre.timeZone ?? 'Asia/Vientiane');
  const services = useConsoleStore((s) => s.snapshot?.services) ?? NONE;
  return (
    <>
      {found.map(({ ticket, steps }) => (
        <article key={ticket.id} className="ticket-history" data-ticket={ticket.id}>
          <h3>
            <span className="ticket-history__label">{ticket.label}</span>{' '}
            {services.find((s) => s.id === ticket.serviceId)?.name[lang] ?? ticket.serviceId}{' '}
            <span className="mark mark--ok">{t(lang, `status.${ticket.status}`)}</span>
          </h3>
          <table className="table">
            <thead>
              <tr>
                <th>{t(lang, 'console.search.time')}</th>
                <th>{t(lang, 'console.search.what')}</th>
                <th>{t(lang, 'console.search.where')}</th>
                <th>{t(lang, 'console.search.who')}</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((s, i) => (
                <tr key={i} data-step={s.type}>
                  <td>{formatTime(s.at, timeZone)}</td>
                  <td>{t(lang, `console.search.step.${s.type}` as MessageKey)}</td>
                  <td>
                    {s.counterNumber === null
                      ? '—'
                      : t(lang, 'console.search.counter', { number: s.counterNumber })}
                  </td>
                  <td>{s.staffName ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {ticket.status === 'waiting' || ticket.status === 'parked' ? (
            <TicketActions ticket={ticket} />
          ) : null}
        </article>
      ))}
    </>
  );
}

export function TicketSearch() {
  const lang = useConsoleStore((s) => s.lang);
  const today = useConsoleStore((s) => s.snapshot?.day ?? '');
  const search = useFloorStore((s) => s.search);
  const [query, setQuery] = useState(search?.query ?? '');
  const [day, setDay] = useState(search?.day ?? today);
  const find = (e: FormEvent) => {
    e.preventDefault();
    void searchTickets(query, day || today);
  };
  return (
    <section className="card ticket-search" data-testid="ticket-search">
      <h2>{t(lang, 'console.search.title')}</h2>
      <form className="ticket-search__form" onSubmit={find} noValidate>
        <Field label="console.search.query" path="query" hint="console.search.hint">
          <input
            name="query"
            value={query}
            maxLength={40}
            autoComplete="off"
            onChange={(e) => setQuery(e.target.value)}
          />
        </Field>
        <DateField label="console.search.day" path="day" value={day || today} onChange={setDay} />
        <button type="submit" className="button button--primary">
          {t(lang, 'console.search.submit')}
        </button>
      </form>
      <FieldMessage path="ticketId" />
      {search && search.found.length === 0 ? (
        <p className="hint" data-testid="search-none">
          {t(lang, 'console.search.none', { query: search.query, day: dayText(search.day) })}
        </p>
      ) : null}
      {search ? <History found={search.found} /> : null}
    </section>
  );
}
