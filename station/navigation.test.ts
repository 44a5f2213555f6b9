import { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session, WebContents } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CSP, localPageUrl, serveLocal } from './local-pages.js';
import { callerOf, isAllowedNavigation, isPermissionGranted } from './navigation.js';
import { guardContents, guardSession } from './security.main.js';

const HUB = 'http://192.168.1.10:8470';

describe('isAllowedNavigation', () => {
  it.each([
    `${HUB}/kiosk`,
    `${HUB}/display/feedback?x=1#top`,
    `${HUB}/`,
    localPageUrl('setup'),
    localPageUrl('offline'),
  ])('allows %s', (url) => {
    expect(isAllowedNavigation(url, HUB)).toBe(true);
  });

  it.each([
    ['another host', 'http://192.168.1.11:8470/kiosk'],
    ['another port', 'http://192.168.1.10:8471/kiosk'],
    ['another scheme', 'https://192.168.1.10:8470/kiosk'],
    ['the internet', 'https://example.com/'],
    ['a look-alike host', 'http://192.168.1.10.evil.example:8470/'],
    ['file:', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<h1>hi</h1>'],
    ['about:blank', 'about:blank'],
    ['a local file that is not a page', 'khiu-station://app/setup.dom.js'],
    ['a local path that is not served', 'khiu-station://app/../../etc/passwd'],
    ['another local host', 'khiu-station://evil/setup.html'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedNavigation(url, HUB)).toBe(false);
  });

  it('allows no hub page before a hub is set up', () => {
    expect(isAllowedNavigation(`${HUB}/kiosk`, null)).toBe(false);
    expect(isAllowedNavigation(localPageUrl('setup'), null)).toBe(true);
  });
});

describe('callerOf', () => {
  it('tells the hub’s pages, the local pages and everyone else apart', () => {
    expect(callerOf(`${HUB}/kiosk`, HUB)).toBe('hub');
    expect(callerOf(localPageUrl('setup'), HUB)).toBe('local');
    expect(callerOf('https://example.com/', HUB)).toBe('other');
    expect(callerOf(`${HUB}/kiosk`, null)).toBe('other');
    expect(callerOf(undefined, HUB)).toBe('other');
    expect(callerOf('', HUB)).toBe('other');
  });
});

describe('permissions', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'fullscreen',
    'openExternal',
    'serial',
    'usb',
    'hid',
    'display-capture',
    'screen-wake-lock',
    'unknown',
  ])('denies %s', (permission) => {
    expect(isPermissionGranted(permission)).toBe(false);
  });
});

describe('serveLocal', () => {
  let pagesDir: string;
  beforeAll(async () => {
    pagesDir = await mkdtemp(join(tmpdir(), 'khiu-pages-'));
    await writeFile(join(pagesDir, 'setup.html'), '<h1>setup</h1>');
    await writeFile(join(pagesDir, 'secret.txt'), 'not served');
  });
  afterAll(() => rm(pagesDir, { recursive: true, force: true }));

  it('serves a page with its type and a strict CSP', async () => {
    const response = await serveLocal(localPageUrl('setup'), pagesDir);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(LOCAL_CSP);
    expect(await response.text()).toBe('<h1>setup</h1>');
  });

  it.each([
    'khiu-station://app/secret.txt',
    'khiu-station://app/..%2Fsecret.txt',
    'khiu-station://app/fonts/../secret.txt',
    'khiu-station://app/offline.html', // listed, but not built in this folder
  ])('answers 404 for %s', async (url) => {
    expect((await serveLocal(url, pagesDir)).status).toBe(404);
  });
});

/** Just enough of a WebContents to see what the guard hangs on it. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler(handler: typeof openHandler) {
      openHandler = handler;
    },
  });
  const navigate = (event: string, url: string) => {
    let prevented = false;
    emitter.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return {
    contents: contents as unknown as WebContents,
    navigate,
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('guardContents', () => {
  const warnings: string[] = [];
  const log = { warn: (message: string) => warnings.push(message) };

  it('denies every window.open', () => {
    const fake = fakeContents();
    guardContents(fake.contents, () => HUB, log);
    expect(fake.open(`${HUB}/kiosk`)).toEqual({ action: 'deny' });
    expect(fake.open('https://example.com/')).toEqual({ action: 'deny' });
  });

  it.each(['will-frame-navigate', 'will-navigate', 'will-redirect'])(
    'on %s, lets the hub through and stops the rest',
    (event) => {
      const fake = fakeContents();
      guardContents(fake.contents, () => HUB, log);
      expect(fake.navigate(event, `${HUB}/counter`)).toBe(false);
      expect(fake.navigate(event, localPageUrl('offline'))).toBe(false);
      expect(fake.navigate(event, 'https://example.com/')).toBe(true);
      expect(fake.navigate(event, 'file:///etc/passwd')).toBe(true);
      expect(fake.navigate(event, 'javascript:alert(1)')).toBe(true);
    },
  );

  it('follows the hub address when setup changes it', () => {
    let hub = HUB;
    const fake = fakeContents();
    guardContents(fake.contents, () => hub, log);
    hub = 'http://10.0.0.5:8470';
    expect(fake.navigate('will-navigate', `${HUB}/kiosk`)).toBe(true);
    expect(fake.navigate('will-navigate', 'http://10.0.0.5:8470/kiosk')).toBe(false);
  });

  it('refuses to attach a <webview>', () => {
    const fake = fakeContents();
    guardContents(fake.contents, () => HUB, log);
    expect(fake.navigate('will-attach-webview', `${HUB}/kiosk`)).toBe(true);
  });
});

describe('guardSession', () => {
  it('denies permission requests and checks, and downloads', () => {
    const handlers: {
      request?: (
        contents: unknown,
        permission: string,
        callback: (granted: boolean) => void,
      ) => void;
      check?: (contents: unknown, permission: string) => boolean;
    } = {};
    const emitter = new EventEmitter();
    const session = Object.assign(emitter, {
      setPermissionRequestHandler: (handler: NonNullable<typeof handlers.request>) =>
        (handlers.request = handler),
      setPermissionCheckHandler: (handler: NonNullable<typeof handlers.check>) =>
        (handlers.check = handler),
    }) as unknown as Session;
    guardSession(session, { warn: () => {} });

    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'fullscreen']) {
      handlers.request?.(null, permission, (granted) => answers.push(granted));
      answers.push(handlers.check?.(null, permission) ?? true);
    }
    expect(answers).toEqual(Array(8).fill(false));

    let downloadPrevented = false;
    emitter.emit('will-download', { preventDefault: () => (downloadPrevented = true) });
    expect(downloadPrevented).toBe(true);
  });
});
