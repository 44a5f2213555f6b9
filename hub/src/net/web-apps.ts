/**
 * Serves the built web apps (kiosk, counter, display, console, the phone
 * page at /t/<code>, and the booking pages at /book and /book/<code>) from
 * the build folder. An app that is not built yet
 * answers with a plain page that says so, instead of a bare 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

export const WEB_APPS = ['kiosk', 'counter', 'display', 'console', 'pair'] as const;

export function createWebAppHandler(webRoot: string) {
  const serve = new Map(
    WEB_APPS.map((app) => {
      const dir = join(webRoot, app);
      return [app, existsSync(dir) ? sirv(dir, { single: true, dev: false }) : null] as const;
    }),
  );

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://hub');
    const [, first = ''] = url.pathname.split('/');
    // The phone page and the booking pages are part of the display app's build.
    const phonePage = first === 't' || first === 'book';
    const app = phonePage ? 'display' : WEB_APPS.find((a) => a === first);
    if (!app) return false;
    const handler = serve.get(app);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`The ${app} app is not built yet (looked in ${join(webRoot, app)}).\n`);
      return true;
    }
    // sirv sees paths relative to the app's folder.
    req.url = phonePage ? '/' : req.url?.slice(first.length + 1) || '/';
    handler(req, res, () => {
      res.writeHead(404);
      res.end();
    });
    return true;
  };
}
