/** The tickets' part of the protocol: issue, call, and every step a clerk takes with one. */
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

export function ticketHandlers(tickets: TicketService): Handlers<TicketEvent> {
  return {
    'ticket:issue': (ctx, p) => {
      if (ctx.conn.role === 'console') ctx.staff();
      return tickets.issueGrouped(ctx.actor, p, ctx.conn.role === 'kiosk' ? 'kiosk' : 'api');
    },
    'counter:call-next': (ctx, p) => (ctx.staff(), tickets.callNext(ctx.actor, p.counterId)),
    'counter:call': (ctx, p) => (ctx.staff(), tickets.call(ctx.actor, p)),
    'counter:complete-and-call-next': (ctx, p) => (
      ctx.staff(),
      tickets.completeAndCallNext(ctx.actor, p)
    ),
    'ticket:recall': (ctx, p) => (ctx.staff(), tickets.recall(ctx.actor, p)),
    'ticket:start': (ctx, p) => (ctx.staff(), tickets.start(ctx.actor, p)),
    'ticket:complete': (ctx, p) => (ctx.staff(), tickets.complete(ctx.actor, p)),
    'ticket:no-show': (ctx, p) => (ctx.staff(), tickets.noShow(ctx.actor, p)),
    'ticket:park': (ctx, p) => (ctx.staff(), tickets.park(ctx.actor, p)),
    'ticket:resume': (ctx, p) => (ctx.staff(), tickets.resume(ctx.actor, p)),
    'ticket:cancel': (ctx, p) => (ctx.staff(), tickets.cancel(ctx.actor, p)),
    'ticket:transfer': (ctx, p) => (ctx.staff(), tickets.transfer(ctx.actor, p)),
  };
}
