/**
 * The National link in Chromium: a manager enrols the hub with the code the
 * ministry made on a real central (PostgreSQL started by the test), sees
 * the records go up and the national fee table come down, maps a service to
 * a national one and sees its local fee flagged; the kiosk then says
 * "official fee" with the ministry's legal reference for that service, and
 * the hall display cites it under the fee. A token the hub cannot open (a
 * database restored onto another machine) is said to need a new enrolment,
 * in Lao and English, and a new code mends it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, requireBuiltApp, SHOTS, WEB_ROOT } from './browser.js';
import { ConsolePage } from './console-page.js';
import { startHub, type TestHub } from '../harness.js';
import {
  recordShelf,
  startCentral,
  startPostgres,
  type TestCentral,
  type TestDatabase,
} from '../central-harness.js';
import { DEMO_CENTRES } from '../../central/src/demo-seed.js';
import { addDevice } from '../../hub/src/devices/devices.js';
import { systemClock } from '../../hub/src/clock.js';
import { t } from '../../shared/i18n/index.js';

describe('console: the national link, in Chromium', () => {
  let db: TestDatabase;
  let central: TestCentral;
  let hub: TestHub;
  let browser: Browser;
  let manager: ConsolePage;
  let code = '';
  let centreId = 0;
  const shelf = recordShelf(0);

  beforeAll(async () => {
    requireBuiltApp('console');
    requireBuiltApp('kiosk');
    db = await startPostgres();
    central = await startCentral(db.url);
    const input = DEMO_CENTRES[0];
    if (!input) throw new Error('a demo centre');
    const row = await central.central.centres.add(input);
    centreId = row.id;
    code = (await central.central.centres.makeCode(row.id)).code;
    await central.central.fees.save(
      {
        code: 'FB-ENTRY',
        effectiveOn: '2024-01-01',
        nameLo: 'ການແຈ້ງເຂົ້າປຶ້ມສຳມະໂນຄົວ',
        nameEn: 'Family book entry',
        feeLak: 12_000,
        refLo: 'ດຳລັດ ເລກທີ 003/ນຍ',
        refEn: 'Decree No. 003/PM',
      },
      null,
    );
    shelf.writeDays('2026-11-01', 3);
    hub = await startHub({ webRoot: WEB_ROOT, demo: false, dailyRecords: shelf.source });
    browser = await launchChromium();
    const own = addDevice(hub.db, systemClock, 'console', 'Manager laptop');
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    manager = new ConsolePage(await context.newPage(), 'lo');
    manager.page.setDefaultTimeout(8_000);
    await manager.page.goto(`${hub.url}/console/?token=${own.token}`);
    await manager.waitReady('login');
    await manager.logIn('manager', '9999');
    await manager.waitReady('app');
    await manager.openSection('national');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    await central?.close();
    await db?.stop();
  });

  it('refuses a wrong code at its field, then enrols and sends the waiting records', async () => {
    await manager.fill({ url: central.url, code: 'AAAA-AAAA' });
    await manager.button('console.central.enrol').click();
    await expect.poll(() => manager.fieldError('code')).toBe(t('lo', 'field.central-code-refused'));
    await manager.fill({ code });
    await manager.button('console.central.enrol').click();
    await manager.page
      .getByText(DEMO_CENTRES[0]?.code ?? '-')
      .first()
      .waitFor();
    await manager.button('console.central.syncNow').click();
    await expect.poll(() => manager.page.getByTestId('central-waiting').textContent()).toBe('0');
    expect(await manager.page.getByTestId('central-last-push').textContent()).not.toBe(
      t('lo', 'console.central.never'),
    );
    const stored = await central.pool.query('SELECT day FROM daily_records ORDER BY day');
    expect(stored.rows.map((r: { day: string }) => r.day)).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
    ]);
  });

  it('shows a record central refused, with its reason in Lao', async () => {
    const good = JSON.parse(shelf.rows[0]?.record ?? '{}') as Record<string, unknown>;
    shelf.rows.push({
      day: '2026-11-04',
      version: 1,
      record: JSON.stringify({ ...good, day: '2026-11-04', arrivalsByHour: [] }),
    });
    await manager.button('console.central.syncNow').click();
    const card = manager.page.getByTestId('central-refused');
    await card.waitFor();
    // Central's reason in the console's Lao, from its code (its English stays in the log).
    const said = t('lo', 'console.central.refusal.schema-mismatch', {
      day: '2026-11-04',
      schema: 'khiu-daily-record',
      version: 1,
      fields: 'arrivalsByHour',
    });
    await expect.poll(() => card.textContent()).toContain(`2026-11-04: ${said}`);
    expect(await card.textContent()).not.toMatch(/does not match/);
    await manager.page.screenshot({ path: join(SHOTS, 'console-national-refused-lo.png') });
  });

  it('maps a service to the national table, flags its local fee, and the kiosk shows the official fee', async () => {
    const row = manager.page.getByTestId('central-map-family-book-entry');
    await manager.field('central.map.family-book-entry').selectOption('FB-ENTRY');
    await expect.poll(() => row.getAttribute('data-differs')).toBe('true');
    await row.getByText(t('lo', 'console.central.differs')).waitFor();
    // The local fee is a demo's sample fee, and says so, as on the services list.
    await row.locator('.mark--sample').getByText(t('lo', 'console.sample')).waitFor();
    await manager.shotBoth('national-link');

    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    kiosk.setDefaultTimeout(8_000);
    const device = addDevice(hub.db, systemClock, 'kiosk', 'Kiosk by the door');
    await kiosk.goto(`${hub.url}/kiosk/?token=${device.token}`);
    await kiosk.locator('.kiosk[data-ready="true"]').waitFor();
    await kiosk.getByRole('button', { name: 'English', exact: true }).click();
    await kiosk
      .getByRole('button', { name: /Family book entry|family book/i })
      .first()
      .click();
    await kiosk.getByText(t('en', 'kiosk.officialFee')).first().waitFor();
    await kiosk
      .getByText(/12,000 kip/)
      .first()
      .waitFor();
    await kiosk
      .getByText(/Decree No\. 003\/PM/)
      .first()
      .waitFor();
    await kiosk.screenshot({ path: join(SHOTS, 'kiosk-national-fee-en.png') });

    // The hall display cites the decree under the official fee.
    const tv = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    tv.setDefaultTimeout(8_000);
    const screen = addDevice(hub.db, systemClock, 'display', 'Hall TV');
    await tv.goto(`${hub.url}/display/?token=${screen.token}`);
    const refEn = tv.getByTestId('service-family-book-entry').getByTestId('fee-ref-en');
    await expect.poll(() => refEn.textContent()).toBe('Decree No. 003/PM');
    await tv.screenshot({ path: join(SHOTS, 'display-national-fee.png') });
  });

  it('says the centre must enrol again when its token cannot be opened, and a new code mends it', async () => {
    // What a database restored onto another machine holds: a token this machine's key cannot open.
    hub.db
      .prepare(
        `UPDATE central_link SET token = 'sealed:v1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:AAAA'`,
      )
      .run();
    await manager.openSection('devices');
    await manager.openSection('national');
    const warning = manager.page.getByTestId('central-enrol-again');
    await expect.poll(() => warning.textContent()).toBe(t('lo', 'console.central.enrolAgain'));
    expect(await manager.button('console.central.syncNow').count()).toBe(0);
    await manager.switchLang('en');
    await expect.poll(() => warning.textContent()).toBe(t('en', 'console.central.enrolAgain'));
    await manager.switchLang('lo');
    await manager.shotBoth('national-enrol-again');

    const again = await central.central.centres.makeCode(centreId);
    shelf.write('2026-11-05');
    await manager.fill({ url: central.url, code: again.code });
    await manager.button('console.central.enrol').click();
    await warning.waitFor({ state: 'detached' });
    await manager.button('console.central.syncNow').click();
    await expect.poll(() => manager.page.getByTestId('central-waiting').textContent()).toBe('0');
    const stored = await central.pool.query<{ day: string }>(
      `SELECT day FROM daily_records WHERE day = '2026-11-05'`,
    );
    expect(stored.rows).toHaveLength(1);
  });
});
