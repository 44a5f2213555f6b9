/**
 * The wire contract between the hub and every client (DESIGN.md "Protocol").
 * Every payload is a zod schema and every type is inferred from it, so the
 * hub's validator and the clients' types cannot drift apart.
 */
import { z } from 'zod';
import type { CentralLinkStatus } from './schemas/central-link.js';
import {
  CallViewSchema,
  CentreSchema,
  CounterViewSchema,
  EpochMs,
  PrinterViewSchema,
  ServiceDaySchema,
  ServiceViewSchema,
  TicketSchema,
  PublicTicketSchema,
  type CounterStats,
  type CounterView,
  type IssuedTicket,
  type Snapshot,
  type Staff,
  type Ticket,
  type TicketView,
} from './schemas/entities.js';
import {
  type AuditEntry,
  type CentreConfig,
  type ConsoleConfig,
  type CounterConfig,
  type DiskSpace,
  type FeeChange,
  type Holiday,
  type MinistryConfig,
  type NoticeConfig,
  type ServiceConfig,
  type StaffMember,
} from './schemas/console.js';
import {
  type ConfigExport,
  type ConfigImportResult,
  type ConfigPreview,
} from './schemas/config-file.js';
import { type DeviceView, type PairCode } from './schemas/devices.js';
import { type Alert, type FloorView, type TicketHistory } from './schemas/floor.js';
import { type PrinterConfig, type PrintJobView, type TestPrintResult } from './schemas/printers.js';
import { type ApiTokenView, type WebhookDeliveryView, type WebhookView } from './schemas/api.js';
import type {
  BookingRetention,
  BookingSettingsConfig,
  CheckInAnswer,
} from './schemas/appointments.js';
import { type FeedbackComment, type MinistryTokenView, type Report } from './schemas/reports.js';
import type { PrintJobAck, PrintJobPayload } from './schemas/printers.js';
import { RoleSchema, type ErrorCode, type ErrorReason } from './schemas/enums.js';

export * from './schemas/enums.js';
export * from './schemas/entities.js';
export * from './schemas/console.js';
export * from './schemas/devices.js';
export * from './schemas/logo.js';
export * from './schemas/config-file.js';
export * from './schemas/printers.js';
export * from './schemas/floor.js';
export * from './schemas/api.js';
export * from './schemas/reports.js';
export * from './schemas/central-link.js';
export * from './schemas/appointments.js';

export const PROTOCOL_VERSION = 1;

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

export * from './schemas/requests.js';
import type { RequestEvent, RequestPayload } from './schemas/requests.js';

/** What each event's successful ack carries. */
export interface ResponseData {
  'queue:snapshot': Snapshot;
  /**
   * A service's waiting tickets from `offset` on, in call order (`tickets`, up to 50), and the
   * front of each class that order was taken from (`window`: the first offset + 50 of each);
   * `seq` is the staff stream's, as for a snapshot.
   */
  'queue:waiting': { seq: number; serviceId: string; tickets: Ticket[]; window: Ticket[] };
  'ticket:issue': IssuedTicket;
  /** A ticket comes back with `checked-in`, `already-checked-in` and `too-late`. */
  'ticket:check-in': CheckInAnswer;
  'staff:login': { staff: Staff; sessionToken: string };
  'staff:logout': Record<string, never>;
  'counter:open': CounterView;
  'counter:call-next': Ticket | null;
  'counter:call': Ticket;
  /** The clerk's most frequent action in one transaction: `called` is null when nobody waits. */
  'counter:complete-and-call-next': { completed: Ticket; called: Ticket | null };
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
  'config:get': ConsoleConfig;
  'config:ministry-save': MinistryConfig;
  'config:service-save': ServiceConfig;
  'config:counter-save': CounterConfig;
  'config:centre-save': CentreConfig;
  'config:fee-history': FeeChange[];
  'config:audit': AuditEntry[];
  /** A new person's temporary PIN comes back once, here. */
  'staff:save': { member: StaffMember; temporaryPin?: string };
  'staff:reset-pin': { member: StaffMember; temporaryPin: string };
  'staff:unlock': StaffMember;
  'staff:change-pin': { staff: Staff };
  /** The centre's holidays after the change. */
  'config:holiday-save': Holiday[];
  'config:holiday-delete': Holiday[];
  'config:booking-save': BookingSettingsConfig;
  'config:retention-save': BookingRetention;
  'device:pair-code': PairCode;
  'device:list': DeviceView[];
  /** The free space read just now; null where the hub cannot read it. */
  'hub:disk-space': DiskSpace | null;
  'device:rename': DeviceView;
  'device:revoke': DeviceView;
  'config:export': ConfigExport;
  /** What applying the file would change, against the configuration now (`basisHash`). */
  'config:import-preview': ConfigPreview;
  'config:import-apply': ConfigImportResult;
  /** Every notice after the change. */
  'config:notice-save': NoticeConfig[];
  'config:notice-delete': NoticeConfig[];
  'device:display-services': DeviceView;
  'printer:list': PrinterConfig[];
  'printer:save': PrinterConfig;
  /** The printers left. */
  'printer:remove': PrinterConfig[];
  /** Answered once the printer confirmed the slip, or could not. */
  'printer:test': TestPrintResult;
  'printer:jobs': PrintJobView[];
  'printer:reprint': PrintJobView;
  'printer:drop': PrintJobView;
  'floor:get': FloorView;
  'floor:ticket-search': TicketHistory;
  /** The new waiting ticket, in the target service. */
  'floor:transfer': Ticket;
  'floor:cancel': Ticket;
  /** The slip queued again, marked REPRINT. */
  'floor:reprint': PrintJobView;
  'floor:close-counter': CounterView;
  'floor:sign-out': Record<string, never>;
  'api-token:list': ApiTokenView[];
  /** The token itself comes back once, here; the hub keeps only its hash. */
  'api-token:create': { token: ApiTokenView; secret: string };
  'api-token:revoke': ApiTokenView;
  'webhook:list': WebhookView[];
  /** A new webhook's signing secret comes back once, here. */
  'webhook:save': { webhook: WebhookView; secret?: string };
  /** The webhooks left. */
  'webhook:delete': WebhookView[];
  /** Newest first. */
  'webhook:deliveries': WebhookDeliveryView[];
  'webhook:retry': WebhookDeliveryView;
  'report:run': Report;
  /** Citizens' comments in the range, newest first (at most REPORT_COMMENTS_MAX). */
  'report:comments': FeedbackComment[];
  'report:comment-review': FeedbackComment;
  'report:tokens': MinistryTokenView[];
  /** The token itself comes back once, here; the hub keeps only its hash. */
  'report:token-create': { token: string; view: MinistryTokenView };
  'report:token-revoke': MinistryTokenView;
  'central:status': CentralLinkStatus;
  'central:enrol': CentralLinkStatus;
  'central:sync': CentralLinkStatus;
  'central:map-service': CentralLinkStatus;
}

/** One field a request got wrong, for a message next to that field (`field.<issue>` in i18n). */
export interface FieldError {
  /** The field's path in the payload, dot-separated (`service.feeRef.date`). */
  path: string;
  /** What is wrong: a zod issue code (`too_small`, `invalid_format`…) or a rule's own word. */
  issue: string;
}

export interface AckError {
  code: ErrorCode;
  message: string;
  reason?: ErrorReason;
  /** Values for the reason's message (`stale-version`: `by`, `at`). */
  params?: Record<string, string | number>;
  /** With `invalid-request` (and `duplicate`): which fields, and what is wrong with each. */
  fields?: FieldError[];
}
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

// ---------------------------------------------------------------- Socket.IO generics

export type ClientToServerEvents = {
  [E in RequestEvent]: (
    payload: RequestPayload<E>,
    ack: (res: Ack<ResponseData[E]>) => void,
  ) => void;
};

/** To the connection that worked a counter, the moment another one takes it over. */
export interface CounterTakenOver {
  counterId: number;
  counterNumber: number;
  /** Who works it now. */
  by: { id: number; name: string };
}

export interface ServerToClientEvents {
  'queue:snapshot': (snapshot: Snapshot) => void;
  'queue:event': (event: QueueEvent | PublicQueueEvent) => void;
  'ticket:update': (view: TicketView) => void;
  'counter:taken-over': (notice: CounterTakenOver) => void;
  /** To counters and consoles: every alert standing, on connect and each time the list changes. */
  'floor:alerts': (alerts: Alert[]) => void;
  'print:job': (job: PrintJobPayload, ack: (result: PrintJobAck) => void) => void;
}

export type InterServerEvents = Record<string, never>;

export const HandshakeAuthSchema = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  token: z.string().min(1).max(200).optional(),
  role: RoleSchema.optional(),
  /** A kiosk station's print agent: gets `print:job`, nothing else. Needs a device token. */
  printAgent: z.literal(true).optional(),
  /** The app or station version, shown in the console's device list. */
  appVersion: z.string().max(40).optional(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuthSchema>;

export * from './schemas/event-roles.js';
