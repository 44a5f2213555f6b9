/**
 * The station's own pages (setup and offline) are served from a private
 * scheme, `khiu-station://app/…`, not `file://`: a file page could read any
 * other file URL, and the navigation guard can then refuse `file:` outright.
 * Only the files named here are served; no path in a URL reaches the disk
 * unchecked.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const LOCAL_SCHEME = 'khiu-station';
const LOCAL_HOST = 'app';
export const LOCAL_ORIGIN = `${LOCAL_SCHEME}://${LOCAL_HOST}`;

export const LOCAL_PAGES = { setup: 'setup.html', offline: 'offline.html' } as const;
export type LocalPage = keyof typeof LOCAL_PAGES;

const CONTENT_TYPES: ReadonlyMap<string, string> = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.woff2', 'font/woff2'],
]);

/** Every file the scheme serves, relative to the pages folder the build writes. */
export const SERVED_FILES: ReadonlySet<string> = new Set([
  LOCAL_PAGES.setup,
  LOCAL_PAGES.offline,
  'setup.dom.js',
  'offline.dom.js',
  'station.css',
  'fonts/noto-sans-lao-lao-400-normal.woff2',
  'fonts/noto-sans-lao-lao-700-normal.woff2',
  'fonts/noto-sans-latin-400-normal.woff2',
  'fonts/noto-sans-latin-700-normal.woff2',
]);

/** The pages allow only their own scripts, styles and fonts, and no network at all. */
export const LOCAL_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

export const localPageUrl = (page: LocalPage) => `${LOCAL_ORIGIN}/${LOCAL_PAGES[page]}`;

/** The served file a URL names, or null when it is not one of ours. */
export function localFileOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${LOCAL_SCHEME}:` || parsed.host !== LOCAL_HOST) return null;
  const name = parsed.pathname.replace(/^\/+/, '');
  return SERVED_FILES.has(name) ? name : null;
}

export const isLocalPageUrl = (url: string) => {
  const name = localFileOf(url);
  return name === LOCAL_PAGES.setup || name === LOCAL_PAGES.offline;
};

/** The protocol handler's answer: the file with its type and CSP, or a 404. */
export async function serveLocal(url: string, pagesDir: string): Promise<Response> {
  const name = localFileOf(url);
  if (name === null) return new Response('Not found', { status: 404 });
  const contentType =
    CONTENT_TYPES.get(name.slice(name.lastIndexOf('.'))) ?? 'application/octet-stream';
  try {
    const body = await readFile(join(pagesDir, name));
    return new Response(body, {
      headers: { 'content-type': contentType, 'content-security-policy': LOCAL_CSP },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
