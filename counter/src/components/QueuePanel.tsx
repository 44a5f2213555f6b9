import { useEffect, useRef, useState } from 'react';
import { t } from '../../../shared/i18n/index.js';
import type { Ticket } from '../../../shared/protocol.js';
import type { Desk, ServiceQueue } from '../desk.js';
import { LIST_STEPS, type DeskAction } from '../desk-actions.js';
import { formatDuration } from '../time-format.js';
import { useCounterStore } from '../store.js';
import { ActionButton } from './ActionButton.js';
import { PriorityChip } from './PriorityChip.js';
import { ask } from '../connection.js';
import { fetchPage } from '../waiting-refill.js';
import { WAITING_WINDOW } from '../../../shared/domain/waiting-window.js';

function TicketRow({
  ticket,
  next,
  now,
  overdueMinutes = null,
}: {
  ticket: Ticket;
  next: boolean;
  now: number;
  /** The service's target, when this ticket has waited past it. */
  overdueMinutes?: number | null;
}) {
  const lang = useCounterStore((s) => s.lang);
  const selected = useCounterStore((s) => s.selectedId === ticket.id);
  const select = useCounterStore((s) => s.select);
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <li
      ref={ref}
      role="option"
      aria-selected={selected}
      className={overdueMinutes !== null ? 'queue__row queue__row--overdue' : 'queue__row'}
      data-ticket={ticket.label}
      data-overdue={overdueMinutes !== null ? 'true' : undefined}
      onClick={() => select(ticket.id)}
    >
      <span className="queue__label">{ticket.label}</span>
      {next ? <span className="chip chip--next">{t(lang, 'counter.queue.next')}</span> : null}
      <PriorityChip ticket={ticket} lang={lang} />
      {overdueMinutes !== null ? (
        <span className="chip chip--overdue" data-testid="overdue">
          {t(lang, 'counter.queue.overdue', { minutes: overdueMinutes })}
        </span>
      ) : null}
      <span className="queue__wait">{formatDuration(now - ticket.issuedAt, lang)}</span>
    </li>
  );
}

/** The tickets parked at this counter, above the queues. */
function ParkedGroup({ tickets, now }: { tickets: Ticket[]; now: number }) {
  const lang = useCounterStore((s) => s.lang);
  return (
    <div className="queue__group queue__group--parked" data-testid="parked">
      <h3 className="queue__service">{t(lang, 'counter.queue.parked')}</h3>
      <ul className="queue__rows" role="group">
        {tickets.map((ticket) => (
          <TicketRow key={ticket.id} ticket={ticket} next={false} now={now} />
        ))}
      </ul>
    </div>
  );
}

/** One service's queue: how many wait, the longest wait, and the tickets in call order. */
/**
 * Beyond the front a counter holds: how many more wait, and the next pages
 * in call order when the clerk asks, as the hub has them then.
 */
function MoreWaiting({
  serviceId,
  shown,
  more,
}: {
  serviceId: string;
  shown: number;
  more: number;
}) {
  const lang = useCounterStore((s) => s.lang);
  const [pages, setPages] = useState<Ticket[]>([]);
  const left = more - pages.length;
  const showMore = async () => {
    const page = await fetchPage(ask, serviceId, shown + pages.length);
    if (page) setPages([...pages, ...page]);
  };
  return (
    <div className="queue__more" data-testid="queue-more">
      {pages.length > 0 ? (
        <ul className="queue__rows queue__rows--more">
          {pages.map((ticket) => (
            <li key={ticket.id} className="queue__row queue__row--more" data-ticket={ticket.label}>
              <span className="queue__label">{ticket.label}</span>
              <PriorityChip ticket={ticket} lang={lang} />
            </li>
          ))}
        </ul>
      ) : null}
      {left > 0 ? (
        <p className="hint">
          {t(lang, 'counter.queue.more', { count: left })}{' '}
          <button type="button" className="action action--quiet" onClick={() => void showMore()}>
            {t(lang, 'counter.queue.showMore', { count: WAITING_WINDOW })}
          </button>
        </p>
      ) : null}
    </div>
  );
}

function ServiceGroup({
  queue,
  nextId,
  now,
}: {
  queue: ServiceQueue;
  nextId: number | null;
  now: number;
}) {
  const lang = useCounterStore((s) => s.lang);
  const { service, tickets, more, longestWaitMs, overdue } = queue;
  return (
    <div className="queue__group" data-service={service.id}>
      <h3 className="queue__service">
        <span className="queue__service-name">{service.name[lang]}</span>
        <span className="queue__count" data-testid="queue-count">
          {t(lang, 'counter.queue.count', { count: service.waiting })}
        </span>
        {longestWaitMs !== null ? (
          <span className="queue__longest">
            {t(lang, 'counter.queue.longest', { duration: formatDuration(longestWaitMs, lang) })}
          </span>
        ) : null}
      </h3>
      {tickets.length > 0 ? (
        <ul className="queue__rows" role="group">
          {tickets.map((ticket) => (
            <TicketRow
              key={ticket.id}
              ticket={ticket}
              next={ticket.id === nextId}
              now={now}
              overdueMinutes={overdue.has(ticket.id) ? service.targetMinutes : null}
            />
          ))}
        </ul>
      ) : null}
      {more > 0 ? (
        // A page shown stands for the queue as it was: when the count moves, it goes.
        <MoreWaiting key={more} serviceId={service.id} shown={tickets.length} more={more} />
      ) : null}
    </div>
  );
}

/** What waits for this counter, service by service, in the order call-next takes it; and what is on hold here. */
export function QueuePanel({
  desk,
  available,
  now,
}: {
  desk: Desk;
  available: Set<DeskAction>;
  now: number;
}) {
  const lang = useCounterStore((s) => s.lang);
  const steps = (Object.keys(LIST_STEPS) as (keyof typeof LIST_STEPS)[]).filter((a) =>
    available.has(a),
  );
  return (
    <section className="card queue" aria-labelledby="queue-title" data-testid="queue">
      <h2 id="queue-title" className="card__title">
        {t(lang, 'counter.queue.title')}
      </h2>
      <div className="queue__lists" role="listbox" aria-labelledby="queue-title">
        {desk.parked.length > 0 ? <ParkedGroup tickets={desk.parked} now={now} /> : null}
        {desk.queues.map((queue) => (
          <ServiceGroup key={queue.service.id} queue={queue} nextId={desk.nextId} now={now} />
        ))}
      </div>
      <div className="queue__footer">
        <p className="hint">{t(lang, 'counter.queue.hint')}</p>
        <div className="queue__actions">
          {steps.map((a) => (
            <ActionButton key={a} action={a} tone={a === 'cancel' ? 'danger' : 'secondary'} />
          ))}
        </div>
      </div>
    </section>
  );
}
