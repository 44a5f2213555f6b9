import { describe, expect, it } from 'vitest';
import { STATION_ROLES } from '../shared/station-bridge.js';
import { ROLE_PROFILES, profileOf } from './role-profile.js';
import { hubPageUrl } from './role-routing.js';

describe('hubPageUrl', () => {
  it.each([
    ['kiosk', 'http://192.168.1.10:8470/kiosk'],
    ['counter', 'http://192.168.1.10:8470/counter'],
    ['display', 'http://192.168.1.10:8470/display'],
    ['feedback', 'http://192.168.1.10:8470/display/feedback'],
  ] as const)('sends a %s to %s', (role, url) => {
    expect(hubPageUrl('http://192.168.1.10:8470', role)).toBe(url);
  });

  it('keeps the hub’s scheme, host and port', () => {
    expect(hubPageUrl('https://hub.local:9443', 'kiosk')).toBe('https://hub.local:9443/kiosk');
  });

  it('every role’s page is on the hub’s origin', () => {
    for (const role of STATION_ROLES) {
      expect(new URL(hubPageUrl('http://10.1.1.1:8470', role)).origin).toBe('http://10.1.1.1:8470');
    }
  });
});

describe('role profiles', () => {
  it('locks and keeps awake what citizens face; leaves the counter an ordinary window', () => {
    expect(ROLE_PROFILES.kiosk).toMatchObject({ locked: true, keepAwake: true });
    expect(ROLE_PROFILES.display).toMatchObject({ locked: true, keepAwake: true });
    expect(ROLE_PROFILES.feedback).toMatchObject({ locked: true, keepAwake: true });
    expect(ROLE_PROFILES.counter).toMatchObject({ locked: false, keepAwake: false });
  });

  it('hides the pointer and allows sound without a touch only on the display', () => {
    for (const role of STATION_ROLES) {
      expect(ROLE_PROFILES[role].hideCursor).toBe(role === 'display');
      expect(ROLE_PROFILES[role].autoplay).toBe(role === 'display');
    }
  });

  it('gives the setup screen (no role yet) an ordinary window', () => {
    expect(profileOf(null)).toEqual({
      locked: false,
      keepAwake: false,
      hideCursor: false,
      autoplay: false,
    });
  });
});
