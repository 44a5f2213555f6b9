/**
 * The station's remembered setup: which hub, which role, which device token.
 * One JSON file in Electron's userData. Reading never throws: a kiosk with a
 * damaged file must come up on the setup screen, not crash in a loop.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { STATION_ROLES } from '../shared/station-bridge.js';
import { parsePrinterUri } from '../shared/printer/printer-uri.js';

export const CONFIG_FILE_NAME = 'station.json';
export const DEFAULT_HUB_PORT = 8470;

/**
 * A hub is named by its origin: http(s), a host, maybe a port, nothing else.
 * Paths, queries and credentials are refused rather than dropped, so a typo
 * is shown to the technician instead of silently becoming another address.
 */
export const HubUrlSchema = z.string().transform((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `not a URL: ${value}` });
    return z.NEVER;
  }
  const problem =
    url.protocol !== 'http:' && url.protocol !== 'https:'
      ? `scheme ${url.protocol} is not http or https`
      : url.username || url.password
        ? 'credentials are not allowed'
        : (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash
          ? 'only an origin (scheme, host, port) is allowed'
          : null;
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  return url.origin;
});

export const StationConfigSchema = z.object({
  hubUrl: HubUrlSchema,
  role: z.enum(STATION_ROLES),
  token: z.string().trim().min(1).max(512).optional(),
  /** A kiosk's own ticket printer, e.g. serial:/dev/ttyUSB0?baud=115200 (docs/hardware.md). */
  printer: z
    .string()
    .max(300)
    .refine((uri) => {
      try {
        return parsePrinterUri(uri).kind !== 'station';
      } catch {
        return false;
      }
    }, 'a printer address: serial:/dev/…, usblp:/dev/usb/lp0 or tcp://HOST:9100')
    .optional(),
});
export type StationConfig = z.infer<typeof StationConfigSchema>;

export type ConfigProblem =
  | { reason: 'missing'; detail: string }
  | { reason: 'unreadable'; detail: string }
  | { reason: 'corrupt'; detail: string }
  | { reason: 'invalid'; detail: string };

export type ConfigRead =
  { config: StationConfig; problem: null } | { config: null; problem: ConfigProblem };

export const configPath = (userDataDir: string) => join(userDataDir, CONFIG_FILE_NAME);

export async function readConfig(file: string): Promise<ConfigRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
    const detail = `${file}: ${String(error)}`;
    return { config: null, problem: { reason: missing ? 'missing' : 'unreadable', detail } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { config: null, problem: { reason: 'corrupt', detail: `${file}: ${String(error)}` } };
  }
  const parsed = StationConfigSchema.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return { config: null, problem: { reason: 'invalid', detail: `${file}: ${detail}` } };
  }
  return { config: parsed.data, problem: null };
}

/**
 * Writes the whole file or nothing: temp file, fsync, rename. A kiosk loses
 * power mid-write more often than a desktop does. Mode 0600: it holds a token.
 */
export async function writeConfig(file: string, config: StationConfig): Promise<void> {
  const valid = StationConfigSchema.parse(config);
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(valid, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * What a technician types into the hub field, as an origin: "192.168.1.10"
 * and "192.168.1.10:8470" mean `http://192.168.1.10:8470` (the hub's default
 * port applies only when no scheme was typed either). Null when it is not one.
 */
export function parseHubAddress(typed: string): string | null {
  const trimmed = typed.trim().replace(/\/+$/, '');
  if (!trimmed) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  const candidate = hasScheme
    ? trimmed
    : /:\d+$/.test(trimmed)
      ? `http://${trimmed}`
      : `http://${trimmed}:${DEFAULT_HUB_PORT}`;
  const parsed = HubUrlSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
