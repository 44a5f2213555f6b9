import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configPath, type StationConfig } from './config.js';
import { createFakeTimers, type FakeTimers } from './fake-timers.js';
import { currentWindow, fake, invokeAs, resetFake, app } from './fake-electron.js';
import { BRIDGE_CHANNELS, LOCAL_CHANNELS } from './ipc.js';
import { LOCAL_SCHEME, localPageUrl } from './local-pages.js';
import { CRASH_RELOAD_DELAY_MS, UNRESPONSIVE_GRACE_MS } from './page-watch.main.js';
import { startStation } from './station.main.js';
import { HIDE_CURSOR_CSS } from './window-options.js';

vi.mock('electron', () => import('./fake-electron.js'));

const HUB = 'http://192.168.1.10:8470';
const SETUP = localPageUrl('setup');
const OFFLINE = localPageUrl('offline');

let userData: string;
let timers: FakeTimers;
const logged: string[] = [];

beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'khiu-userdata-'));
  resetFake(userData);
  timers = createFakeTimers();
  logged.length = 0;
});
afterEach(() => rm(userData, { recursive: true, force: true }));

async function start(config?: StationConfig | string) {
  if (config !== undefined) {
    await writeFile(
      configPath(userData),
      typeof config === 'string' ? config : JSON.stringify(config),
    );
  }
  startStation({
    pagesDir: join(userData, 'pages'),
    preloadPath: '/app/preload.cjs',
    timers,
    discovery: { start: () => () => {} },
    log: {
      info: (m) => logged.push(m),
      warn: (m) => logged.push(m),
      error: (m) => logged.push(m),
    },
  });
  await vi.waitFor(() => expect(currentWindow().webContents.loads.length).toBeGreaterThan(0));
  return currentWindow();
}

const kiosk: StationConfig = { hubUrl: HUB, role: 'kiosk', token: 'kiosk-token' };
const loads = () => currentWindow().webContents.loads;

describe('one station per machine', () => {
  it('a second copy finds the lock taken, quits and opens nothing', async () => {
    fake.lock = false;
    startStation({
      pagesDir: userData,
      preloadPath: '/app/preload.cjs',
      timers,
      discovery: { start: () => () => {} },
      log: { info: () => {}, warn: () => {}, error: () => {} },
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.quits).toBe(1);
    expect(fake.windows).toEqual([]);
  });

  it('the first copy brings its window forward when a second one starts', async () => {
    const win = await start(kiosk);
    win.minimized = true;
    app.emit('second-instance');
    expect(win).toMatchObject({ restored: 1, focused: 1, minimized: false });
    expect(win.shown).toBeGreaterThanOrEqual(1);
  });
});

describe('first start', () => {
  it('without a saved setup, opens the setup page in an ordinary window', async () => {
    const win = await start();
    expect(loads()).toEqual([SETUP]);
    expect(win.options['kiosk']).toBeUndefined();
    expect(fake.awake.size).toBe(0);
    expect(await invokeAs(SETUP, LOCAL_CHANNELS.setupState)).toEqual({
      hubUrl: null,
      role: null,
      hasToken: false,
      problem: null,
    });
  });

  it('with a damaged setup file, opens setup and says why instead of crashing', async () => {
    await start('{"hubUrl": "http://192.168');
    expect(loads()).toEqual([SETUP]);
    expect(await invokeAs(SETUP, LOCAL_CHANNELS.setupState)).toMatchObject({ problem: 'corrupt' });
    expect(logged.join('\n')).toContain('corrupt');
  });

  it('prepares the local pages, the session and the menu', async () => {
    await start();
    expect(fake.privilegedSchemes).toEqual([
      { scheme: LOCAL_SCHEME, privileges: { standard: true, secure: true } },
    ]);
    expect(fake.protocolHandlers.has(LOCAL_SCHEME)).toBe(true);
    expect(fake.menu).toBeNull();
    const answers: boolean[] = [];
    fake.permissionRequest?.(null, 'media', (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
  });
});

describe('a set-up station', () => {
  it('opens its role’s hub page full-screen and keeps the screen awake', async () => {
    const win = await start(kiosk);
    expect(loads()).toEqual([`${HUB}/kiosk`]);
    expect(win.options).toMatchObject({ kiosk: true, fullscreen: true });
    expect([...fake.awake.values()]).toEqual(['prevent-display-sleep']);
  });

  it('a counter is an ordinary window and lets the screen sleep', async () => {
    const win = await start({ hubUrl: HUB, role: 'counter' });
    expect(loads()).toEqual([`${HUB}/counter`]);
    expect(win.options['kiosk']).toBeUndefined();
    expect(fake.awake.size).toBe(0);
  });

  it('a display hides the pointer on every page it shows', async () => {
    const win = await start({ hubUrl: HUB, role: 'display' });
    win.webContents.emit('dom-ready');
    expect(win.webContents.css).toEqual([HIDE_CURSOR_CSS]);
  });

  it('shows its window once the first frame is ready', async () => {
    const win = await start(kiosk);
    win.emit('ready-to-show');
    expect(win.shown).toBe(1);
  });

  it('guards every web contents: no other origin, no window.open', async () => {
    const win = await start(kiosk);
    // Electron 25+ puts the url on the event object itself.
    let prevented = false;
    win.webContents.emit('will-navigate', {
      url: 'https://example.com/',
      preventDefault: () => (prevented = true),
    });
    expect(prevented).toBe(true);
    expect(win.webContents.windowOpenHandler?.({ url: `${HUB}/kiosk` })).toEqual({
      action: 'deny',
    });
  });
});

describe('staying up', () => {
  it('reloads a crashed page after a short pause', async () => {
    const win = await start(kiosk);
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(win.webContents.reloads).toBe(0);
    await timers.advance(CRASH_RELOAD_DELAY_MS);
    expect(win.webContents.reloads).toBe(1);
  });

  it('does not reload after a clean exit', async () => {
    const win = await start(kiosk);
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    await timers.advance(CRASH_RELOAD_DELAY_MS);
    expect(win.webContents.reloads).toBe(0);
  });

  it('kills a page that stays hung, so that it is reloaded; spares one that recovers', async () => {
    const win = await start(kiosk);
    win.webContents.emit('unresponsive');
    await timers.advance(UNRESPONSIVE_GRACE_MS / 2);
    win.webContents.emit('responsive');
    await timers.advance(UNRESPONSIVE_GRACE_MS);
    expect(win.webContents.killed).toBe(0);
    win.webContents.emit('unresponsive');
    await timers.advance(UNRESPONSIVE_GRACE_MS);
    expect(win.webContents.killed).toBe(1);
  });

  it('a locked window refuses to close until the station quits', async () => {
    const win = await start(kiosk);
    expect(win.requestClose()).toBe(true);
    app.emit('before-quit');
    expect(win.requestClose()).toBe(false);
  });

  it('a counter window closes normally', async () => {
    const win = await start({ hubUrl: HUB, role: 'counter' });
    expect(win.requestClose()).toBe(false);
  });

  it('blocks keys that leave the app, and opens setup on the technician’s chord', async () => {
    const win = await start(kiosk);
    const press = (key: string, mods: Record<string, boolean> = {}) =>
      win.webContents.emitPreventable('before-input-event', {
        type: 'keyDown',
        key,
        control: false,
        alt: false,
        shift: false,
        meta: false,
        ...mods,
      });
    expect(press('F4', { alt: true })).toBe(true);
    expect(press('w', { control: true })).toBe(true);
    expect(press('a')).toBe(false);
    expect(press('S', { control: true, alt: true, shift: true })).toBe(true);
    expect(loads()).toEqual([SETUP]);
    expect(currentWindow()).not.toBe(win);
    expect(win.destroyed).toBe(true);
  });
});

describe('when the hub is down', () => {
  it('shows the offline page, retries with back-off and returns to the role page', async () => {
    const win = await start(kiosk);
    win.webContents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', `${HUB}/kiosk`, true);
    expect(loads()).toEqual([`${HUB}/kiosk`, OFFLINE]);

    await timers.advance(1_000);
    await timers.advance(2_000);
    expect(fake.fetched).toEqual([`${HUB}/api/v1/health`, `${HUB}/api/v1/health`]);
    expect(await invokeAs(OFFLINE, LOCAL_CHANNELS.offlineStatus)).toMatchObject({
      state: 'waiting',
      failures: 2,
    });

    fake.hubUp = true;
    await timers.advance(4_000);
    expect(loads()).toEqual([`${HUB}/kiosk`, OFFLINE, `${HUB}/kiosk`]);
    expect(currentWindow()).toBe(win);
  });

  it('"Try now" on the offline page tries at once', async () => {
    const win = await start(kiosk);
    win.webContents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', `${HUB}/kiosk`, true);
    fake.hubUp = true;
    await invokeAs(OFFLINE, LOCAL_CHANNELS.retryNow);
    await timers.advance(0);
    expect(loads().at(-1)).toBe(`${HUB}/kiosk`);
  });

  it('treats a 5xx answer for the page as down, and ignores aborted and subframe loads', async () => {
    const win = await start(kiosk);
    win.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', `${HUB}/kiosk`, true);
    win.webContents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', `${HUB}/x`, false);
    expect(loads()).toEqual([`${HUB}/kiosk`]);
    win.webContents.emit('did-navigate', {}, `${HUB}/kiosk`, 502);
    expect(loads()).toEqual([`${HUB}/kiosk`, OFFLINE]);
  });
});

describe('the bridge over IPC', () => {
  it('answers the hub’s pages with the role, the hub and the device token', async () => {
    await start(kiosk);
    const page = `${HUB}/kiosk`;
    expect(await invokeAs(page, BRIDGE_CHANNELS.role)).toBe('kiosk');
    expect(await invokeAs(page, BRIDGE_CHANNELS.hubUrl)).toBe(HUB);
    expect(await invokeAs(page, BRIDGE_CHANNELS.deviceToken)).toBe('kiosk-token');
  });

  it('refuses other origins everything, and never gives the token to a local page', async () => {
    await start(kiosk);
    await expect(invokeAs('https://example.com/', BRIDGE_CHANNELS.role)).rejects.toThrow(
      'not available',
    );
    await expect(
      invokeAs('http://192.168.1.11:8470/kiosk', BRIDGE_CHANNELS.deviceToken),
    ).rejects.toThrow();
    await expect(invokeAs(SETUP, BRIDGE_CHANNELS.deviceToken)).rejects.toThrow();
    await expect(invokeAs(`${HUB}/kiosk`, LOCAL_CHANNELS.setupState)).rejects.toThrow();
    await expect(invokeAs(`${HUB}/kiosk`, LOCAL_CHANNELS.quit)).rejects.toThrow();
  });

  it('appReady resets the back-off; openSetup shows setup, and Back returns', async () => {
    const win = await start(kiosk);
    await invokeAs(`${HUB}/kiosk`, BRIDGE_CHANNELS.appReady);
    await invokeAs(`${HUB}/kiosk`, BRIDGE_CHANNELS.openSetup);
    await timers.advance(0);
    expect(loads()).toEqual([SETUP]);
    expect(await invokeAs(SETUP, LOCAL_CHANNELS.setupState)).toEqual({
      hubUrl: HUB,
      role: 'kiosk',
      hasToken: true,
      problem: null,
    });
    await invokeAs(SETUP, LOCAL_CHANNELS.back);
    await timers.advance(0);
    expect(loads()).toEqual([`${HUB}/kiosk`]);
    expect(currentWindow()).not.toBe(win);
  });
});

describe('setup', () => {
  it('saves the setup atomically and opens the role’s page', async () => {
    const setupWindow = await start();
    const result = await invokeAs(SETUP, LOCAL_CHANNELS.save, {
      hubAddress: '192.168.1.10',
      role: 'display',
      token: ' display-token ',
    });
    expect(result).toEqual({ ok: true });
    expect(JSON.parse(await readFile(configPath(userData), 'utf8'))).toEqual({
      hubUrl: HUB,
      role: 'display',
      token: 'display-token',
    });
    await timers.advance(0);
    expect(loads()).toEqual([`${HUB}/display`]);
    expect(currentWindow().options).toMatchObject({ kiosk: true });
    expect(setupWindow.destroyed).toBe(true);
    expect([...fake.awake.values()]).toEqual(['prevent-display-sleep']);
  });

  it('keeps the saved token while the hub stays the same, and drops it for another hub', async () => {
    await start(kiosk);
    await invokeAs(`${HUB}/kiosk`, BRIDGE_CHANNELS.openSetup);
    await timers.advance(0);
    await invokeAs(SETUP, LOCAL_CHANNELS.save, { hubAddress: HUB, role: 'feedback', token: '' });
    expect(JSON.parse(await readFile(configPath(userData), 'utf8'))).toMatchObject({
      token: 'kiosk-token',
    });
    await timers.advance(0);
    await invokeAs(`${HUB}/display/feedback`, BRIDGE_CHANNELS.openSetup);
    await timers.advance(0);
    await invokeAs(SETUP, LOCAL_CHANNELS.save, {
      hubAddress: '10.0.0.9:8470',
      role: 'feedback',
      token: '',
    });
    expect(JSON.parse(await readFile(configPath(userData), 'utf8'))).toEqual({
      hubUrl: 'http://10.0.0.9:8470',
      role: 'feedback',
    });
  });

  it('refuses a bad address or role and keeps showing setup', async () => {
    await start();
    const save = (hubAddress: string, role: string) =>
      invokeAs(SETUP, LOCAL_CHANNELS.save, { hubAddress, role, token: '' });
    expect(await save('http://hub/kiosk', 'kiosk')).toEqual({ ok: false, error: 'bad-address' });
    expect(await save(HUB, 'console')).toEqual({ ok: false, error: 'bad-role' });
    await expect(invokeAs(SETUP, LOCAL_CHANNELS.save, 'not an object')).rejects.toThrow();
    await timers.advance(0);
    expect(loads()).toEqual([SETUP]);
  });

  it('checks the hub before saving', async () => {
    await start();
    expect(await invokeAs(SETUP, LOCAL_CHANNELS.check, '192.168.1.10')).toEqual({
      ok: false,
      error: 'unreachable',
      hubUrl: HUB,
    });
    fake.hubUp = true;
    expect(await invokeAs(SETUP, LOCAL_CHANNELS.check, '192.168.1.10')).toEqual({
      ok: true,
      hubUrl: HUB,
    });
    expect(await invokeAs(SETUP, LOCAL_CHANNELS.check, 'ftp://x')).toEqual({
      ok: false,
      error: 'bad-address',
    });
  });

  it('lists hubs found by mDNS', async () => {
    const found = { name: 'ODSC hub', host: 'hub.local', port: 8470, addresses: ['192.168.1.10'] };
    startStation({
      pagesDir: userData,
      preloadPath: '/app/preload.cjs',
      timers,
      discovery: {
        start: (onUp) => {
          onUp(found);
          return () => {};
        },
      },
      log: { info: () => {}, warn: () => {}, error: () => {} },
    });
    await vi.waitFor(() => expect(loads()).toEqual([SETUP]));
    const answer = invokeAs(SETUP, LOCAL_CHANNELS.discover);
    await timers.advance(5_000);
    expect(await answer).toEqual([{ name: 'ODSC hub', url: HUB }]);
  });

  it('Close the station quits', async () => {
    await start();
    await invokeAs(SETUP, LOCAL_CHANNELS.quit);
    await timers.advance(0);
    expect(fake.quits).toBe(1);
  });
});
