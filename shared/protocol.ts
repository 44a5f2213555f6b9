/**
 * The wire contract between the hub and every client (DESIGN.md "Protocol").
 * Every payload is a zod schema and every type is inferred from it, so the
 * hub's validator and the clients' types cannot drift apart.
 */
import { z } from 'zod';

export const PROTOCOL_VERSION = 1;

export const ROLES = ['kiosk', 'counter', 'display', 'feedback', 'console', 'public'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const LANGS = ['lo', 'en'] as const;
export const LangSchema = z.enum(LANGS);
export type Lang = z.infer<typeof LangSchema>;

export const PRIORITIES = [
  'none',
  'elderly',
  'disability',
  'pregnant',
  'monk',
  'appointment',
] as const;
export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;

export const TICKET_STATUSES = [
  'waiting',
  'called',
  'serving',
  'done',
  'parked',
  'cancelled',
  'no_show',
  'expired',
  'transferred',
] as const;
export const TicketStatusSchema = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

export const TICKET_SOURCES = ['kiosk', 'phone', 'counter', 'api'] as const;
export const TicketSourceSchema = z.enum(TICKET_SOURCES);
export type TicketSource = z.infer<typeof TicketSourceSchema>;

export const COUNTER_STATUSES = ['open', 'paused', 'closed'] as const;
export const CounterStatusSchema = z.enum(COUNTER_STATUSES);
export type CounterStatus = z.infer<typeof CounterStatusSchema>;

export const PAUSE_REASONS = ['break', 'meeting', 'other-task', 'other'] as const;
export const PauseReasonSchema = z.enum(PAUSE_REASONS);
export type PauseReason = z.infer<typeof PauseReasonSchema>;

export const STAFF_ROLES = ['clerk', 'manager'] as const;
export const StaffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

export const ERROR_CODES = [
  'invalid-request',
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'closed',
  'rate-limited',
  'internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** Machine-readable detail beside an error code, so apps can say it in the citizen's language. */
export const ERROR_REASONS = [
  'service-closed',
  'daily-cap-reached',
  'counter-paused',
  'counter-closed',
  'counter-not-open',
  'wrong-counter',
  'not-allowed-at-counter',
  'locked-out',
  'bad-credentials',
  'login-required',
  'feedback-given',
  'not-finished',
  'status',
  'session-ended',
] as const;
export const ErrorReasonSchema = z.enum(ERROR_REASONS);
export type ErrorReason = z.infer<typeof ErrorReasonSchema>;

// ---------------------------------------------------------------- entities

const Id = z.number().int().positive();
const EpochMs = z.number().int().nonnegative();
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

export const CentreSchema = z.object({
  name: LocalizedSchema,
  timeZone: z.string(),
  /** The address phones reach the hub by; QR codes point here. */
  publicUrl: z.string(),
  /** Messages from the centre for its hall displays, in Lao and English (centre.settings). */
  notices: z.array(LocalizedSchema),
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
  documents: LocalizedListSchema,
  targetMinutes: z.number().int().positive(),
  dailyCap: z.number().int().positive().nullable(),
  open: z.boolean(),
  waiting: z.number().int().nonnegative(),
  issuedToday: z.number().int().nonnegative(),
  estimatedWaitMs: z.number().int().nonnegative().nullable(),
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

export const PRINTER_STATUSES = [
  'ok',
  'paper-near-end',
  'paper-out',
  'cover-open',
  'offline',
] as const;
export const PrinterStatusSchema = z.enum(PRINTER_STATUSES);
export type PrinterStatus = z.infer<typeof PrinterStatusSchema>;

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
  day: ServiceDaySchema,
  centre: CentreSchema,
  services: z.array(ServiceViewSchema),
  counters: z.array(CounterViewSchema),
  recentCalls: z.array(CallViewSchema),
  /** Only for counter and console clients, in queue order. */
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
});
export type TicketView = z.infer<typeof TicketViewSchema>;

// ---------------------------------------------------------------- events

export const QUEUE_EVENT_TYPES = [
  'ticket-issued',
  'ticket-called',
  'ticket-recalled',
  'ticket-started',
  'ticket-completed',
  'ticket-no-show',
  'ticket-parked',
  'ticket-resumed',
  'ticket-transferred',
  'ticket-cancelled',
  'ticket-expired',
  'counter-updated',
  'day-rolled',
  'config-changed',
  'printer-updated',
] as const;
export const QueueEventTypeSchema = z.enum(QUEUE_EVENT_TYPES);
export type QueueEventType = z.infer<typeof QueueEventTypeSchema>;

/**
 * One change, carrying every entity it touched in full, so `applyEvent` only
 * has to merge. For `day-rolled` and `config-changed` the lists are complete
 * and replace what the client had.
 */
const queueEventShape = {
  seq: z.number().int().positive(),
  at: EpochMs,
  type: QueueEventTypeSchema,
  day: ServiceDaySchema,
  services: z.array(ServiceViewSchema),
  counters: z.array(CounterViewSchema),
  call: CallViewSchema.nullable(),
  centre: CentreSchema.optional(),
  /** With `printer-updated`, to the clients that see printers (see `Snapshot.printers`). */
  printers: z.array(PrinterViewSchema).optional(),
};
export const QueueEventSchema = z.object({ ...queueEventShape, tickets: z.array(TicketSchema) });
export type QueueEvent = z.infer<typeof QueueEventSchema>;
export const PublicQueueEventSchema = z.object({
  ...queueEventShape,
  tickets: z.array(PublicTicketSchema),
});
export type PublicQueueEvent = z.infer<typeof PublicQueueEventSchema>;

// ---------------------------------------------------------------- requests

const TicketRef = z.strictObject({ ticketId: Id });
const CounterRef = z.strictObject({ counterId: Id });
const TicketCode = z.string().regex(/^[A-Za-z0-9_-]{8,32}$/, 'a ticket code');
const SessionToken = z.string().regex(/^[A-Za-z0-9_-]{22,128}$/, 'a session token');

export const FeedbackAnswersSchema = z.strictObject({
  waitingTime: z.number().int().min(1).max(5).optional(),
  courtesy: z.number().int().min(1).max(5).optional(),
  clarity: z.number().int().min(1).max(5).optional(),
  askedToPayMore: z.boolean().optional(),
  comment: z.string().max(500).optional(),
});
export type FeedbackAnswers = z.infer<typeof FeedbackAnswersSchema>;

/** Request payload schema of every client → server event; the hub validates against these. */
export const RequestSchemas = {
  'queue:snapshot': z.strictObject({}),
  'ticket:issue': z.strictObject({
    serviceId: z.string().min(1).max(64),
    priority: PrioritySchema.optional(),
    lang: LangSchema,
    requestId: z.string().min(8).max(64),
  }),
  'staff:login': z.strictObject({
    username: z.string().min(1).max(64),
    pin: z.string().regex(/^\d{4,8}$/, '4 to 8 digits'),
  }),
  'staff:logout': z.strictObject({}),
  'counter:open': CounterRef,
  'counter:call-next': CounterRef,
  'counter:call': z.strictObject({ counterId: Id, ticketId: Id }),
  'ticket:recall': TicketRef,
  'ticket:start': TicketRef,
  'ticket:complete': TicketRef,
  'ticket:no-show': TicketRef,
  'ticket:park': TicketRef,
  'ticket:resume': TicketRef,
  'ticket:cancel': TicketRef,
  'ticket:transfer': z.strictObject({
    ticketId: Id,
    toServiceId: z.string().min(1).max(64),
    position: z.enum(['front', 'back']),
    reason: z.string().max(200).optional(),
  }),
  'counter:pause': z.strictObject({ counterId: Id, reason: PauseReasonSchema.optional() }),
  'counter:resume': CounterRef,
  'counter:close': CounterRef,
  'ticket:watch': z.strictObject({ code: TicketCode }),
  'feedback:submit': z.strictObject({
    code: TicketCode,
    score: z.number().int().min(1).max(5),
    answers: FeedbackAnswersSchema.optional(),
  }),
  'staff:resume': z.strictObject({ sessionToken: SessionToken }),
  'counter:stats': CounterRef,
} as const;

export type RequestEvent = keyof typeof RequestSchemas;
export type RequestPayload<E extends RequestEvent> = z.infer<(typeof RequestSchemas)[E]>;

/** What each event's successful ack carries. */
export interface ResponseData {
  'queue:snapshot': Snapshot;
  'ticket:issue': IssuedTicket;
  'staff:login': { staff: Staff; sessionToken: string };
  'staff:logout': Record<string, never>;
  'counter:open': CounterView;
  'counter:call-next': Ticket | null;
  'counter:call': Ticket;
  'ticket:recall': Ticket;
  'ticket:start': Ticket;
  'ticket:complete': Ticket;
  'ticket:no-show': Ticket;
  'ticket:park': Ticket;
  'ticket:resume': Ticket;
  'ticket:cancel': Ticket;
  'ticket:transfer': Ticket;
  'counter:pause': CounterView;
  'counter:resume': CounterView;
  'counter:close': CounterView;
  'ticket:watch': TicketView;
  'feedback:submit': Record<string, never>;
  'staff:resume': { staff: Staff };
  'counter:stats': CounterStats;
}

export interface AckError {
  code: ErrorCode;
  message: string;
  reason?: ErrorReason;
}
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

// ---------------------------------------------------------------- Socket.IO generics

export type ClientToServerEvents = {
  [E in RequestEvent]: (
    payload: RequestPayload<E>,
    ack: (res: Ack<ResponseData[E]>) => void,
  ) => void;
};

export interface PrintJobPayload {
  jobId: number;
  printerId: number;
  /** ESC/POS bytes, base64; empty: only report the printer's status. */
  data: string;
}

/** What a station's print agent answers to `print:job`. */
export const PrintJobAckSchema = z.object({
  printed: z.boolean(),
  status: PrinterStatusSchema,
  error: z.string().max(500).optional(),
});
export type PrintJobAck = z.infer<typeof PrintJobAckSchema>;

export interface ServerToClientEvents {
  'queue:snapshot': (snapshot: Snapshot) => void;
  'queue:event': (event: QueueEvent | PublicQueueEvent) => void;
  'ticket:update': (view: TicketView) => void;
  'print:job': (job: PrintJobPayload, ack: (result: PrintJobAck) => void) => void;
}

export type InterServerEvents = Record<string, never>;

export const HandshakeAuthSchema = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  token: z.string().min(1).max(200).optional(),
  role: RoleSchema.optional(),
  /** A kiosk station's print agent: gets `print:job`, nothing else. Needs a device token. */
  printAgent: z.literal(true).optional(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuthSchema>;

/** The role × event matrix (DESIGN.md "Security"). */
export const EVENT_ROLES = {
  'queue:snapshot': ROLES,
  'ticket:issue': ['kiosk', 'console'],
  'staff:login': ['counter', 'console'],
  'staff:logout': ['counter', 'console'],
  'counter:open': ['counter'],
  'counter:call-next': ['counter'],
  'counter:call': ['counter'],
  'ticket:recall': ['counter'],
  'ticket:start': ['counter'],
  'ticket:complete': ['counter'],
  'ticket:no-show': ['counter'],
  'ticket:park': ['counter'],
  'ticket:resume': ['counter'],
  'ticket:cancel': ['counter', 'console'],
  'ticket:transfer': ['counter'],
  'counter:pause': ['counter'],
  'counter:resume': ['counter'],
  'counter:close': ['counter'],
  'ticket:watch': ROLES,
  'feedback:submit': ['public', 'feedback'],
  'staff:resume': ['counter', 'console'],
  'counter:stats': ['counter'],
} as const satisfies Record<RequestEvent, readonly Role[]>;

export function mayRoleSend(role: Role, event: RequestEvent): boolean {
  return (EVENT_ROLES[event] as readonly Role[]).includes(role);
}
