/**
 * The integration API's words (DESIGN.md "Appointments and the integration
 * API"): the scopes an API token may hold, the events a webhook may hear,
 * the body of `POST /api/v1/tickets`, the webhook's payload, and the views
 * the console manages tokens and webhooks with. The hub builds /api/v1's
 * OpenAPI document from these same schemas (hub/src/api/openapi.ts).
 */
import { z } from 'zod';
import { EpochMs, Id, ServiceDaySchema } from './entities.js';
import {
  ErrorCodeSchema,
  ErrorReasonSchema,
  TicketSourceSchema,
  TicketStatusSchema,
} from './enums.js';
import { Version } from './console.js';

/**
 * What a token may do. `read`: the snapshot and ticket status; `issue`: take a ticket;
 * `book`: appointments (slots, book, move, cancel, check in); `reports`: the
 * daily records (`GET /api/v1/reports/days`), which the ministry's read-only token opens.
 */
export const API_SCOPES = ['read', 'issue', 'book', 'reports'] as const;
export const ApiScopeSchema = z.enum(API_SCOPES);
export type ApiScope = z.infer<typeof ApiScopeSchema>;

/** What a webhook may hear: four steps of a ticket, three of a booking. */
export const WEBHOOK_EVENTS = [
  'ticket-issued',
  'ticket-called',
  'ticket-completed',
  'ticket-no-show',
  'booking-made',
  'booking-cancelled',
  'booking-checked-in',
] as const;
export const WebhookEventSchema = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;

const PlainName = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[^<>\p{Cc}]*$/u, 'plain text');

// ---------------------------------------------------------------- REST bodies

export const ApiErrorSchema = z
  .object({
    error: z.object({
      code: ErrorCodeSchema,
      message: z.string(),
      reason: ErrorReasonSchema.optional(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      fields: z.array(z.object({ path: z.string(), issue: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

// ---------------------------------------------------------------- webhook payloads

/** A ticket as a webhook receiver hears of it: no priority (it can be medical). */
export const WebhookTicketSchema = z
  .object({
    id: Id,
    /** The phone page's code (`/t/<code>`), so an integrator can link to the ticket it issued. */
    code: z.string(),
    label: z.string(),
    day: ServiceDaySchema,
    serviceId: z.string(),
    status: TicketStatusSchema,
    source: TicketSourceSchema,
    issuedAt: EpochMs,
    calledAt: EpochMs.nullable(),
    finishedAt: EpochMs.nullable(),
    counter: z.object({ id: Id, number: z.number().int().positive() }).nullable(),
  })
  .meta({ id: 'WebhookTicket' });
export type WebhookTicket = z.infer<typeof WebhookTicketSchema>;

/** A booking as a webhook receiver hears of it: never the citizen's name or phone. */
export const WebhookBookingSchema = z
  .object({
    /** As shown to the citizen, `ABCD-2345`. */
    code: z.string(),
    serviceId: z.string(),
    day: ServiceDaySchema,
    /** The slot's start on the centre's clock, `HH:MM`, and as an instant. */
    start: z.string(),
    startsAt: EpochMs,
    status: z.enum(['booked', 'cancelled', 'checked-in', 'no-show', 'late']),
    source: z.enum(['phone', 'api']),
  })
  .meta({ id: 'WebhookBooking' });
export type WebhookBooking = z.infer<typeof WebhookBookingSchema>;

/** The JSON body of every delivery; `id` is also the `Khiu-Idempotency-Key` header. */
export const WebhookPayloadSchema = z
  .object({
    id: z.string(),
    type: WebhookEventSchema,
    /** When the change was committed on the hub. */
    at: EpochMs,
    data: z.object({
      /** Null only for `booking-made` and `booking-cancelled` (no ticket yet). */
      ticket: WebhookTicketSchema.nullable(),
      /** With the `booking-*` events. */
      booking: WebhookBookingSchema.optional(),
    }),
  })
  .meta({ id: 'WebhookPayload' });
export type WebhookPayload = z.infer<typeof WebhookPayloadSchema>;

// ---------------------------------------------------------------- the console's views

export const ApiTokenInputSchema = z.strictObject({
  name: PlainName,
  scopes: z
    .array(ApiScopeSchema)
    .min(1)
    .max(API_SCOPES.length)
    .refine((s) => new Set(s).size === s.length, 'duplicate'),
});
export type ApiTokenInput = z.infer<typeof ApiTokenInputSchema>;

export const ApiTokenViewSchema = z.object({
  id: Id,
  name: z.string(),
  scopes: z.array(ApiScopeSchema),
  /** The token's last four characters, to tell tokens apart; the token itself is shown once. */
  hint: z.string(),
  createdAt: EpochMs,
  lastUsedAt: EpochMs.nullable(),
  revokedAt: EpochMs.nullable(),
  version: Version,
});
export type ApiTokenView = z.infer<typeof ApiTokenViewSchema>;

/** Where a webhook posts: http or https, as a receiver on the centre's network is often plain. */
export const WebhookUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((u) => {
    if (!URL.canParse(u)) return false;
    const url = new URL(u);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '';
  }, 'webhook-url');

export const WebhookInputSchema = z.strictObject({
  /** Absent: a new webhook. */
  id: Id.optional(),
  name: PlainName,
  url: WebhookUrlSchema,
  events: z
    .array(WebhookEventSchema)
    .min(1)
    .max(WEBHOOK_EVENTS.length)
    .refine((e) => new Set(e).size === e.length, 'duplicate'),
  active: z.boolean(),
});
export type WebhookInput = z.infer<typeof WebhookInputSchema>;

export const WebhookViewSchema = z.object({
  id: Id,
  name: z.string(),
  url: z.string(),
  events: z.array(WebhookEventSchema),
  active: z.boolean(),
  createdAt: EpochMs,
  /** Deliveries waiting for their next try, and those given up on. */
  pending: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  version: Version,
});
export type WebhookView = z.infer<typeof WebhookViewSchema>;

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export const DeliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

export const WebhookDeliveryViewSchema = z.object({
  id: Id,
  webhookId: Id,
  webhookName: z.string(),
  event: WebhookEventSchema,
  idempotencyKey: z.string(),
  /** The ticket's label, or the booking's code before it has a ticket, to find the delivery by. */
  label: z.string().nullable(),
  createdAt: EpochMs,
  status: DeliveryStatusSchema,
  attempts: z.number().int().nonnegative(),
  nextAt: EpochMs.nullable(),
  lastAt: EpochMs.nullable(),
  /** The receiver's HTTP status at the last try; null: no answer. */
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: EpochMs.nullable(),
});
export type WebhookDeliveryView = z.infer<typeof WebhookDeliveryViewSchema>;
