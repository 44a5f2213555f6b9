/**
 * The console's view of the link to the national service (central/): the
 * state of the outbox, and the national fee table as last pulled, with
 * which local services are mapped to it.
 */
import { z } from 'zod';
import { EpochMs, ServiceDaySchema } from './entities.js';

/**
 * Why central refused a daily record, for a reader in any language: a code the
 * console says in Lao or English (`console.central.refusal.<code>`), and the
 * values its sentence names. Central sends it beside its English message; a
 * hub that does not know a code shows that message instead.
 */
export const CENTRAL_REFUSALS = ['not-a-record', 'unknown-schema', 'schema-mismatch'] as const;
export type CentralRefusalCode = (typeof CENTRAL_REFUSALS)[number];

export const CentralRefusalSchema = z.strictObject({
  code: z.string().min(1).max(64),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type CentralRefusal = z.infer<typeof CentralRefusalSchema>;

export const isKnownRefusal = (code: string | null): code is CentralRefusalCode =>
  (CENTRAL_REFUSALS as readonly (string | null)[]).includes(code);

export const CentralLinkStatusSchema = z.strictObject({
  enrolled: z.boolean(),
  /**
   * Enrolled, but this machine cannot open the stored token (its key is not here: the
   * database was restored onto another machine, or the token is damaged). Nothing is sent
   * until the centre enrols again with a new code.
   */
  enrolAgain: z.boolean(),
  url: z.string().nullable(),
  centreCode: z.string().nullable(),
  lastPushAt: EpochMs.nullable(),
  lastPullAt: EpochMs.nullable(),
  /** Why the last push or pull failed (central's words, or why it could not be reached). */
  lastError: z.string().nullable(),
  /** Daily records not yet at central. */
  waiting: z.number().int().nonnegative(),
  /**
   * Records central refused; they are not sent again. `reason` is central's English
   * message, `refusal` its code and values (null from a central that sent none).
   */
  refused: z.array(
    z.strictObject({
      day: ServiceDaySchema,
      version: z.number().int(),
      reason: z.string(),
      refusal: CentralRefusalSchema.nullable(),
    }),
  ),
  feeVersion: z.number().int().nonnegative(),
  nextTryAt: EpochMs.nullable(),
  /** The national fee table as last pulled, every effective date (the future ones too). */
  nationalFees: z.array(
    z.strictObject({
      code: z.string(),
      effectiveOn: ServiceDaySchema,
      name: z.strictObject({ lo: z.string(), en: z.string() }),
      feeLak: z.number().int().nonnegative(),
      ref: z.strictObject({ lo: z.string(), en: z.string() }),
    }),
  ),
  /** Which local service is which national one. */
  mappings: z.array(z.strictObject({ serviceId: z.string(), nationalCode: z.string() })),
});
export type CentralLinkStatus = z.infer<typeof CentralLinkStatusSchema>;

export const NationalCodeSchema = z.string().regex(/^[A-Z0-9][A-Z0-9._-]{0,31}$/);

export const CentralEnrolSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(300),
  code: z.string().trim().min(8).max(12),
});
