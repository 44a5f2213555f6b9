/** What `npm start` and `npm run hub` print: the apps, and how a phone reaches a demo. */
import { describe, expect, it } from 'vitest';
import { startBanner, type BannerInput } from '../../hub/src/start-banner.js';

const base: BannerInput = {
  url: 'http://127.0.0.1:8470',
  host: '127.0.0.1',
  demo: true,
  publicUrl: undefined,
  lanAddress: '192.168.1.23',
  apps: [
    { name: 'kiosk', built: true },
    { name: 'counter', built: false },
  ],
  dbFile: '/srv/khiu.sqlite',
  flags: ['--demo'],
};

describe('the start banner', () => {
  it('tells a loopback demo how to open it to phones, with the LAN address', () => {
    const text = startBanner(base);
    expect(text).toContain('  kiosk    http://127.0.0.1:8470/kiosk\n');
    expect(text).toContain('  counter  http://127.0.0.1:8470/counter   (not built yet)\n');
    expect(text).toContain('  book     http://127.0.0.1:8470/book\n');
    expect(text).toContain('  npm start -- --host 0.0.0.0\n');
    expect(text).toContain('QR codes then point at http://192.168.1.23:8470');
  });

  it('keeps the flags it was started with in the restart it suggests, quoted where a shell needs it', () => {
    const flags = [
      '--demo',
      '--port',
      '8583',
      '--data-dir',
      './data-walk',
      '--printer',
      'tcp://127.0.0.1:9187',
    ];
    expect(startBanner({ ...base, url: 'http://127.0.0.1:8583', flags })).toContain(
      '  npm start -- --host 0.0.0.0 --port 8583 --data-dir ./data-walk --printer tcp://127.0.0.1:9187\n',
    );
    expect(
      startBanner({ ...base, flags: ['--host=127.0.0.1', '--data-dir', "/srv/Khiu's data"] }),
    ).toContain(`  npm start -- --host 0.0.0.0 --data-dir '/srv/Khiu'\\''s data'\n`);
  });

  it('says to join the Wi-Fi first when the machine has no LAN address', () => {
    const text = startBanner({ ...base, lanAddress: null, url: 'http://127.0.0.1:9000' });
    expect(text).toContain('  npm start -- --host 0.0.0.0 --port 9000\n');
    expect(text).toContain('no LAN address now');
    expect(text).not.toContain('QR codes then point');
  });

  it('on every interface: phones at the LAN address, the no-pairing roles on loopback', () => {
    const text = startBanner({ ...base, host: '0.0.0.0', url: 'http://192.168.1.23:8470' });
    expect(text).toMatch(/^Khiu hub listening on http:\/\/192\.168\.1\.23:8470 /);
    expect(text).toContain('  kiosk    http://127.0.0.1:8470/kiosk\n');
    expect(text).toContain('Phones on the same Wi-Fi open http://192.168.1.23:8470/t/…');
    expect(text).toContain('  book     http://192.168.1.23:8470/book\n');
    expect(text).not.toContain('--host 0.0.0.0');
  });

  it('puts phones on --public-url when it is given', () => {
    const text = startBanner({
      ...base,
      host: '0.0.0.0',
      url: 'http://192.168.1.23:8470',
      publicUrl: 'http://khiu.lan:8470',
    });
    expect(text).toContain('Phones on the same Wi-Fi open http://khiu.lan:8470/t/…');
    expect(text).toContain('  book     http://khiu.lan:8470/book\n');
  });

  it('prints no demo advice for a real centre, and its apps at the address it listens on', () => {
    const text = startBanner({
      ...base,
      demo: false,
      host: '0.0.0.0',
      url: 'http://192.168.1.23:8470',
    });
    expect(text).toContain('  kiosk    http://192.168.1.23:8470/kiosk\n');
    expect(text).not.toMatch(/Phones|demo mode/);
  });
});
