/**
 * The protocol's closed sets of words (roles, statuses, reasons): each an
 * `as const` list, its zod enum, and the union type derived from it.
 */
import { z } from 'zod';

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

/** A clerk works counters; a supervisor the live floor; a manager everything (DESIGN.md). */
export const STAFF_ROLES = ['clerk', 'supervisor', 'manager'] as const;
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
  /** The hub's disk is full: nothing can be saved until space is freed (docs/operations.md). */
  'storage-full',
  'internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** Machine-readable detail beside an error code, so apps can say it in the citizen's language. */
export const ERROR_REASONS = [
  'service-closed',
  'daily-cap-reached',
  /** Not within the service's opening hours now: `params.opensAt` says when it opens next. */
  'outside-hours',
  /** The centre is closed today: `params.opensAt` says when it opens next. */
  'holiday',
  'counter-paused',
  'counter-closed',
  'counter-not-open',
  /** Another clerk works the counter (`params.by`, their name): open it with `takeOver` to take it. */
  'counter-in-use',
  'wrong-counter',
  'not-allowed-at-counter',
  /** Too many wrong PINs from this desk: `params.seconds` until the next try is checked. */
  'slow-down',
  'bad-credentials',
  'login-required',
  'feedback-given',
  'not-finished',
  'status',
  /** A ticket with no slip to print again (issued at the console or by a transfer). */
  'no-slip',
  'session-ended',
  /** An edit made on an old version: `params` says who changed it (`by`) and when (`at`). */
  'stale-version',
  /** The PIN is temporary: change it (`staff:change-pin`) before anything else. */
  'pin-change-required',
  /** Another row already has this (a prefix, a counter number, a username, an id). */
  'duplicate',
  /** A row others depend on (a ministry with services, a service a counter serves). */
  'in-use',
  /** Only a manager may change the configuration. */
  'manager-only',
  /** The centre is set up already; setup is refused once a manager exists. */
  'setup-done',
  'setup-code',
  /** A pairing code that is wrong, expired or already used. */
  'pair-code',
  /** A device token opened in another role's app (a display's token at /kiosk). */
  'wrong-app',
  /** The device was removed in the console; it must be paired again. */
  'device-revoked',
  /** This app needs a paired device here: pair it at /pair with a code from the console. */
  'pairing-required',
  /** A configuration file over MAX_CONFIG_FILE_BYTES (shared/schemas/config-file.ts). */
  'config-file-too-large',
  /** A configuration file that is not JSON (or not readable at all). */
  'config-file-not-json',
  /** JSON, but not a `khiu-config` file. */
  'config-file-format',
  /** A `khiu-config` file of a version this hub does not read: `params.version`. */
  'config-file-version',
  /** A `khiu-config` file with wrong or contradictory entries: `fields` name them. */
  'config-file-invalid',
  /** The configuration changed since the import was previewed: preview it again. */
  'config-changed-since-preview',
  /** A voice clip larger than the hub keeps (shared/voice/audio-format.ts). */
  'clip-too-large',
  /** A voice clip with almost nothing in it. */
  'clip-too-small',
  /** A file that is not WebM, Ogg, WAV or MP3 audio. */
  'clip-not-audio',
  /** Tickets still wait to print on this printer (`params.count`): drop them, or keep it. */
  'printer-has-jobs',
  /** That slip is going to the printer right now: look again in a moment. */
  'print-job-sending',
  /** An API token that is unknown or was revoked in the console. */
  'token-invalid',
  /** The API token lacks the scope this needs: `params.scope` names it. */
  'scope-missing',
  /** Every place in that appointment slot is taken: choose another. */
  'slot-full',
  /** Not a slot that can be booked (a closed day, too far ahead, already started, not a slot). */
  'slot-unavailable',
] as const;
export const ErrorReasonSchema = z.enum(ERROR_REASONS);
export type ErrorReason = z.infer<typeof ErrorReasonSchema>;

export const PRINTER_STATUSES = [
  'ok',
  'paper-near-end',
  'paper-out',
  'cover-open',
  'offline',
] as const;
export const PrinterStatusSchema = z.enum(PRINTER_STATUSES);
export type PrinterStatus = z.infer<typeof PrinterStatusSchema>;
