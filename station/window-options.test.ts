import { describe, expect, it } from 'vitest';
import { STATION_ROLES, type StationRole } from '../shared/station-bridge.js';
import { windowOptions } from './window-options.js';

const PRELOAD = '/opt/Khiu/resources/app.asar/preload.cjs';
const EVERY_WINDOW: (StationRole | null)[] = [...STATION_ROLES, null];

describe('windowOptions', () => {
  it.each(EVERY_WINDOW)('holds the security flags for %s', (role) => {
    const { webPreferences } = windowOptions(role, PRELOAD);
    expect(webPreferences).toMatchObject({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it.each(['kiosk', 'display', 'feedback'] as const)(
    'makes %s a full-screen kiosk without dev tools',
    (role) => {
      const options = windowOptions(role, PRELOAD);
      expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false });
      expect(options.webPreferences?.devTools).toBe(false);
    },
  );

  it.each(['counter', null] as const)('gives %s an ordinary window', (role) => {
    const options = windowOptions(role, PRELOAD);
    expect(options.kiosk).toBeUndefined();
    expect(options.fullscreen).toBeUndefined();
    expect(options.width).toBeGreaterThan(0);
  });

  it('lets only the display play sound before anyone touches it', () => {
    expect(windowOptions('display', PRELOAD).webPreferences?.autoplayPolicy).toBe(
      'no-user-gesture-required',
    );
    for (const role of ['kiosk', 'counter', 'feedback', null] as const) {
      expect(windowOptions(role, PRELOAD).webPreferences?.autoplayPolicy).toBe(
        'document-user-activation-required',
      );
    }
  });

  it('opens hidden, to be shown when the first frame is ready', () => {
    for (const role of EVERY_WINDOW) expect(windowOptions(role, PRELOAD).show).toBe(false);
  });
});
