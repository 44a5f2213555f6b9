import { afterEach, describe, expect, it } from 'vitest';
import { browserBridge, getBridge, type StationBridge } from '../shared/station-bridge.js';

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'khiu');
  Reflect.deleteProperty(globalThis, 'location');
});

const stationBridge = {
  kind: 'station',
  role: async () => 'kiosk',
  hubUrl: async () => 'http://192.168.1.10:8470',
  deviceToken: async () => 'token',
  openSetup: async () => {},
  appReady: async () => {},
} satisfies StationBridge;

describe('getBridge', () => {
  it('answers the browser bridge where no preload ran', () => {
    expect(getBridge()).toBe(browserBridge);
  });

  it('answers the station bridge the preload exposed', () => {
    Reflect.set(globalThis, 'khiu', stationBridge);
    expect(getBridge()).toBe(stationBridge);
  });

  it('ignores a global that is not a station bridge', () => {
    for (const value of [
      { kind: 'station' },
      { ...stationBridge, kind: 'browser' },
      'khiu',
      null,
    ]) {
      Reflect.set(globalThis, 'khiu', value);
      expect(getBridge()).toBe(browserBridge);
    }
  });
});

describe('browserBridge', () => {
  it('has no role, token or setup; its hub is the page’s own origin', async () => {
    Reflect.set(globalThis, 'location', { origin: 'http://192.168.1.10:8470' });
    expect(browserBridge.kind).toBe('browser');
    expect(await browserBridge.role()).toBeNull();
    expect(await browserBridge.deviceToken()).toBeNull();
    expect(await browserBridge.hubUrl()).toBe('http://192.168.1.10:8470');
    await expect(browserBridge.openSetup()).resolves.toBeUndefined();
    await expect(browserBridge.appReady()).resolves.toBeUndefined();
  });

  it('answers no hub outside a page, or on an opaque origin', async () => {
    expect(await browserBridge.hubUrl()).toBeNull();
    Reflect.set(globalThis, 'location', { origin: 'null' });
    expect(await browserBridge.hubUrl()).toBeNull();
  });
});
