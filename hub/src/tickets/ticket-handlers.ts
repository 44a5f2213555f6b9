/**
 * The tickets' part of the protocol: issue, call, and every step a clerk
 * takes with one. Each shares the turn's one transaction (one fsync) with
 * whatever else was asked for in that turn, the kiosks' tickets and the other
 * counters' steps; each is still answered alone, and refused alone.
 */
import type { Commits } from '../changes/commits.js';
import type { Handlers } from '../handler.js';
import type { TicketService } from './ticket-service.js';

type TicketEvent =
  | 'ticket:issue'
  | 'counter:call-next'
  | 'counter:call'
  | 'counter:complete-and-call-next'
  | 'ticket:recall'
  | 'ticket:start'
  | 'ticket:complete'
  | 'ticket:no-show'
  | 'ticket:park'
  | 'ticket:resume'
  | 'ticket:cancel'
  | 'ticket:transfer';

export function ticketHandlers(
  tickets: TicketService,
  { shared }: Pick<Commits, 'shared'>,
): Handlers<TicketEvent> {
  return {
    'ticket:issue': (ctx, p) => {
      if (ctx.conn.role === 'console') ctx.staff();
      return tickets.issueGrouped(ctx.actor, p, ctx.conn.role === 'kiosk' ? 'kiosk' : 'api');
    },
    'counter:call-next': (ctx, p) => (
      ctx.staff(),
      shared(() => tickets.callNext(ctx.actor, p.counterId))
    ),
    'counter:call': (ctx, p) => (ctx.staff(), shared(() => tickets.call(ctx.actor, p))),
    'counter:complete-and-call-next': (ctx, p) => (
      ctx.staff(),
      shared(() => tickets.completeAndCallNext(ctx.actor, p))
    ),
    'ticket:recall': (ctx, p) => (ctx.staff(), shared(() => tickets.recall(ctx.actor, p))),
    'ticket:start': (ctx, p) => (ctx.staff(), shared(() => tickets.start(ctx.actor, p))),
    'ticket:complete': (ctx, p) => (ctx.staff(), shared(() => tickets.complete(ctx.actor, p))),
    'ticket:no-show': (ctx, p) => (ctx.staff(), shared(() => tickets.noShow(ctx.actor, p))),
    'ticket:park': (ctx, p) => (ctx.staff(), shared(() => tickets.park(ctx.actor, p))),
    'ticket:resume': (ctx, p) => (ctx.staff(), shared(() => tickets.resume(ctx.actor, p))),
    'ticket:cancel': (ctx, p) => (ctx.staff(), shared(() => tickets.cancel(ctx.actor, p))),
    'ticket:transfer': (ctx, p) => (ctx.staff(), shared(() => tickets.transfer(ctx.actor, p))),
  };
}
