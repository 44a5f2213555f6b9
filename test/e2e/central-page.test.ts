/**
 * The ministry's national page in Chromium, over a real central on a real
 * PostgreSQL: staff log in, see five centres side by side and by province
 * with a year of records pushed through the hubs' HTTP path, the quiet
 * centre flagged, month by month, in Lao and in English; the downloads are
 * real CSV and XLSX; the fee table takes a CSV import and names a bad line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { launchChromium, SHOTS } from './browser.js';
import {
  startCentral,
  startPostgres,
  type TestCentral,
  type TestDatabase,
} from '../central-harness.js';
import { seedDemo } from '../../central/src/demo-seed.js';
import { todayAt } from '../../central/src/days.js';
import { t } from '../../shared/i18n/index.js';

describe('the national page, in Chromium', () => {
  let db: TestDatabase;
  let central: TestCentral;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    db = await startPostgres();
    central = await startCentral(db.url);
    await seedDemo(central.central, todayAt(Date.now()), 120);
    await central.central.staff.add('moha', 'MOHA analyst', 'a-long-password');
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    page.setDefaultTimeout(8_000);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await central?.close();
    await db?.stop();
  });

  it('asks for a log-in, refuses a wrong password, and shows the centres in Lao', async () => {
    await page.goto(`${central.url}/`);
    await page.getByRole('heading', { level: 2, name: t('lo', 'central.login.title') }).waitFor();
    await page.getByLabel(t('lo', 'central.login.username')).fill('moha');
    await page.getByLabel(t('lo', 'central.login.password')).fill('wrong-password');
    await page.getByRole('button', { name: t('lo', 'central.login.submit') }).click();
    await page.getByText(t('lo', 'central.login.wrong')).waitFor();
    await page.getByLabel(t('lo', 'central.login.username')).fill('moha');
    await page.getByLabel(t('lo', 'central.login.password')).fill('a-long-password');
    await page.getByRole('button', { name: t('lo', 'central.login.submit') }).click();
    await page.getByRole('heading', { level: 2, name: t('lo', 'central.byCentre') }).waitFor();
    expect(await page.locator('#centres tr[data-centre]').count()).toBe(5);
    expect(await page.locator('#provinces tr[data-province]').count()).toBe(4);
    // The fifth demo centre stopped reporting 5 days ago.
    await expect.poll(() => page.locator('#silent tr[data-silent]').count()).toBe(1);
    expect(await page.locator('#silent').textContent()).toContain('ປາກເຊ');
    expect(await page.locator('#months tr').count()).toBeGreaterThan(3);
    await page.screenshot({ path: join(SHOTS, 'central-national-lo.png'), fullPage: true });
  });

  it('reads the same in English, and downloads CSV and XLSX of what it shows', async () => {
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: t('en', 'central.byCentre') }).waitFor();
    expect(await page.locator('#centres').textContent()).toContain('Sisattanak District ODSC');
    await page.screenshot({ path: join(SHOTS, 'central-national-en.png'), fullPage: true });

    const cookie = (await page.context().cookies())[0];
    const headers = { cookie: `${cookie?.name}=${cookie?.value}` };
    const csv = await fetch(`${central.url}/national.csv?lang=en`, { headers });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toContain('Median wait (min)');
    const xlsx = await fetch(`${central.url}/national.xlsx?lang=lo`, { headers });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual([
      t('lo', 'central.byCentre'),
      t('lo', 'central.byProvince'),
      t('lo', 'central.monthly'),
    ]);
    expect(book.worksheets[0]?.rowCount).toBe(6);
  });

  it('imports a fee table from CSV, and names the bad line of one it refuses', async () => {
    await page.goto(`${central.url}/fees?lang=en`);
    const form = page.locator('#fee-import');
    await form
      .locator('textarea')
      .fill(
        'code,effective_on,name_lo,name_en,fee_lak,ref_lo,ref_en\nLAND-TITLE,2027-01-01,ໃບຕາດິນ,Land title,abc,ດຳລັດ 1,Decree 1\n',
      );
    await form.getByRole('button').click();
    await page.getByText('Lines with a problem: 2 (feeLak)').waitFor();
    await page
      .locator('#fee-import textarea')
      .fill(
        'code,effective_on,name_lo,name_en,fee_lak,ref_lo,ref_en\nLAND-TITLE,2027-01-01,ໃບຕາດິນ,Land title,50000,ດຳລັດ 1,Decree 1\n',
      );
    await page.locator('#fee-import').getByRole('button').click();
    await page.getByText(t('en', 'central.fees.imported', { rows: 1, version: 2 })).waitFor();
    expect(await page.locator('tr[data-fee="LAND-TITLE/2027-01-01"]').textContent()).toContain(
      t('en', 'central.fees.future'),
    );
    await page.screenshot({ path: join(SHOTS, 'central-fees-en.png'), fullPage: true });
  });

  it('tells a wrong fee field beside it, keeps what was typed, and saves nothing until it is right', async () => {
    await page.goto(`${central.url}/fees?lang=lo`);
    const form = page.locator('#fee-edit');
    const fill = async (code: string) => {
      await form.locator('[name="code"]').fill(code);
      await form.locator('[name="nameLo"]').fill('ໃບອະນຸຍາດກໍ່ສ້າງ');
      await form.locator('[name="nameEn"]').fill('Building permit');
      await form.locator('[name="feeLak"]').fill('80000');
      await form.locator('[name="refLo"]').fill('ດຳລັດ 21');
      await form.locator('[name="refEn"]').fill('Decree 21');
      await form.getByRole('button').click();
    };
    const before = (await central.central.fees.table()).version;
    await fill('building permit');
    const error = page.locator('#fee-edit [data-field-error="code"]');
    await error.waitFor();
    expect(await error.textContent()).toBe(t('lo', 'central.fees.wrong.code'));
    expect(await page.locator('#fee-edit [data-field-error]').count()).toBe(1);
    expect(await page.locator('#fee-edit [name="nameEn"]').inputValue()).toBe('Building permit');
    await page.screenshot({ path: join(SHOTS, 'central-fee-error-lo.png'), fullPage: true });
    expect((await central.central.fees.table()).version).toBe(before);
    await fill('BUILD-PERMIT');
    await page.locator('tr[data-fee^="BUILD-PERMIT/"]').waitFor();
    expect((await central.central.fees.table()).version).toBe(before + 1);
  });
});
