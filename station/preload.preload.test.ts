import { afterEach, describe, expect, it, vi } from 'vitest';
import { getBridge } from '../shared/station-bridge.js';
import type * as FakeElectronModule from './fake-electron.js';
import { BRIDGE_CHANNELS, LOCAL_CHANNELS } from './ipc.js';
import { localPageUrl } from './local-pages.js';

vi.mock('electron', () => import('./fake-electron.js'));

type FakeElectron = typeof FakeElectronModule;

/**
 * Runs the preload as Electron would, in a page at `url`. The module registry
 * is reset so that it runs again; 'electron' is then the fake it talked to.
 */
async function preloadIn(url: string): Promise<FakeElectron> {
  Reflect.set(globalThis, 'location', new URL(url));
  vi.resetModules();
  const electron = (await import('electron')) as unknown as FakeElectron;
  electron.resetFake('');
  await import('./preload.preload.js');
  return electron;
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'location');
  Reflect.deleteProperty(globalThis, 'khiu');
});

describe('the preload', () => {
  it('gives a hub page the bridge and nothing else', async () => {
    const { exposed } = await preloadIn('http://192.168.1.10:8470/kiosk');
    expect([...exposed.keys()]).toEqual(['khiu']);
    expect(Object.keys(exposed.get('khiu') ?? {}).sort()).toEqual(
      ['appReady', 'deviceToken', 'hubUrl', 'kind', 'openSetup', 'role'].sort(),
    );
    expect(exposed.get('khiu')?.['kind']).toBe('station');
  });

  it('turns each bridge method into one invoke on its named channel', async () => {
    const { exposed, invoked } = await preloadIn('http://192.168.1.10:8470/kiosk');
    const bridge = exposed.get('khiu') ?? {};
    for (const [method, channel] of Object.entries(BRIDGE_CHANNELS)) {
      const call = bridge[method];
      expect(typeof call).toBe('function');
      if (typeof call === 'function') expect(await call()).toBe(`answer from ${channel}`);
    }
    expect(invoked.map((i) => i.channel)).toEqual(Object.values(BRIDGE_CHANNELS));
  });

  it('is what getBridge() hands the apps in a station', async () => {
    const { exposed } = await preloadIn('http://192.168.1.10:8470/display');
    Reflect.set(globalThis, 'khiu', exposed.get('khiu'));
    expect(getBridge().kind).toBe('station');
  });

  it('gives the station’s own pages the local API as well', async () => {
    const { exposed, invoked } = await preloadIn(localPageUrl('setup'));
    expect([...exposed.keys()].sort()).toEqual(['khiu', 'khiuLocal']);
    const local = exposed.get('khiuLocal') ?? {};
    expect(Object.keys(local).sort()).toEqual(Object.keys(LOCAL_CHANNELS).sort());
    const save = local['save'];
    if (typeof save === 'function') await save({ hubAddress: 'h', role: 'kiosk', token: '' });
    expect(invoked).toEqual([
      { channel: LOCAL_CHANNELS.save, args: [{ hubAddress: 'h', role: 'kiosk', token: '' }] },
    ]);
  });
});
