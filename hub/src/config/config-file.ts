/**
 * The `khiu-config` file on the hub's side: the configuration in force as a
 * file body, its basis hash, and a file read back — unpacked, parsed, its
 * version and schema checked, and its entries checked against each other —
 * with a refusal a manager can act on at each step. Reading never writes.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { Db } from '../db/open.js';
import { fieldErrors, HubError } from '../hub-error.js';
import { CentreSettingsSchema } from './config.js';
import type { ConfigStore } from './config-store.js';
import { assertTimeZone } from '../../../shared/domain/numbering.js';
import {
  CONFIG_FILE_FORMAT,
  CONFIG_FILE_VERSION,
  KhiuConfigSchema,
  MAX_CONFIG_FILE_BYTES,
  type ConfigUpload,
  type ErrorReason,
  type FieldError,
  type Holiday,
  type KhiuConfig,
} from '../../../shared/protocol.js';

/** The part of a file that is the configuration (what the basis hash covers). */
export type ConfigBody = Omit<KhiuConfig, 'format' | 'version' | 'exportedAt'>;

/** Enough to fix a file by; a file wrong everywhere would otherwise answer with thousands. */
const MAX_FIELD_ERRORS = 50;

const refuse = (reason: ErrorReason, message: string, fields?: FieldError[]) =>
  new HubError('invalid-request', message, reason, fields ? { fields } : {});

/** A row as the file holds it: versions are each hub's own. */
const unversioned = <T extends { version: number }>({ version: _v, ...row }: T) => row;
/** The logo stays with each centre: a picture of up to 256 KB does not fit in one message. */
const withoutLogo = <T extends { logo: unknown }>({ logo: _logo, ...row }: T) => row;

/** The configuration in force, in the file's shape and a stable order. */
export function currentBody(db: Db, store: ConfigStore): ConfigBody {
  const centre = store.centre();
  const row = db
    .prepare<[], { settings: string }>('SELECT settings FROM centre WHERE id = 1')
    .get();
  if (!centre || !row) throw new Error('a running hub has a centre');
  const settings = CentreSettingsSchema.parse(JSON.parse(row.settings));
  const holidays = db
    .prepare<[], { day: string; name_lo: string; name_en: string }>(
      'SELECT day, name_lo, name_en FROM holidays ORDER BY day',
    )
    .all()
    .map((h): Holiday => ({ day: h.day, name: { lo: h.name_lo, en: h.name_en } }));
  return {
    centre: {
      ...withoutLogo(unversioned(centre)),
      priorityEvery: settings.priorityEvery,
      notices: db
        .prepare<
          [],
          { text_lo: string; text_en: string; starts_on: string | null; ends_on: string | null }
        >('SELECT text_lo, text_en, starts_on, ends_on FROM notices ORDER BY sort, id')
        .all()
        .map((n) => ({
          text: { lo: n.text_lo, en: n.text_en },
          startsOn: n.starts_on,
          endsOn: n.ends_on,
        })),
    },
    ministries: store.ministries().map(unversioned),
    services: store.services().map(unversioned),
    counters: store.counters().map(({ id: _id, version: _v, ...c }) => c),
    holidays,
  };
}

export const basisHashOf = (body: ConfigBody): string =>
  createHash('sha256').update(JSON.stringify(body)).digest('hex');

export function toFile(body: ConfigBody, nowMs: number): KhiuConfig {
  return {
    format: CONFIG_FILE_FORMAT,
    version: CONFIG_FILE_VERSION,
    exportedAt: new Date(nowMs).toISOString(),
    ...body,
  };
}

/** `khiu-config-xaysetha-one-door-service-centre-2026-05-04.json`. */
export function fileNameOf(body: ConfigBody, day: string): string {
  const words = body.centre.name.en
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  // Whole words up to 40 letters: the name stays readable in a folder listing.
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > 40) break;
    slug = next;
  }
  return `khiu-config-${slug || 'centre'}-${day}.json`;
}

function unpack(upload: ConfigUpload): unknown {
  let bytes: Buffer;
  try {
    bytes = gunzipSync(Buffer.from(upload.gzipBase64, 'base64'), {
      maxOutputLength: MAX_CONFIG_FILE_BYTES,
    });
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw refuse('config-file-too-large', `A configuration file is at most 2 MB`);
    }
    throw refuse('config-file-not-json', `The upload is not a gzip-compressed file`);
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw refuse('config-file-not-json', 'The file is not JSON');
  }
}

/** The entries a file names more than once, or names without holding them. */
function crossCheck(file: KhiuConfig): FieldError[] {
  const errors: FieldError[] = [];
  const once = <T>(
    list: readonly T[],
    key: (x: T) => string | number,
    at: (i: number) => string,
  ) => {
    const seen = new Set<string | number>();
    list.forEach((x, i) => {
      if (seen.has(key(x))) errors.push({ path: at(i), issue: 'duplicate' });
      seen.add(key(x));
    });
  };
  once(
    file.ministries,
    (m) => m.id,
    (i) => `ministries.${i}.id`,
  );
  once(
    file.services,
    (s) => s.id,
    (i) => `services.${i}.id`,
  );
  once(
    file.services,
    (s) => s.prefix,
    (i) => `services.${i}.prefix`,
  );
  once(
    file.counters,
    (c) => c.number,
    (i) => `counters.${i}.number`,
  );
  once(
    file.holidays,
    (h) => h.day,
    (i) => `holidays.${i}.day`,
  );

  const ministries = new Set(file.ministries.map((m) => m.id));
  file.services.forEach((s, i) => {
    if (!ministries.has(s.ministryId)) {
      errors.push({ path: `services.${i}.ministryId`, issue: 'not-in-file' });
    }
  });
  const services = new Set(file.services.map((s) => s.id));
  file.counters.forEach((c, i) =>
    c.services.forEach((id, j) => {
      const path = `counters.${i}.services.${j}`;
      if (!services.has(id)) errors.push({ path, issue: 'not-in-file' });
      else if (c.services.indexOf(id) !== j) errors.push({ path, issue: 'duplicate' });
    }),
  );
  try {
    assertTimeZone(file.centre.timeZone);
  } catch {
    errors.push({ path: 'centre.timeZone', issue: 'invalid-time-zone' });
  }
  return errors;
}

/** The file, read and checked; refused with a reason (and its fields) at the first step it fails. */
export function readConfigFile(upload: ConfigUpload): KhiuConfig {
  const json = unpack(upload);
  const head = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  if (head['format'] !== CONFIG_FILE_FORMAT) {
    throw refuse('config-file-format', 'The file is JSON, but not a Khiu configuration file');
  }
  if (head['version'] !== CONFIG_FILE_VERSION) {
    throw new HubError(
      'invalid-request',
      `The file is version ${String(head['version'])}; this hub reads version ${CONFIG_FILE_VERSION}`,
      'config-file-version',
      { params: { version: String(head['version']) } },
    );
  }
  const parsed = KhiuConfigSchema.safeParse(json);
  if (!parsed.success) {
    throw refuse('config-file-invalid', 'Some entries of the file are wrong', [
      ...fieldErrors(parsed.error).slice(0, MAX_FIELD_ERRORS),
    ]);
  }
  const errors = crossCheck(parsed.data);
  if (errors.length > 0) {
    const some = errors.slice(0, MAX_FIELD_ERRORS);
    throw refuse('config-file-invalid', 'Some entries of the file contradict others', some);
  }
  // Hours compare by weekday, as the hub keeps them.
  for (const s of parsed.data.services) s.hours.sort((a, b) => a.weekday - b.weekday);
  return parsed.data;
}
