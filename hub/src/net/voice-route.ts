/**
 * `/api/v1/voice/<lang>/<clipId>`: the voice clips recorded in the console.
 *
 * - `GET` (anyone: a hall display has no login) answers the audio with its
 *   content type; with `?v=<version>` it may be cached for good, since a new
 *   recording has a new version and so a new address.
 * - `PUT` (a manager's session: `Authorization: Bearer <session token>`, the
 *   token `staff:login` gave; `?version=<n>` to replace version n, none for a
 *   first recording) stores the body as the clip. Audio goes over HTTP, not
 *   the socket: Socket.IO messages are kept small for every client's sake.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { HubError } from '../hub-error.js';
import { refuse, sendJson } from './json-api.js';
import { API_PREFIX } from './rest.js';
import type { StaffAuth } from '../staff/staff-auth.js';
import type { StaffSessions } from '../staff/staff-sessions.js';
import { LangSchema, type Lang, type VoiceClipInfo } from '../../../shared/protocol.js';
import { MAX_CLIP_BYTES } from '../../../shared/voice/audio-format.js';
import { checkClip, type VoiceClips } from '../voice/voice-clips.js';

export const VOICE_PATH = `${API_PREFIX}/voice/`;
const CLIP_PATH = /^\/api\/v1\/voice\/([a-z]{2})\/([A-Za-z0-9-]{1,40})$/;

export interface VoiceRouteDeps {
  clips: VoiceClips;
  sessions: StaffSessions;
  staff: StaffAuth;
  /** Runs a save as an edit of the configuration in force (one transaction, config-changed). */
  inForce: <T>(work: () => T) => T;
  log: Logger;
}

/** The body, up to `maxBytes`; one a little larger is read to its end and refused, so the client hears why. */
function readBytes(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else if (size > 16 * maxBytes) req.destroy();
    });
    req.on('end', () => {
      if (size > maxBytes) {
        return reject(
          new HubError('invalid-request', 'The clip is too large', 'clip-too-large', {
            fields: [{ path: 'clip', issue: 'clip-too-large' }],
          }),
        );
      }
      resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** The manager behind the request's session token. */
function managerOf(req: IncomingMessage, deps: VoiceRouteDeps): number {
  const token = /^Bearer ([A-Za-z0-9_-]{22,128})$/.exec(req.headers.authorization ?? '')?.[1];
  const session = token ? deps.sessions.find(token) : null;
  const member = session ? deps.staff.current(session.staffId) : null;
  if (!member) throw new HubError('unauthorized', 'Log in first', 'login-required');
  if (member.pinMustChange) {
    throw new HubError('unauthorized', 'Choose a new PIN first', 'pin-change-required');
  }
  if (member.role !== 'manager') {
    throw new HubError('forbidden', 'Only a manager may do this', 'manager-only');
  }
  return member.id;
}

function versionOf(url: URL): number | null {
  const given = url.searchParams.get('version');
  if (given === null) return null;
  if (!/^[1-9]\d{0,8}$/.test(given)) {
    throw new HubError('invalid-request', 'version is a whole number', undefined, {
      fields: [{ path: 'version', issue: 'invalid_format' }],
    });
  }
  return Number(given);
}

async function put(
  req: IncomingMessage,
  url: URL,
  lang: Lang,
  clipId: string,
  deps: VoiceRouteDeps,
): Promise<VoiceClipInfo> {
  const staffId = managerOf(req, deps);
  const version = versionOf(url);
  const bytes = await readBytes(req, MAX_CLIP_BYTES);
  checkClip(lang, clipId, bytes); // before the transaction: a bad clip never opens one
  return deps.inForce(() => deps.clips.save(staffId, lang, clipId, bytes, version));
}

function get(
  res: ServerResponse,
  url: URL,
  lang: Lang,
  clipId: string,
  head: boolean,
  deps: VoiceRouteDeps,
) {
  const clip = deps.clips.audio(lang, clipId);
  if (!clip) {
    refuse(res, { code: 'not-found', message: `No recorded clip ${lang}/${clipId}` });
    return;
  }
  const pinned = url.searchParams.get('v') === String(clip.version);
  res.writeHead(200, {
    'content-type': clip.mime,
    'content-length': clip.bytes.length,
    'x-content-type-options': 'nosniff',
    'cache-control': pinned ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag: `"${lang}-${clipId}-${clip.version}"`,
  });
  res.end(head ? undefined : clip.bytes);
}

export function createVoiceRoute(deps: VoiceRouteDeps) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://hub');
    if (!url.pathname.startsWith(VOICE_PATH)) return false;
    const match = CLIP_PATH.exec(url.pathname);
    const lang = LangSchema.safeParse(match?.[1]);
    const clipId = match?.[2];
    if (!lang.success || clipId === undefined) {
      refuse(res, { code: 'not-found', message: `No route ${url.pathname}` });
      return true;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      get(res, url, lang.data, clipId, req.method === 'HEAD', deps);
      return true;
    }
    if (req.method !== 'PUT') {
      refuse(res, { code: 'invalid-request', message: `${req.method} is not supported here` });
      return true;
    }
    put(req, url, lang.data, clipId, deps).then(
      (info) => sendJson(res, 200, info),
      (err: unknown) => {
        req.resume(); // a body refused before it was read still has to be drained
        if (err instanceof HubError) return refuse(res, err.toAck());
        if ((err as { code?: unknown }).code === 'SQLITE_FULL') {
          return sendJson(res, 507, {
            error: { code: 'storage-full', message: 'The disk is full' },
          });
        }
        deps.log.error({ err }, 'saving a voice clip failed');
        refuse(res, { code: 'internal', message: 'The hub could not do that' });
      },
    );
    return true;
  };
}
