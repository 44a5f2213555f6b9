/**
 * Reports in Chromium: a supervisor opens the Reports screen on a hub with
 * three weeks of history and then a day whose figures were worked out by
 * hand (test/reports/known-day.ts). The table shows exactly those figures;
 * the CSV and XLSX downloaded from the page parse to the same numbers; the
 * daily records downloaded from the page validate against the published
 * JSON Schema (docs/schemas/daily-record.v1.json). Screenshots:
 * console-reports-{lo,en}.png (the table), -charts- and -feedback- (further
 * down the screen), console-reports-print-{lo,en}.png (its A4 print).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import type { Browser, BrowserContext, Download } from 'playwright-core';
import { launchChromium, requireBuiltApp, SHOTS, WEB_ROOT } from './browser.js';
import { ConsolePage } from './console-page.js';
import { DAY_TOTAL, FBE, KNOWN_DAY, runKnownDay, type KnownDay } from '../reports/known-day.js';
import { byLabel, parseCsv, readXlsx } from '../reports/read-files.js';
import { hashAllTables } from '../harness.js';
import { seedHistory } from '../../hub/src/demo/history.js';
import { BOOKING_COLUMNS, FIGURE_COLUMNS } from '../../shared/domain/report-columns.js';
import { dayText } from '../../shared/i18n/day-text.js';
import { t } from '../../shared/i18n/index.js';
import type { MessageKey } from '../../shared/i18n/en.js';
import type { DailyRecord } from '../../shared/protocol.js';

describe('console: reports, in Chromium', { timeout: 120_000 }, () => {
  let day: KnownDay;
  let browser: Browser;
  let context: BrowserContext;
  let m: ConsolePage;

  beforeAll(async () => {
    requireBuiltApp('console');
    day = await runKnownDay({
      roll: true,
      webRoot: WEB_ROOT,
      before: (hub) => seedHistory(hub.db, { days: 15, perDay: 300, lastDay: '2026-11-23' }),
    });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    m = new ConsolePage(await context.newPage(), 'lo');
    await m.page.goto(`${day.t.url}/console/`);
    await m.waitReady('login');
    await m.logIn('supervisor', '5555');
    await m.waitReady('app');
    await m.openSection('reports');
    await m.page.getByTestId('report-table').waitFor();
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await day?.t.close();
  });

  const cell = (row: string, col: MessageKey) =>
    m.page.getByTestId(`report-row-${row}`).locator(`[data-col="${col}"]`).textContent();

  async function showKnownDay() {
    await m.fill({ 'range.from': KNOWN_DAY, 'range.to': KNOWN_DAY });
    await m.field('groupBy').selectOption('service');
    await m.button('console.reports.run').click();
    await expect
      .poll(() => m.page.getByTestId('report-period').textContent())
      .toContain(`${dayText(KNOWN_DAY)} `);
  }

  async function downloaded(button: MessageKey): Promise<Download> {
    const [file] = await Promise.all([m.page.waitForEvent('download'), m.button(button).click()]);
    return file;
  }
  const bytesOf = async (file: Download) => readFileSync(await file.path());

  it('shows the known day exactly as worked out by hand', async () => {
    await showKnownDay();
    const total = 'total';
    expect(await cell(total, 'report.col.issued')).toBe(String(DAY_TOTAL.issued));
    expect(await cell(total, 'report.col.served')).toBe('3');
    expect(await cell(total, 'report.col.no_show')).toBe('1');
    expect(await cell(total, 'report.col.cancelled')).toBe('1');
    expect(await cell(total, 'report.col.transferred')).toBe('1');
    expect(await cell(total, 'report.col.expired')).toBe('1');
    // Waits 7, 7, 8, 10 and 15 min; services 3, 7 and 10 min (known-day.ts).
    expect(await cell(total, 'console.reports.waitMean')).toBe('9:24');
    expect(await cell(total, 'console.reports.waitMedian')).toBe('8:00');
    expect(await cell(total, 'console.reports.waitP90')).toBe('15:00');
    expect(await cell(total, 'console.reports.serviceMean')).toBe('6:40');
    expect(await cell(total, 'console.reports.serviceMedian')).toBe('7:00');
    expect(await cell(total, 'console.reports.serviceP90')).toBe('10:00');
    expect(await cell(total, 'console.reports.withinTargetShort')).toBe('60.0%');
    expect(await cell(FBE, 'console.reports.withinTargetShort')).toBe('75.0%');
    expect(await m.page.getByTestId('pay-more-total').textContent()).toBe('33.3%');
    const comments = m.page.getByTestId('report-comments');
    expect(await comments.textContent()).toContain('Asked for 20,000 kip extra');
  });

  it('downloads CSV and XLSX from the page that parse to the same numbers', async () => {
    await showKnownDay();
    const csv = byLabel(
      parseCsv((await bytesOf(await downloaded('console.reports.downloadCsv'))).toString('utf8')),
    );
    const xlsxBytes = await bytesOf(await downloaded('console.reports.downloadXlsx'));
    const [sheet] = await readXlsx(new Uint8Array(xlsxBytes).buffer);
    const xlsx = byLabel(sheet?.rows ?? []);
    const label = (key: MessageKey) => t('lo', key);
    const expected: Record<string, number | null> = {
      issued: 6,
      served: 3,
      wait_mean_s: 564,
      wait_median_s: 480,
      wait_p90_s: 900,
      service_mean_s: 400,
      service_median_s: 420,
      service_p90_s: 600,
      within_target_share: 0.6,
      pay_more_share: 1 / 3,
      feedback_responses: 3,
    };
    for (const table of [csv, xlsx]) {
      const total = table.get(label('report.key.total'));
      for (const [id, value] of Object.entries(expected)) {
        expect(total?.get(label(`report.col.${id}` as MessageKey)), id).toBe(value);
      }
      expect(total?.size).toBe(FIGURE_COLUMNS.length + BOOKING_COLUMNS.length);
    }
  });

  it('downloads the daily records, which validate against the published schema', async () => {
    const file = await downloaded('console.reports.downloadRecords');
    const body = JSON.parse((await bytesOf(file)).toString('utf8')) as { records: DailyRecord[] };
    const schema = JSON.parse(readFileSync('docs/schemas/daily-record.v1.json', 'utf8')) as object;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const known = body.records.find((r) => r.day === KNOWN_DAY);
    expect(known?.total.issued).toBe(6);
    for (const record of body.records) {
      expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    }
    // And the schema is no rubber stamp: a record with a staff name added is refused.
    expect(validate({ ...known, clerk: 'Souksavanh' })).toBe(false);
  });

  it('says next to the field when the days are the wrong way round, and asks the hub nothing', async () => {
    const before = hashAllTables(day.t.db);
    await m.fill({ 'range.from': KNOWN_DAY, 'range.to': '2026-11-01' });
    await m.button('console.reports.run').click();
    expect(await m.fieldError('range.to')).toBe(m.text('field.range-order'));
    expect(hashAllTables(day.t.db)).toBe(before);
  });

  it('lets a manager mark a comment reviewed and give the ministry a token, once', async () => {
    // A browser of its own: this one keeps the supervisor's session.
    const own = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await own.newPage();
    const boss = new ConsolePage(page, 'lo');
    await page.goto(`${day.t.url}/console/`);
    await boss.waitReady('login');
    await boss.switchLang('en');
    await boss.logIn('manager', '9999');
    await boss.waitReady('app');
    await boss.openSection('reports');
    await boss.fill({ 'range.from': KNOWN_DAY, 'range.to': KNOWN_DAY });
    await boss.button('console.reports.run').click();
    const comment = page.locator('[data-testid^="comment-"]', { hasText: 'Asked for 20,000' });
    await comment.getByRole('button', { name: boss.text('console.reports.markReviewed') }).click();
    await expect
      .poll(() => comment.textContent())
      .toContain(boss.text('console.reports.reviewedBy', { name: 'Khamla Sayavong' }));

    const before = hashAllTables(day.t.db);
    await boss.fill({ name: '<b>MOHA</b>' });
    await boss.button('console.reports.tokenCreate').click();
    expect(await boss.fieldError('name')).toBe(boss.text('field.invalid_format'));
    expect(hashAllTables(day.t.db)).toBe(before);

    await boss.fill({ name: 'MOHA M&E division' });
    await boss.button('console.reports.tokenCreate').click();
    const token = (await page.getByTestId('new-token').textContent()) ?? '';
    expect(token).toMatch(/^khiu_m_/);
    const res = await fetch(`${day.t.url}/api/v1/reports/days?from=${KNOWN_DAY}&to=${KNOWN_DAY}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    await boss.page.getByTestId('ministry-tokens').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: join(SHOTS, 'console-reports-tokens-en.png') });
    await boss.button('console.reports.tokenDone').click();
    await boss.button('console.reports.tokenRevoke').click();
    await page.getByText(boss.text('console.reports.tokenRevoked')).waitFor();
    const after = await fetch(
      `${day.t.url}/api/v1/reports/days?from=${KNOWN_DAY}&to=${KNOWN_DAY}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(after.status).toBe(401);
    await own.close();
  });

  it('shows three weeks with charts, and prints on A4, in Lao and English', async () => {
    await m.fill({ 'range.from': '2026-11-01', 'range.to': KNOWN_DAY });
    await m.button('console.reports.run').click();
    await expect
      .poll(() => m.page.getByTestId('report-period').textContent())
      .toContain('01/11/2026');
    await m.page.getByTestId('chart-wait').locator('canvas').waitFor();
    // Service names read across, down the side of bars laid across: slanted under upright bars,
    // the Lao names ran into each other.
    for (const chart of ['chart-wait', 'chart-service']) {
      expect(await m.page.getByTestId(chart).getAttribute('data-bars')).toBe('across');
    }
    await m.shotBoth('reports');
    await m.page.getByTestId('chart-wait').evaluate((el) => el.scrollIntoView());
    await m.shotBoth('reports-charts');
    await m.page.getByTestId('report-feedback').evaluate((el) => el.scrollIntoView());
    await m.shotBoth('reports-feedback');
    for (const lang of ['lo', 'en'] as const) {
      if (m.lang !== lang) await m.switchLang(lang); // the language switch is not printed
      await m.page.emulateMedia({ media: 'print' });
      await m.page.screenshot({
        path: join(SHOTS, `console-reports-print-${lang}.png`),
        fullPage: true,
      });
      const pdf = await m.page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await m.page.emulateMedia({ media: 'screen' });
    }
  });
});
