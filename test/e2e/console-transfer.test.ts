/**
 * The console's Export and import screen in Chromium, on a hub without
 * --demo: the manager downloads the centre's file, raises a fee in it (now
 * official, with its decree), picks it for import, reads the difference in
 * Lao and English, applies it, and the hub holds the new fee with its
 * history. A file too large or not JSON is refused on screen, changing nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium, requireBuiltApp, WEB_ROOT } from './browser.js';
import { ConsolePage } from './console-page.js';
import { hashAllTables, startHub, type TestHub } from '../harness.js';
import { addDevice } from '../../hub/src/devices/devices.js';
import { systemClock } from '../../hub/src/clock.js';
import { formatKip } from '../../shared/i18n/index.js';
import { KhiuConfigSchema, type KhiuConfig } from '../../shared/protocol.js';

const DECREE = {
  lo: 'ດຳລັດ ເລກທີ 125/ລບ ວ່າດ້ວຍຄ່າທຳນຽມ',
  en: 'Decree 125/PM on administrative fees',
  date: '2025-03-01',
};

describe('console: exporting and importing the configuration, in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let context: BrowserContext;
  let m: ConsolePage;
  const dir = mkdtempSync(join(tmpdir(), 'khiu-transfer-'));

  beforeAll(async () => {
    requireBuiltApp('console');
    hub = await startHub({ webRoot: WEB_ROOT, demo: false });
    browser = await launchChromium();
    const own = addDevice(hub.db, systemClock, 'console', 'Manager laptop');
    context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      acceptDownloads: true,
    });
    m = new ConsolePage(await context.newPage(), 'lo');
    await m.page.goto(`${hub.url}/console/?token=${own.token}`);
    await m.waitReady('login');
    await m.logIn('manager', '9999');
    await m.waitReady('app');
    await m.openSection('transfer');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function chooseFile(name: string, text: string) {
    const path = join(dir, name);
    writeFileSync(path, text);
    await m.page.locator('input[name="import.file"]').setInputFiles(path);
  }

  it('exports the file, imports it with a fee raised, shows the difference, and applies it', async () => {
    const [download] = await Promise.all([
      m.page.waitForEvent('download'),
      m.button('console.transfer.export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^khiu-config-chanthabouly-district-one-door-service-\d{4}-\d{2}-\d{2}\.json$/,
    );
    const exported = join(dir, download.suggestedFilename());
    await download.saveAs(exported);
    const file: KhiuConfig = KhiuConfigSchema.parse(JSON.parse(readFileSync(exported, 'utf8')));
    expect(await m.notice()).toContain(download.suggestedFilename());

    const birth = file.services.find((s) => s.id === 'birth-certificate');
    if (!birth) throw new Error('the demo centre has birth certificates');
    Object.assign(birth, { feeLak: 25_000, feeIsSample: false, feeRef: DECREE });
    const before = hashAllTables(hub.db);
    await chooseFile('edited.json', JSON.stringify(file, null, 2));

    const entry = m.page.getByTestId('diff-service-B');
    await entry.waitFor();
    expect(hashAllTables(hub.db)).toBe(before); // a preview changes nothing
    expect(await m.page.getByTestId('import-summary').textContent()).toBe(
      m.text('console.transfer.summary', { added: 0, changed: 1, removed: 0 }),
    );
    const fee = entry.locator('tr[data-field="feeLak"]');
    expect(await fee.locator('.diff__old').textContent()).toBe(formatKip(0, 'lo'));
    expect(await fee.locator('.diff__new').textContent()).toBe(formatKip(25_000, 'lo'));
    expect(await entry.locator('tr[data-field="feeRef"] .diff__new').textContent()).toBe(
      `${DECREE.lo}, ${DECREE.date}`,
    );
    await m.switchLang('en');
    expect(await fee.locator('th').textContent()).toBe(m.text('console.transfer.field.feeLak'));
    expect(await entry.locator('tr[data-field="feeRef"] .diff__new').textContent()).toBe(
      `${DECREE.en}, ${DECREE.date}`,
    );
    await m.switchLang('lo');
    await m.shotBoth('transfer');

    await m.button('console.transfer.apply').click();
    const result = m.page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.textContent()).toBe(
      m.text('console.transfer.lastImport', {
        file: 'edited.json',
        added: 0,
        changed: 1,
        removed: 0,
      }),
    );
    expect(await m.notice()).toBe(
      m.text('console.transfer.applied', { added: 0, changed: 1, removed: 0 }) +
        m.text('console.notice.dismiss'),
    );
    expect(
      hub.db
        .prepare("SELECT fee_lak, fee_ref_en FROM services WHERE id = 'birth-certificate'")
        .get(),
    ).toEqual({ fee_lak: 25_000, fee_ref_en: DECREE.en });
    const history = hub.db
      .prepare(
        `SELECT f.new_fee_lak, s.username FROM fee_history f JOIN staff s ON s.id = f.staff_id
         WHERE f.service_id = 'birth-certificate'`,
      )
      .all();
    expect(history).toEqual([{ new_fee_lak: 25_000, username: 'manager' }]);
    await m.shotBoth('transfer-done');
  });

  it('refuses a file that is not JSON, and one too large, in words, changing nothing', async () => {
    const before = hashAllTables(hub.db);
    await chooseFile('notes.json', 'these are not the settings');
    expect(await m.notice()).toContain(m.text('reason.config-file-not-json'));
    await chooseFile('huge.json', ' '.repeat(10 * 1024 * 1024));
    await expect
      .poll(async () => m.page.getByTestId('notice').textContent())
      .toContain(m.text('reason.config-file-too-large'));
    expect(await m.page.getByTestId('import-preview').count()).toBe(0);

    // A file with a wrong entry says which one, in the list under the cards.
    const { file } = {
      file: JSON.parse(readFileSync(join(dir, 'edited.json'), 'utf8')) as KhiuConfig,
    };
    const second = file.services[1];
    if (!second) throw new Error('the demo centre has many services');
    second.prefix = file.services[0]?.prefix ?? 'F';
    await chooseFile('duplicate.json', JSON.stringify(file));
    const errors = m.page.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toContain(
      `${m.text('console.transfer.entry.services', { n: 2 })} · ${m.text('console.transfer.field.prefix')}: ${m.text('field.duplicate')}`,
    );
    await m.shotBoth('transfer-errors');
    expect(hashAllTables(hub.db)).toBe(before);
  });
});
