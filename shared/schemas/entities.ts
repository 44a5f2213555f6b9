/**
 * What the protocol's messages carry: tickets, the views of services,
 * counters, calls and printers, the snapshot that holds them, and staff.
 * Every type is inferred from its schema.
 */
import { z } from 'zod';
import {
  CounterStatusSchema,
  LangSchema,
  PauseReasonSchema,
  PrinterStatusSchema,
  PrioritySchema,
  StaffRoleSchema,
  TicketSourceSchema,
  TicketStatusSchema,
} from './enums.js';
import { CentreLogoSchema } from './logo.js';

export const Id = z.number().int().positive();
export const EpochMs = z.number().int().nonnegative();
export const ServiceDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const LocalizedSchema = z.object({ lo: z.string(), en: z.string() });
export type Localized = z.infer<typeof LocalizedSchema>;

export const LocalizedListSchema = z.object({ lo: z.array(z.string()), en: z.array(z.string()) });
export type LocalizedList = z.infer<typeof LocalizedListSchema>;

export const TicketSchema = z.object({
  id: Id,
  /** Random, unguessable: the phone page is /t/<code>. Never sent to public clients. */
  code: z.string(),
  day: ServiceDaySchema,
  number: z.number().int().positive(),
  label: z.string(),
  serviceId: z.string(),
  priority: PrioritySchema,
  status: TicketStatusSchema,
  lang: LangSchema,
  source: TicketSourceSchema,
  issuedAt: EpochMs,
  /** Where the ticket stands in its queue; a transfer to the front or a resume moves it. */
  queuedAt: z.number().int(),
  calledAt: EpochMs.nullable(),
  startedAt: EpochMs.nullable(),
  finishedAt: EpochMs.nullable(),
  counterId: Id.nullable(),
  staffId: Id.nullable(),
  recalls: z.number().int().nonnegative(),
  parentId: Id.nullable(),
  /** A booked citizen's ticket (priority `appointment`): the slot it was booked for. */
  booking: z.object({ start: z.string() }).nullable(),
});
export type Ticket = z.infer<typeof TicketSchema>;

/**
 * The `ticket:issue` ack: the ticket, and where it stood in the queue when it
 * was issued, so the kiosk shows and prints it without a second trip.
 */
export const IssuedTicketSchema = TicketSchema.extend({
  /** People to be called first; null when the ticket no longer waits (a repeated request). */
  peopleAhead: z.number().int().nonnegative().nullable(),
  estimatedWaitMs: z.number().int().nonnegative().nullable(),
});
export type IssuedTicket = z.infer<typeof IssuedTicketSchema>;

/** What a phone or a hall display may know of a ticket: no code, no priority (it can be medical). */
export const PublicTicketSchema = TicketSchema.pick({
  id: true,
  label: true,
  serviceId: true,
  status: true,
  counterId: true,
});
export type PublicTicket = z.infer<typeof PublicTicketSchema>;

/** One weekday's opening hours, in minutes of the centre's clock (console.ts checks edits). */
export const DayHoursSchema = z.object({
  weekday: z.number().int().min(0).max(6),
  opensMin: z.number().int(),
  closesMin: z.number().int(),
  lunchFromMin: z.number().int().nullable(),
  lunchToMin: z.number().int().nullable(),
});

export const CentreSchema = z.object({
  name: LocalizedSchema,
  timeZone: z.string(),
  /** Days the centre is closed; every service is closed then. */
  holidays: z.array(z.object({ day: ServiceDaySchema, name: LocalizedSchema })),
  /** The address phones reach the hub by; QR codes point here. */
  publicUrl: z.string(),
  /** The centre's notices in force on the service day, in Lao and English, in order. */
  notices: z.array(LocalizedSchema),
  /** The centre's logo for headers; null: none set. */
  logo: CentreLogoSchema.nullable(),
  /** The services each hall display shows, by device id; a display not listed shows all. */
  displays: z.array(z.object({ deviceId: Id, serviceIds: z.array(z.string()) })),
  /**
   * The voice clips recorded in the console, with their version: a display plays these
   * (`GET /api/v1/voice/<lang>/<clipId>?v=<version>`) instead of its bundled pack's.
   */
  voiceClips: z.array(z.object({ lang: LangSchema, clipId: z.string(), version: Id })),
  /**
   * The call policy's ratio: one priority ticket after every this many others when both wait
   * (0: priority tickets first). The kiosk tells priority groups exactly this.
   */
  priorityEvery: z.number().int().nonnegative(),
});
export type Centre = z.infer<typeof CentreSchema>;

export const ServiceViewSchema = z.object({
  id: z.string(),
  prefix: z.string(),
  name: LocalizedSchema,
  ministry: z.object({ id: z.string(), name: LocalizedSchema }),
  feeLak: z.number().int().nonnegative(),
  /** True for the demo centre's illustrative fees: never show them as official. */
  feeIsSample: z.boolean(),
  /** The decree or notice that sets an official fee (number and title, its date); null for none. */
  feeRef: z.object({ lo: z.string(), en: z.string(), date: ServiceDaySchema }).nullable(),
  documents: LocalizedListSchema,
  targetMinutes: z.number().int().positive(),
  dailyCap: z.number().int().positive().nullable(),
  /** False: the kiosk skips the priority question for this service. */
  asksPriority: z.boolean(),
  open: z.boolean(),
  /** When it takes tickets; none: whenever the centre is open (shared/domain/opening-hours.ts). */
  hours: z.array(DayHoursSchema),
  waiting: z.number().int().nonnegative(),
  /**
   * Of `waiting`, the tickets with a priority. A counter holds only the front of each class
   * (shared/domain/waiting-window.ts) and knows from this when to ask for more.
   */
  priorityWaiting: z.number().int().nonnegative(),
  issuedToday: z.number().int().nonnegative(),
  estimatedWaitMs: z.number().int().nonnegative().nullable(),
  /** Citizens can book it (its booking settings, hub/src/appointments): the kiosk offers check-in. */
  bookable: z.boolean(),
});
export type ServiceView = z.infer<typeof ServiceViewSchema>;

export const CounterViewSchema = z.object({
  id: Id,
  number: z.number().int().positive(),
  name: LocalizedSchema,
  /** Service ids this counter serves, best-ranked first. */
  services: z.array(z.string()),
  status: CounterStatusSchema,
  pauseReason: PauseReasonSchema.nullable(),
  current: z
    .object({
      ticketId: Id,
      label: z.string(),
      serviceId: z.string(),
      status: z.enum(['called', 'serving']),
      calledAt: EpochMs,
    })
    .nullable(),
  /** Who is logged in at the counter; null in public payloads. */
  staff: z.object({ id: Id, name: z.string() }).nullable(),
});
export type CounterView = z.infer<typeof CounterViewSchema>;

export const CallViewSchema = z.object({
  ticketId: Id,
  label: z.string(),
  serviceId: z.string(),
  counterId: Id,
  counterNumber: z.number().int().positive(),
  at: EpochMs,
  /** 0 for the first call, then one more for each recall. */
  recalls: z.number().int().nonnegative(),
});
export type CallView = z.infer<typeof CallViewSchema>;

/** A ticket printer as staff and its kiosk see it (no address: that stays on the hub). */
export const PrinterViewSchema = z.object({
  id: Id,
  name: z.string(),
  status: PrinterStatusSchema,
  /** The kiosk device it prints for; null: every kiosk without a printer of its own. */
  kioskDeviceId: Id.nullable(),
  paperDots: z.number().int().positive(),
  /** Tickets waiting to print on it. */
  queuedJobs: z.number().int().nonnegative(),
  statusAt: EpochMs.nullable(),
});
export type PrinterView = z.infer<typeof PrinterViewSchema>;

export const SnapshotSchema = z.object({
  seq: z.number().int().nonnegative(),
  /** The paired device the snapshot was made for (displays: to find their own services). */
  deviceId: Id.optional(),
  day: ServiceDaySchema,
  centre: CentreSchema,
  services: z.array(ServiceViewSchema),
  counters: z.array(CounterViewSchema),
  recentCalls: z.array(CallViewSchema),
  /**
   * Only for counter and console clients, in queue order: the first WAITING_WINDOW of each class
   * (no priority, priority) of each service, whatever the queue's length; `queue:waiting` pages
   * further.
   */
  waiting: z.array(TicketSchema).optional(),
  /** Only for kiosks (their own printers), counters and consoles (every printer). */
  printers: z.array(PrinterViewSchema).optional(),
  /** Only for counter and console: every ticket now `called`, `serving` or `parked`, by id. */
  held: z.array(TicketSchema).optional(),
  /**
   * Only for counter and console: what the next-ticket policy needs besides the queue, so a
   * counter can list tickets in the order `counter:call-next` will take them.
   */
  callPolicy: z
    .object({
      priorityEvery: z.number().int().positive(),
      /** Per service id: normal tickets called today since its last priority ticket (absent = 0). */
      sinceLastPriority: z.record(z.string(), z.number().int().nonnegative()),
    })
    .optional(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const StaffSchema = z.object({
  id: Id,
  username: z.string(),
  name: z.string(),
  role: StaffRoleSchema,
  /** Counter ids this person may open. */
  counters: z.array(Id),
  /** A new or reset PIN is temporary: nothing but `staff:change-pin` works until it is changed. */
  pinMustChange: z.boolean(),
});
export type Staff = z.infer<typeof StaffSchema>;

/** One person's or one counter's figures for today (`counter:stats`). */
export const DayFiguresSchema = z.object({
  served: z.number().int().nonnegative(),
  noShows: z.number().int().nonnegative(),
  /** Mean of finishedAt − startedAt over the served tickets; null when none was served. */
  avgServiceMs: z.number().int().nonnegative().nullable(),
});
export type DayFigures = z.infer<typeof DayFiguresSchema>;

export const CounterStatsSchema = z.object({
  /** The hub's clock when it counted, so a client can correct its own clock's drift. */
  at: EpochMs,
  counter: DayFiguresSchema,
  staff: DayFiguresSchema,
});
export type CounterStats = z.infer<typeof CounterStatsSchema>;

export const TicketViewSchema = z.object({
  code: z.string(),
  label: z.string(),
  status: TicketStatusSchema,
  day: ServiceDaySchema,
  lang: LangSchema,
  service: z.object({
    id: z.string(),
    name: LocalizedSchema,
    feeLak: z.number().int(),
    feeIsSample: z.boolean(),
  }),
  /** People to be called before this ticket; null once it has been called. */
  peopleAhead: z.number().int().nonnegative().nullable(),
  estimatedWaitMs: z.number().int().nonnegative().nullable(),
  counter: z.object({ id: Id, number: z.number().int(), name: LocalizedSchema }).nullable(),
  issuedAt: EpochMs,
  calledAt: EpochMs.nullable(),
  finishedAt: EpochMs.nullable(),
  feedbackGiven: z.boolean(),
  /** A booked citizen's ticket: the slot it was booked for, as on the ticket and the slip. */
  booking: TicketSchema.shape.booking,
});
export type TicketView = z.infer<typeof TicketViewSchema>;
