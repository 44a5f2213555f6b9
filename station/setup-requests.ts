/**
 * What the setup page asks of the main process: what to start from, whether
 * a hub answers, and to save a setup. What the page sends is checked before
 * it is believed, so it arrives as `unknown`.
 */
import { z } from 'zod';
import { STATION_ROLES } from '../shared/station-bridge.js';
import { parseHubAddress, type StationConfig } from './config.js';
import type { CheckResult, SaveResult, SetupState } from './ipc.js';
import { probeHub, type FetchLike } from './offline.js';

const HubAddressSchema = z.string().max(300);

const SaveRequestSchema = z.object({
  hubAddress: HubAddressSchema,
  role: z.string().max(30),
  token: z.string().max(512),
});

/** Where the setup page starts: the setup in use (without its token), and why a saved one was refused. */
export function setupStateOf(
  config: StationConfig | null,
  problem: SetupState['problem'],
): SetupState {
  return {
    hubUrl: config?.hubUrl ?? null,
    role: config?.role ?? null,
    hasToken: config?.token !== undefined,
    problem,
  };
}

/** Whether a hub answers at the address typed. Throws on an argument that is not an address. */
export async function checkHub(hubAddress: unknown, fetchLike: FetchLike): Promise<CheckResult> {
  const hubUrl = parseHubAddress(HubAddressSchema.parse(hubAddress));
  if (hubUrl === null) return { ok: false, error: 'bad-address' };
  const up = await probeHub(hubUrl, fetchLike);
  return up ? { ok: true, hubUrl } : { ok: false, error: 'unreachable', hubUrl };
}

export type RefusedSetup = Extract<SaveResult, { error: 'bad-address' | 'bad-role' }>;

/**
 * The setup a save request asks for, on top of the one saved, or why it
 * cannot be. Throws on a request that is not a save request.
 */
export function setupFromRequest(
  raw: unknown,
  saved: StationConfig | null,
): { ok: true; config: StationConfig } | RefusedSetup {
  const request = SaveRequestSchema.parse(raw);
  const hubUrl = parseHubAddress(request.hubAddress);
  if (hubUrl === null) return { ok: false, error: 'bad-address' };
  const role = STATION_ROLES.find((r) => r === request.role);
  if (role === undefined) return { ok: false, error: 'bad-role' };
  // A token belongs to one hub; keep the saved one only while the hub stays the same.
  const token = request.token.trim() || (saved?.hubUrl === hubUrl ? saved.token : undefined);
  // A printer is added to the file by hand (docs/hardware.md); the setup page
  // cannot set one, so a save keeps it.
  const printer = saved?.printer;
  const config: StationConfig = {
    hubUrl,
    role,
    ...(token ? { token } : {}),
    ...(printer ? { printer } : {}),
  };
  return { ok: true, config };
}
