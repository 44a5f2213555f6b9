/**
 * The hub's side of central's HTTP API (central/src/server.ts): enrol with a
 * code, push daily records, pull the national fee table. Every call has a
 * timeout; a link that is down answers `unreachable`, never hangs the hub.
 */
export const CENTRAL_TIMEOUT_MS = 15_000;

export interface NationalFeeRow {
  code: string;
  effectiveOn: string;
  nameLo: string;
  nameEn: string;
  feeLak: number;
  refLo: string;
  refEn: string;
}

export type PushResult =
  | { day: string; version: number; status: 'stored' | 'duplicate' }
  | {
      day: string | null;
      version: number | null;
      status: 'refused';
      error: string;
      /** Central's code and values for `error` (CentralRefusalSchema); absent from an older central. */
      reason?: unknown;
    };

export class CentralCallError extends Error {
  constructor(
    message: string,
    /** The HTTP status, or null when central could not be reached at all. */
    readonly status: number | null,
  ) {
    super(message);
  }
}

async function call<T>(url: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(CENTRAL_TIMEOUT_MS) });
  } catch (err) {
    throw new CentralCallError(
      `Central cannot be reached at ${url}: ${(err as Error).message}`,
      null,
    );
  }
  const body = (await res.json().catch(() => null)) as
    (T & { error?: { message?: string } }) | null;
  if (!res.ok)
    throw new CentralCallError(
      body?.error?.message ?? `Central answered ${res.status}`,
      res.status,
    );
  if (body === null) throw new CentralCallError('Central answered without JSON', res.status);
  return body;
}

const base = (url: string) => url.replace(/\/+$/, '');
const json = { 'content-type': 'application/json' };
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export const centralClient = {
  enrol: (url: string, code: string) =>
    call<{ token: string; centre: { code: string; nameLo: string; nameEn: string } }>(
      `${base(url)}/api/v1/enrol`,
      { method: 'POST', headers: json, body: JSON.stringify({ code }) },
    ),
  push: (url: string, token: string, body: { records: unknown[]; fees: unknown[] }) =>
    call<{ results: PushResult[] }>(`${base(url)}/api/v1/records`, {
      method: 'POST',
      headers: { ...json, ...auth(token) },
      body: JSON.stringify(body),
    }),
  fees: (url: string, token: string) =>
    call<{ version: number; fees: NationalFeeRow[] }>(`${base(url)}/api/v1/fees`, {
      headers: auth(token),
    }),
};
