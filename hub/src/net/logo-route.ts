/**
 * `LOGO_PATH`: the centre's logo. `GET` (anyone: kiosks, displays, phones)
 * serves the picture in force as what it is, a PNG or a JPEG, with nothing
 * a browser could take for a page. `PUT` (the picture's bytes as the body)
 * and `DELETE` are a manager's change, made on `?version=` of the centre:
 * checked (logo-image.ts), then one transaction with its audit row and one
 * `config-changed` (config-editor.ts), like every other console edit. It is
 * REST and not a socket event because a logo is larger than a socket
 * message may be (MAX_PAYLOAD_BYTES).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { ConfigSource } from '../config/config.js';
import type { ConfigEditor } from '../config/config-editor.js';
import { checkLogo, refuseLogo } from '../config/logo-image.js';
import { fieldErrors, HubError } from '../hub-error.js';
import { refuse, sendJson } from './json-api.js';
import { restManager, type RestManagerDeps } from './rest-manager.js';
import { LOGO_MAX_BYTES, LOGO_PATH, LogoChangeSchema } from '../../../shared/protocol.js';

export interface LogoRouteDeps extends RestManagerDeps {
  config: ConfigSource;
  editor: ConfigEditor;
  log: Logger;
}

/** A body past this is not read on: the sender is told, and the connection closed. */
const CUT_OFF_BYTES = 16 * LOGO_MAX_BYTES;

/** The body, up to `LOGO_MAX_BYTES`; a larger one is read to its end (to say why) and refused. */
function readPicture(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= LOGO_MAX_BYTES) chunks.push(chunk);
      else if (size > CUT_OFF_BYTES) req.destroy();
    });
    req.on('end', () =>
      size > LOGO_MAX_BYTES
        ? reject(
            refuseLogo('logo-too-large', `The logo is larger than ${LOGO_MAX_BYTES / 1024} KB`),
          )
        : resolve(Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
}

function versionOf(url: URL): number {
  const parsed = LogoChangeSchema.safeParse({ version: Number(url.searchParams.get('version')) });
  if (!parsed.success) {
    throw new HubError(
      'invalid-request',
      'Say which version of the centre this was made on',
      undefined,
      {
        fields: fieldErrors(parsed.error),
      },
    );
  }
  return parsed.data.version;
}

function serve(req: IncomingMessage, res: ServerResponse, config: ConfigSource) {
  const logo = config.current().logo;
  if (!logo) return refuse(res, { code: 'not-found', message: 'This centre has no logo' });
  const etag = `"${logo.sha256}"`;
  const headers = {
    'content-type': logo.info.type,
    etag,
    // Asked again each time (a cheap 304), so a changed logo shows even at its old address.
    'cache-control': 'no-cache',
    // Only ever a picture: never sniffed as anything else, never a page with rights of its own.
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'content-disposition': `inline; filename="logo.${logo.info.type === 'image/png' ? 'png' : 'jpg'}"`,
    'cross-origin-resource-policy': 'same-origin',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    return res.end();
  }
  res.writeHead(200, { ...headers, 'content-length': logo.data.length });
  res.end(req.method === 'HEAD' ? undefined : logo.data);
}

async function change(req: IncomingMessage, url: URL, deps: LogoRouteDeps) {
  const manager = restManager(req, deps);
  const version = versionOf(url);
  if (req.method === 'DELETE') return deps.editor.saveCentreLogo(manager.id, null, version);
  const logo = await checkLogo(await readPicture(req));
  return deps.editor.saveCentreLogo(manager.id, logo, version);
}

export function createLogoRoute(deps: LogoRouteDeps) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://hub');
    if (url.pathname !== LOGO_PATH) return false;
    if (req.method === 'GET' || req.method === 'HEAD') {
      serve(req, res, deps.config);
      return true;
    }
    if (req.method !== 'PUT' && req.method !== 'DELETE') {
      refuse(res, { code: 'invalid-request', message: `${req.method} is not supported here` });
      return true;
    }
    change(req, url, deps).then(
      (centre) => {
        deps.log.info({ logo: centre.logo?.url ?? null }, 'centre logo changed');
        sendJson(res, 200, centre);
      },
      (err: unknown) => {
        // Whatever was not read of a refused body is let go of, so the answer reaches the sender.
        req.resume();
        if (err instanceof HubError) return refuse(res, err.toAck());
        if ((err as { code?: unknown }).code === 'SQLITE_FULL') {
          return refuse(res, { code: 'storage-full', message: 'The disk is full' });
        }
        deps.log.error({ err }, 'changing the logo failed');
        refuse(res, { code: 'internal', message: 'The hub could not do that' });
      },
    );
    return true;
  };
}
