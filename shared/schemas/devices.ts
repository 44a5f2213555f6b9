/**
 * Paired devices as the console sees them, and the pairing code that makes
 * one: a manager asks for a code for a role and a name, and the station or
 * browser at /pair exchanges it for the device's token (DESIGN.md "Security").
 */
import { z } from 'zod';
import { EpochMs, Id } from './entities.js';
import { RoleSchema } from './enums.js';

export const DeviceRoleSchema = RoleSchema.exclude(['public']);
export const DEVICE_ROLES = DeviceRoleSchema.options;
export type DeviceRole = z.infer<typeof DeviceRoleSchema>;

/** A pairing code is good for this long (DESIGN.md: 10 minutes). */
export const PAIR_CODE_TTL_MS = 10 * 60_000;

export const DeviceNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[^<>\p{Cc}]*$/u, 'plain text');

export const PairCodeSchema = z.object({
  /** Six digits, shown to the manager once. */
  code: z.string().regex(/^\d{6}$/),
  role: DeviceRoleSchema,
  name: z.string(),
  expiresAt: EpochMs,
});
export type PairCode = z.infer<typeof PairCodeSchema>;

export const DeviceViewSchema = z.object({
  id: Id,
  role: DeviceRoleSchema,
  name: z.string(),
  createdAt: EpochMs,
  lastSeenAt: EpochMs.nullable(),
  /** The network address it last connected from. */
  lastAddress: z.string().nullable(),
  /** The app or station version it last said it runs. */
  appVersion: z.string().nullable(),
  revokedAt: EpochMs.nullable(),
  /** Connected to the hub right now. */
  connected: z.boolean(),
  /** A hall display's services, in the order chosen; empty: it shows every service. */
  serviceIds: z.array(z.string()),
  version: z.number().int().positive(),
});
export type DeviceView = z.infer<typeof DeviceViewSchema>;

/** What `POST /api/v1/pair` answers: the token, shown once; the hub keeps only its hash. */
export const PairedDeviceSchema = z.object({
  deviceId: Id,
  role: DeviceRoleSchema,
  name: z.string(),
  token: z.string(),
});
export type PairedDevice = z.infer<typeof PairedDeviceSchema>;

export const PairRequestSchema = z.strictObject({
  code: z.string().regex(/^\d{6}$/, 'six digits'),
});
