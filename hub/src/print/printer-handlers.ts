/**
 * The console's printer events. Managers add, change and remove printers and
 * print test slips; supervisors and managers see them and their spool, and
 * reprint or drop a slip (the floor's work when a citizen's slip is lost).
 */
import type { Handlers } from '../handler.js';
import type { PrinterAdmin } from './printer-admin.js';

type PrinterEvent =
  | 'printer:list'
  | 'printer:save'
  | 'printer:remove'
  | 'printer:test'
  | 'printer:jobs'
  | 'printer:reprint'
  | 'printer:drop';

export function printerHandlers(admin: PrinterAdmin): Handlers<PrinterEvent> {
  return {
    'printer:list': (ctx) => (ctx.staff(), admin.list()),
    'printer:save': (ctx, { printer, version }) => admin.save(ctx.manager(), printer, version),
    'printer:remove': (ctx, { printerId, version, dropWaiting }) =>
      admin.remove(ctx.manager(), printerId, version, dropWaiting ?? false),
    'printer:test': (ctx, { printerId }) => (ctx.manager(), admin.test(printerId)),
    'printer:jobs': (ctx, { printerId }) => (ctx.staff(), admin.jobs(printerId)),
    'printer:reprint': (ctx, { jobId }) => admin.reprint(ctx.staff(), jobId),
    'printer:drop': (ctx, { jobId }) => admin.drop(ctx.staff(), jobId),
  };
}
