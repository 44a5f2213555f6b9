/**
 * The payload of every client → server event, as a zod schema the hub
 * validates against; `RequestPayload<E>` is its type (DESIGN.md "Protocol").
 */
import { z } from 'zod';
import { Id, ServiceDaySchema } from './entities.js';
import {
  CentreInputSchema,
  CounterInputSchema,
  HolidaySchema,
  NoticeInputSchema,
  MinistryInputSchema,
  NewPinSchema,
  ServiceInputSchema,
  Slug,
  StaffInputSchema,
  Version,
} from './console.js';
import { BasisHashSchema, ConfigUploadSchema } from './config-file.js';
import { DeviceNameSchema, DeviceRoleSchema } from './devices.js';
import { PrinterInputSchema } from './printers.js';
import { ApiTokenInputSchema, WebhookInputSchema } from './api.js';
import { CentralEnrolSchema, NationalCodeSchema } from './central-link.js';
import { LangSchema, PauseReasonSchema, PrioritySchema } from './enums.js';
import { TicketQuerySchema } from './floor.js';
import {
  BookingSaveRequestSchema,
  CheckInRequestSchema,
  RetentionSaveRequestSchema,
} from './appointments.js';
import { ApiTokenNameSchema, CommentFilterSchema, ReportRequestSchema } from './reports.js';

const TicketRef = z.strictObject({ ticketId: Id });
const CounterRef = z.strictObject({ counterId: Id });
const TicketMove = z.strictObject({
  ticketId: Id,
  toServiceId: z.string().min(1).max(64),
  position: z.enum(['front', 'back']),
  reason: z.string().max(200).optional(),
});
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
  'queue:waiting': z.strictObject({
    serviceId: z.string().min(1).max(64),
    /** Where the page starts in the service's call order; pages are 50 long. */
    offset: z.number().int().min(0).max(950).optional(),
  }),
  'ticket:issue': z.strictObject({
    serviceId: z.string().min(1).max(64),
    priority: PrioritySchema.optional(),
    lang: LangSchema,
    requestId: z.string().min(8).max(64),
  }),
  /** A booked citizen's code, typed or scanned at the kiosk (or at the console for them). */
  'ticket:check-in': CheckInRequestSchema,
  'staff:login': z.strictObject({
    username: z.string().min(1).max(64),
    pin: z.string().regex(/^\d{4,8}$/, '4 to 8 digits'),
  }),
  'staff:logout': z.strictObject({}),
  /** `takeOver`: the clerk was told who works the counter now, and chose to take it over. */
  'counter:open': z.strictObject({ counterId: Id, takeOver: z.boolean().optional() }),
  'counter:call-next': CounterRef,
  'counter:call': z.strictObject({ counterId: Id, ticketId: Id }),
  'counter:complete-and-call-next': z.strictObject({ counterId: Id, ticketId: Id }),
  'ticket:recall': TicketRef,
  'ticket:start': TicketRef,
  'ticket:complete': TicketRef,
  'ticket:no-show': TicketRef,
  'ticket:park': TicketRef,
  'ticket:resume': TicketRef,
  'ticket:cancel': TicketRef,
  'ticket:transfer': TicketMove,
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

  // The console (DESIGN.md "Staff roles and the console"). An edit names the version it was
  // made on; null creates. Reading is for supervisors and managers, changing for managers.
  'config:get': z.strictObject({}),
  'config:ministry-save': z.strictObject({
    ministry: MinistryInputSchema,
    version: Version.nullable(),
  }),
  'config:service-save': z.strictObject({
    service: ServiceInputSchema,
    version: Version.nullable(),
  }),
  'config:counter-save': z.strictObject({
    counter: CounterInputSchema,
    version: Version.nullable(),
  }),
  'config:centre-save': z.strictObject({ centre: CentreInputSchema, version: Version }),
  'config:fee-history': z.strictObject({ serviceId: Slug }),
  'config:audit': z.strictObject({
    entity: z.string().max(40).optional(),
    entityId: z.string().max(64).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  'staff:save': z.strictObject({ staff: StaffInputSchema, version: Version.nullable() }),
  'staff:reset-pin': z.strictObject({ staffId: Id }),
  'staff:unlock': z.strictObject({ staffId: Id }),
  'staff:change-pin': z.strictObject({
    currentPin: z.string().regex(/^\d{4,8}$/, '4 to 8 digits'),
    newPin: NewPinSchema,
  }),
  'config:holiday-save': z.strictObject({ holiday: HolidaySchema }),
  'config:holiday-delete': z.strictObject({ day: ServiceDaySchema }),
  // Appointments (shared/schemas/appointments.ts): a service's booking settings, and how long
  // bookings keep the citizen's name and phone.
  'config:booking-save': BookingSaveRequestSchema,
  'config:retention-save': RetentionSaveRequestSchema,
  'device:pair-code': z.strictObject({ role: DeviceRoleSchema, name: DeviceNameSchema }),
  'device:list': z.strictObject({}),
  'hub:disk-space': z.strictObject({}),
  'device:rename': z.strictObject({ deviceId: Id, name: DeviceNameSchema, version: Version }),
  'device:revoke': z.strictObject({ deviceId: Id, version: Version }),
  // The whole configuration as one file (shared/schemas/config-file.ts); managers only.
  'config:export': z.strictObject({}),
  'config:import-preview': z.strictObject({ file: ConfigUploadSchema }),
  'config:import-apply': z.strictObject({ file: ConfigUploadSchema, basisHash: BasisHashSchema }),
  /** Null version: a new notice. */
  'config:notice-save': z.strictObject({ notice: NoticeInputSchema, version: Version.nullable() }),
  'config:notice-delete': z.strictObject({ id: Id, version: Version }),
  /** Empty: the display shows every service. */
  'device:display-services': z.strictObject({
    deviceId: Id,
    serviceIds: z.array(Slug).max(100),
    version: Version,
  }),
  // The link to the national service (shared/schemas/central-link.ts); managers change it.
  'central:status': z.strictObject({}),
  'central:enrol': CentralEnrolSchema,
  'central:sync': z.strictObject({}),
  /** Null: the service is no longer mapped, and shows its local fee again. */
  'central:map-service': z.strictObject({
    serviceId: Slug,
    nationalCode: NationalCodeSchema.nullable(),
    /** The service's version the manager saw: the mapping changes its fee in force. */
    version: Version,
  }),
  // Printers (shared/schemas/printers.ts): managers set them up and print test slips;
  // supervisors and managers see them and their spool, and reprint or drop a slip.
  'printer:list': z.strictObject({}),
  'printer:save': z.strictObject({ printer: PrinterInputSchema, version: Version.nullable() }),
  'printer:remove': z.strictObject({
    printerId: Id,
    version: Version,
    /** Tickets still wait to print on it: drop their slips too (else it is refused). */
    dropWaiting: z.boolean().optional(),
  }),
  'printer:test': z.strictObject({ printerId: Id }),
  'printer:jobs': z.strictObject({ printerId: Id }),
  'printer:reprint': z.strictObject({ jobId: Id }),
  'printer:drop': z.strictObject({ jobId: Id }),
  // The live floor (shared/schemas/floor.ts): supervisors and managers.
  'floor:get': z.strictObject({}),
  'floor:ticket-search': z.strictObject({ query: TicketQuerySchema, day: ServiceDaySchema }),
  /** A citizen still in the hall (waiting or on hold) goes to another service's queue. */
  'floor:transfer': TicketMove,
  'floor:cancel': TicketRef,
  'floor:reprint': TicketRef,
  'floor:close-counter': CounterRef,
  'floor:sign-out': z.strictObject({ staffId: Id }),
  // The integration API (shared/schemas/api.ts): managers make and revoke API tokens and set up
  // webhooks; supervisors and managers read them and the delivery log, and retry a delivery.
  'api-token:list': z.strictObject({}),
  'api-token:create': z.strictObject({ token: ApiTokenInputSchema }),
  'api-token:revoke': z.strictObject({ tokenId: Id, version: Version }),
  'webhook:list': z.strictObject({}),
  /** Null version: a new webhook (its signing secret comes back once). */
  'webhook:save': z.strictObject({ webhook: WebhookInputSchema, version: Version.nullable() }),
  'webhook:delete': z.strictObject({ webhookId: Id, version: Version }),
  'webhook:deliveries': z.strictObject({
    webhookId: Id.optional(),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  'webhook:retry': z.strictObject({ deliveryId: Id }),
  // Reports (shared/schemas/reports.ts, docs/mne.md): supervisors and managers read them;
  // managers mark comments reviewed and hand out the ministry's read-only tokens.
  'report:run': ReportRequestSchema,
  'report:comments': CommentFilterSchema,
  'report:comment-review': z.strictObject({
    feedbackId: Id,
    reviewed: z.boolean(),
    version: Version,
  }),
  'report:tokens': z.strictObject({}),
  'report:token-create': z.strictObject({ name: ApiTokenNameSchema }),
  'report:token-revoke': z.strictObject({ tokenId: Id, version: Version }),
} as const;

export type RequestEvent = keyof typeof RequestSchemas;
export type RequestPayload<E extends RequestEvent> = z.infer<(typeof RequestSchemas)[E]>;
