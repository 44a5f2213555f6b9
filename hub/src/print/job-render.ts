/** A print job's bytes, drawn from its ticket as it is now, and whether it should still print. */
import type { ConfigSource } from '../config/config.js';
import type { ServiceDay } from '../day/service-day.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import type { JobRow, PrinterRow } from './print-store.js';
import { logoBitmap } from './logo-raster.js';
import { encodeTicket } from './ticket-layout.js';

export function createJobRender(deps: {
  config: ConfigSource;
  day: ServiceDay;
  tickets: TicketStore;
}) {
  const { config, tickets } = deps;
  return {
    render(job: JobRow, printer: PrinterRow): Uint8Array {
      const ticket = tickets.byId(job.ticket_id);
      if (!ticket) throw new Error(`print job ${job.id}: ticket ${job.ticket_id} is gone`);
      const centre = config.current();
      const service = centre.services.get(ticket.serviceId);
      const logo = centre.logo ? logoBitmap(centre.logo, printer.paper_dots) : null;
      return encodeTicket({
        ...(logo ? { logo } : {}),
        paperDots: printer.paper_dots,
        lang: ticket.lang,
        centre: centre.name,
        label: ticket.label,
        service: service?.name ?? { lo: ticket.serviceId, en: ticket.serviceId },
        feeLak: service?.feeLak ?? 0,
        feeIsSample: service?.feeIsSample ?? false,
        feeRef: service?.feeRef ?? null,
        peopleAhead: job.people_ahead,
        estimatedWaitMs: job.estimated_wait_ms,
        issuedAt: ticket.issuedAt,
        timeZone: centre.timeZone,
        url: `${config.publicUrl().replace(/\/+$/, '')}/t/${ticket.code}`,
        // Sent before and never confirmed, or cut short by a hub that stopped mid-job.
        reprint: job.reached_printer === 1 || job.state === 'sending',
        booking: ticket.booking,
      });
    },
    /** Why a job should no longer print (its ticket was called, or is from another day), or null. */
    stale(job: JobRow): string | null {
      const ticket = tickets.byId(job.ticket_id);
      if (!ticket) return 'the ticket is gone';
      if (ticket.day !== (deps.day.stored() ?? ticket.day)) return 'the ticket is from another day';
      return ticket.status === 'waiting' ? null : `the ticket is ${ticket.status}`;
    },
  };
}
