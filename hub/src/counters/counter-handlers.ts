/** The counter's part of the protocol: open it, pause it, close it, and today's figures. */
import type { Ctx, Handlers } from '../handler.js';
import { HubError, notFound } from '../hub-error.js';
import type { Clock } from '../clock.js';
import type { ServiceDay } from '../day/service-day.js';
import type { Views } from '../views/views.js';
import type { CounterService } from './counter-service.js';
import type { CounterStats } from './counter-stats.js';
import type { Desks } from './desks.js';
import type { CounterView, RequestPayload } from '../../../shared/protocol.js';

type CounterEvent =
  'counter:open' | 'counter:pause' | 'counter:resume' | 'counter:close' | 'counter:stats';

interface CounterHandlerDeps {
  clock: Clock;
  day: ServiceDay;
  counters: CounterService;
  desks: Desks;
  stats: CounterStats;
  views: Views;
}

/**
 * `counter:open`: a counter another clerk works is taken only when the clerk was told who has it
 * and said yes (`takeOver`); that clerk's screen is told at once (desks.ts).
 */
function openCounter(
  deps: CounterHandlerDeps,
  view: (id: number) => CounterView,
  ctx: Ctx,
  { counterId, takeOver }: RequestPayload<'counter:open'>,
): CounterView {
  const staff = ctx.staff();
  const before = view(counterId); // not-found before forbidden
  if (!staff.counters.includes(counterId)) {
    throw new HubError(
      'forbidden',
      `You may not work at counter ${counterId}`,
      'not-allowed-at-counter',
    );
  }
  const holder = before.status === 'closed' ? null : before.staff;
  if (holder && holder.id !== staff.id && takeOver !== true) {
    throw new HubError(
      'conflict',
      `Counter ${before.number} is in use by ${holder.name}; open it with takeOver to take it over`,
      'counter-in-use',
      { params: { number: before.number, by: holder.name } },
    );
  }
  deps.counters.open(ctx.actor, counterId);
  deps.desks.take(ctx.conn, counterId, {
    counterId,
    counterNumber: before.number,
    by: { id: staff.id, name: staff.name },
  });
  return view(counterId);
}

export function counterHandlers(deps: CounterHandlerDeps): Handlers<CounterEvent> {
  const { counters } = deps;
  const view = (id: number): CounterView => {
    const v = deps.views.counter(id, false);
    if (!v) throw notFound(`Counter ${id}`);
    return v;
  };
  return {
    'counter:open': (ctx, payload) => openCounter(deps, view, ctx, payload),
    'counter:pause': (ctx, { counterId, reason }) => {
      ctx.staff();
      counters.pause(ctx.actor, counterId, reason ?? 'other');
      return view(counterId);
    },
    'counter:resume': (ctx, { counterId }) => {
      ctx.staff();
      counters.resume(ctx.actor, counterId);
      return view(counterId);
    },
    'counter:close': (ctx, { counterId }) => {
      ctx.staff();
      counters.close(ctx.actor, counterId);
      return view(counterId);
    },
    'counter:stats': (ctx, { counterId }) => {
      const staff = ctx.staff();
      view(counterId);
      const day = deps.day.current();
      return {
        at: deps.clock.now(),
        counter: deps.stats.forCounter(day, counterId),
        staff: deps.stats.forStaff(day, staff.id),
      };
    },
  };
}
