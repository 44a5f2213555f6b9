/**
 * `POST /api/v1/pair` `{ code }`: a station or a browser exchanges the
 * 6-digit code the console showed for its device token, once. A million
 * codes would take a patient guesser little time, so wrong ones are slow:
 * a few a minute per address, and a few dozen a minute from everyone.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { DeviceService } from '../devices/device-service.js';
import { fieldErrors, HubError } from '../hub-error.js';
import { perAddress, readJson, refuse, sendJson } from './json-api.js';
import { API_PREFIX } from './rest.js';
import { tokenBucket } from '../api/rate-limit.js';
import { PairRequestSchema } from '../../../shared/protocol.js';

export const PAIR_PATH = `${API_PREFIX}/pair`;
const MAX_PAIR_BODY_BYTES = 1024;
/** Wrong or right, each try costs: this many a minute from one address… */
export const PAIR_TRIES_PER_MINUTE = 5;
/** …and this many a minute from all addresses together. */
const PAIR_TRIES_PER_MINUTE_ALL = 30;

async function pair(devices: DeviceService, req: IncomingMessage, allowed: boolean) {
  if (!allowed) throw new HubError('rate-limited', 'Too many tries: wait a minute');
  const parsed = PairRequestSchema.safeParse(await readJson(req, MAX_PAIR_BODY_BYTES));
  if (!parsed.success) {
    throw new HubError('invalid-request', 'The code is six digits', undefined, {
      fields: fieldErrors(parsed.error),
    });
  }
  return devices.redeem(parsed.data.code);
}

export function createPairRoute(devices: DeviceService, opts: { now: () => number; log: Logger }) {
  const fromAddress = perAddress(PAIR_TRIES_PER_MINUTE, opts.now);
  const fromAll = tokenBucket(PAIR_TRIES_PER_MINUTE_ALL, PAIR_TRIES_PER_MINUTE_ALL / 60, opts.now);
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (new URL(req.url ?? '/', 'http://hub').pathname !== PAIR_PATH) return false;
    if (req.method !== 'POST') {
      refuse(res, { code: 'invalid-request', message: `${req.method} is not supported here` });
      return true;
    }
    const allowed = fromAddress(req.socket.remoteAddress ?? '') && fromAll();
    pair(devices, req, allowed).then(
      (device) => {
        opts.log.info({ device: device.deviceId, role: device.role }, 'device paired');
        sendJson(res, 201, device);
      },
      (err: unknown) => {
        if (err instanceof HubError) return refuse(res, err.toAck());
        opts.log.error({ err }, 'pairing failed');
        refuse(res, { code: 'internal', message: 'The hub could not do that' });
      },
    );
    return true;
  };
}
