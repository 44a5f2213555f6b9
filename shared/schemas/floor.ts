/**
 * The live floor (supervisors and managers): each service's queue against
 * its target, each counter and who works it, the alerts the hub raises, and
 * a ticket's whole history. Staff names appear here; nothing citizen-facing
 * reads these shapes.
 */
import { z } from 'zod';
import { CounterViewSchema, EpochMs, Id, ServiceDaySchema, TicketSchema } from './entities.js';
import { PrinterStatusSchema } from './enums.js';
import { BookingCountsSchema, ServiceBookingsSchema } from './reports.js';

/**
 * Every alert names the services it concerns: the counters serving one of
 * them show it. None (a kiosk printer): every counter shows it.
 */
const alertBase = {
  /** Stable while the condition lasts: `wait:<service>`, `idle:<counter>`, `printer:<id>`. */
  id: z.string(),
  /** When the condition began (the oldest ticket passed its target, the counter fell idle…). */
  since: EpochMs,
  serviceIds: z.array(z.string()),
};

export const AlertSchema = z.discriminatedUnion('kind', [
  z.object({
    ...alertBase,
    kind: z.literal('wait-over-target'),
    serviceId: z.string(),
    /** The longest-waiting ticket's place in the queue (`queuedAt`). */
    oldestQueuedAt: z.number().int(),
    targetMinutes: z.number().int().positive(),
  }),
  z.object({
    ...alertBase,
    kind: z.literal('counter-idle'),
    counterId: Id,
    counterNumber: z.number().int().positive(),
  }),
  z.object({
    ...alertBase,
    kind: z.literal('printer'),
    printerId: Id,
    printerName: z.string(),
    status: PrinterStatusSchema.exclude(['ok']),
    queuedJobs: z.number().int().nonnegative(),
  }),
]);
export type Alert = z.infer<typeof AlertSchema>;
export type AlertKind = Alert['kind'];

export const FloorServiceSchema = z.object({
  serviceId: z.string(),
  waiting: z.number().int().nonnegative(),
  /** The longest-waiting ticket's `queuedAt`; null when nobody waits. */
  oldestQueuedAt: z.number().int().nullable(),
  targetMinutes: z.number().int().positive(),
  /** Today: tickets finished here, and tickets called here that nobody answered. */
  served: z.number().int().nonnegative(),
  noShows: z.number().int().nonnegative(),
});
export type FloorService = z.infer<typeof FloorServiceSchema>;

/**
 * Today's bookings of one service. Until the rollover nobody is a no-show yet, so the floor
 * counts as `noShows` the bookings still open whose check-in window has closed (they become
 * no-shows tonight), and as `expected` those whose window has not closed yet.
 */
export const FloorBookingsSchema = ServiceBookingsSchema.extend({
  expected: z.number().int().nonnegative(),
});
export type FloorBookings = z.infer<typeof FloorBookingsSchema>;

export const FloorViewSchema = z.object({
  day: ServiceDaySchema,
  /** The hub's clock when the view was read, so waits are shown against the hub's time. */
  at: EpochMs,
  services: z.array(FloorServiceSchema),
  /** With who works each one (staff names). */
  counters: z.array(CounterViewSchema),
  alerts: z.array(AlertSchema),
  /** Staff whose wrong PINs are slowing their logins now (a supervisor may unlock them). */
  slowed: z.array(z.object({ id: Id, name: z.string(), until: EpochMs })),
  /** Today's bookings: the services that have any, in the console's order, and their total. */
  bookings: z.object({
    total: BookingCountsSchema.extend({ expected: z.number().int().nonnegative() }),
    services: z.array(FloorBookingsSchema),
  }),
});
export type FloorView = z.infer<typeof FloorViewSchema>;

/** One step in a ticket's life, from `ticket_events`: what, when, where, and who. */
export const TicketStepSchema = z.object({
  at: EpochMs,
  /** The lifecycle action (`issue`, `call`, `start`, `transfer`…). */
  type: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  counterNumber: z.number().int().positive().nullable(),
  staffName: z.string().nullable(),
  detail: z.string().nullable(),
});
export type TicketStep = z.infer<typeof TicketStepSchema>;

/** Every ticket of one number on one day (a transfer keeps the number), each with its steps. */
export const TicketHistorySchema = z.array(
  z.object({ ticket: TicketSchema, steps: z.array(TicketStepSchema) }),
);
export type TicketHistory = z.infer<typeof TicketHistorySchema>;

/** `A023`, `a23` (the number as printed, any case, zeros optional) or a ticket's code. */
export const TicketQuerySchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^(?:[A-Za-z]{1,3}\d{1,5}|[A-Za-z0-9_-]{8,32})$/, 'a ticket number or code');
