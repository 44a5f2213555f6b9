/**
 * The `khiu-config` file: a centre's whole configuration as one versioned
 * JSON document, so a province can copy one centre's set-up to another
 * (docs/operations.md "Copying a centre's configuration").
 *
 * It holds what a manager sets up and nothing a centre earns by running:
 * never staff or their PINs, devices or their tokens, printers, tickets or
 * figures, and no row ids or versions (those are the receiving hub's own).
 * The centre's logo is not in version 1: no screen sets one yet, and an image
 * would outgrow what a console may send in one message.
 *
 * Services are matched by their id (the stable key every centre copied from
 * the same file shares), else by their ticket letter; ministries by id;
 * counters by number; holidays by day.
 */
import { z } from 'zod';
import type { Localized } from './entities.js';
import {
  CentreInputSchema,
  NoticeDaysSchema,
  CounterInputSchema,
  HolidaySchema,
  MinistryInputSchema,
  ServiceInputSchema,
  OptionalText,
  type FeeReference,
  type OpeningHours,
} from './console.js';

export const CONFIG_FILE_FORMAT = 'khiu-config';
export const CONFIG_FILE_VERSION = 1;
/** A configuration file larger than this is not one (a real centre's is some tens of KB). */
export const MAX_CONFIG_FILE_BYTES = 2 * 1024 * 1024;
/**
 * The file travels gzip-compressed and base64-encoded: a Socket.IO message is
 * at most 64 KiB (hub/src/net/socket-server.ts), and JSON shrinks about
 * tenfold, so a centre with hundreds of services still fits in one message.
 */
export const MAX_CONFIG_UPLOAD_CHARS = 60 * 1024;

/** Empty in a centre set up before the console asked for them (migration 005). */
const PlaceName = z.strictObject({ lo: OptionalText(120), en: OptionalText(120) });

export const ConfigFileCentreSchema = CentreInputSchema.extend({
  province: PlaceName,
  district: PlaceName,
  /** One priority ticket after every N others when both wait (0: priority first). */
  priorityEvery: z.number().int().min(0).max(20),
  /** The hall displays' notices, in order. */
  notices: z.array(NoticeDaysSchema).max(20),
});
export type ConfigFileCentre = z.infer<typeof ConfigFileCentreSchema>;

/** A counter as the file knows it: by its number, serving service ids, best-ranked first. */
export const ConfigFileCounterSchema = CounterInputSchema.omit({ id: true });
export type ConfigFileCounter = z.infer<typeof ConfigFileCounterSchema>;

export const KhiuConfigSchema = z.strictObject({
  format: z.literal(CONFIG_FILE_FORMAT),
  version: z.literal(CONFIG_FILE_VERSION),
  /** When and from where it was exported: for the person holding the file, never matched on. */
  exportedAt: z.iso.datetime(),
  centre: ConfigFileCentreSchema,
  ministries: z.array(MinistryInputSchema).max(100),
  services: z.array(ServiceInputSchema).max(1000),
  counters: z.array(ConfigFileCounterSchema).max(500),
  holidays: z.array(HolidaySchema).max(400),
});
export type KhiuConfig = z.infer<typeof KhiuConfigSchema>;

/** The file as the console sends it (see MAX_CONFIG_UPLOAD_CHARS). */
export const ConfigUploadSchema = z.strictObject({
  gzipBase64: z
    .string()
    .min(1)
    .max(MAX_CONFIG_UPLOAD_CHARS)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});
export type ConfigUpload = z.infer<typeof ConfigUploadSchema>;

/** A sha256 of the configuration a preview was made against (hex). */
export const BasisHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in hex');

// ---------------------------------------------------------------- the preview's differences

export const DIFF_ENTITIES = ['centre', 'ministry', 'service', 'counter', 'holiday'] as const;
export type DiffEntity = (typeof DIFF_ENTITIES)[number];

/** A service missing from the file is closed, a counter deactivated, a holiday removed. */
export type DiffChange = 'added' | 'changed' | 'removed';

/** Every field a difference can name (`console.transfer.field.<field>` in i18n). */
export const DIFF_FIELDS = [
  'name.lo',
  'name.en',
  'province.lo',
  'province.en',
  'district.lo',
  'district.en',
  'address.lo',
  'address.en',
  'timeZone',
  'publicUrl',
  'priorityEvery',
  'notices',
  'sort',
  'ministry',
  'prefix',
  'feeLak',
  'feeIsSample',
  'feeRef',
  'documents.lo',
  'documents.en',
  'targetMinutes',
  'dailyCap',
  'hours',
  'asksPriority',
  'open',
  'number',
  'services',
  'active',
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

/** A value as a person reads it; the console words it in their language. */
export type DiffValue =
  | { type: 'text'; value: string }
  | { type: 'none' }
  | { type: 'number'; value: number }
  | { type: 'kip'; value: number }
  | { type: 'minutes'; value: number }
  | { type: 'flag'; value: boolean }
  | { type: 'cap'; value: number | null }
  | { type: 'name'; value: Localized }
  | { type: 'names'; value: Localized[] }
  | { type: 'lines'; value: string[] }
  | { type: 'feeRef'; value: FeeReference }
  | { type: 'hours'; value: OpeningHours[] };

export interface FieldDiff {
  field: DiffField;
  old: DiffValue;
  new: DiffValue;
}

export interface EntityDiff {
  entity: DiffEntity;
  /** How a person recognises it: a ticket letter, a counter number, a day, a ministry id. */
  tag: string;
  name: Localized;
  change: DiffChange;
  /** For `changed` (and `removed`: what closing it changes); empty for `added`. */
  fields: FieldDiff[];
}

export interface ConfigPreview {
  /** The configuration the differences were taken against; `config:import-apply` names it. */
  basisHash: string;
  /** The centre the file was exported from, and when. */
  from: { name: Localized; exportedAt: string };
  differences: EntityDiff[];
}

export interface ConfigImportResult {
  added: number;
  changed: number;
  removed: number;
}

export const ConfigExportSchema = z.object({
  /** `khiu-config-<centre>-<YYYY-MM-DD>.json`, the centre in a-z, 0-9 and -. */
  fileName: z.string(),
  file: KhiuConfigSchema,
});
export type ConfigExport = z.infer<typeof ConfigExportSchema>;
