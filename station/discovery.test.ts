import { describe, expect, it } from 'vitest';
import {
  discoverHubs,
  hubFromService,
  DISCOVERY_WINDOW_MS,
  type MdnsBrowser,
  type MdnsService,
} from './discovery.js';
import { createFakeTimers } from './fake-timers.js';

const service = (over: Partial<MdnsService> = {}): MdnsService => ({
  name: 'Khiu hub',
  host: 'odsc-hub.local',
  port: 8470,
  addresses: ['192.168.1.10'],
  ...over,
});

/** A browser that answers with the given services, some of them late. */
function fakeBrowser(
  answers: { afterMs: number; service: MdnsService }[],
  timers = createFakeTimers(),
) {
  const state = { started: 0, stopped: 0 };
  const browser: MdnsBrowser = {
    start(onUp) {
      state.started += 1;
      let live = true;
      for (const { afterMs, service: s } of answers) {
        timers.setTimeout(() => live && onUp(s), afterMs);
      }
      return () => {
        live = false;
        state.stopped += 1;
      };
    },
  };
  return { browser, timers, state };
}

describe('hubFromService', () => {
  it('prefers the URL the hub advertises in TXT', () => {
    const hub = hubFromService(service({ txt: { url: 'http://10.0.0.2:8470', protocol: '1' } }));
    expect(hub).toEqual({ name: 'Khiu hub', url: 'http://10.0.0.2:8470' });
  });

  it('falls back to the first usable IPv4 address and the advertised port', () => {
    const hub = hubFromService(
      service({ addresses: ['fe80::1', '169.254.3.4', '192.168.1.10'], port: 9000 }),
    );
    expect(hub?.url).toBe('http://192.168.1.10:9000');
  });

  it('falls back to the host name when there is no IPv4 address', () => {
    expect(hubFromService(service({ addresses: ['fe80::1'] }))?.url).toBe(
      'http://odsc-hub.local:8470',
    );
  });

  it('ignores a TXT url that is not a hub origin', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'http://10.0.0.2/kiosk', 42]) {
      expect(hubFromService(service({ txt: { url } }))?.url).toBe('http://192.168.1.10:8470');
    }
  });

  it('names an unnamed service by its host', () => {
    expect(hubFromService(service({ name: '  ' }))?.name).toBe('odsc-hub.local');
  });
});

describe('discoverHubs', () => {
  it('collects every hub heard within the window, once each, sorted by name', async () => {
    const { browser, timers, state } = fakeBrowser([
      { afterMs: 100, service: service({ name: 'Xaysetha ODSC', addresses: ['192.168.1.20'] }) },
      {
        afterMs: 200,
        service: service({ name: 'Chanthabouly ODSC', addresses: ['192.168.1.10'] }),
      },
      {
        afterMs: 300,
        service: service({ name: 'Chanthabouly ODSC', addresses: ['192.168.1.10'] }),
      },
      {
        afterMs: DISCOVERY_WINDOW_MS + 500,
        service: service({ name: 'Too late', addresses: ['192.168.1.30'] }),
      },
    ]);
    const found = discoverHubs(browser, timers);
    await timers.advance(DISCOVERY_WINDOW_MS + 1_000);
    expect(await found).toEqual([
      { name: 'Chanthabouly ODSC', url: 'http://192.168.1.10:8470' },
      { name: 'Xaysetha ODSC', url: 'http://192.168.1.20:8470' },
    ]);
    expect(state).toEqual({ started: 1, stopped: 1 });
  });

  it('answers an empty list when nobody answers, and still stops browsing', async () => {
    const { browser, timers, state } = fakeBrowser([]);
    const found = discoverHubs(browser, timers);
    await timers.advance(DISCOVERY_WINDOW_MS);
    expect(await found).toEqual([]);
    expect(state.stopped).toBe(1);
  });
});
