/**
 * The citizen's phone page in Chromium at 390×844 against a real demo hub:
 * it follows a ticket from waiting to called to done, says so loudly when
 * called, takes one rating (a second is refused), and says kindly when a
 * code is unknown. Every state is photographed in Lao and in English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, requireBuiltApp, SHOTS, WEB_ROOT } from './browser.js';
import {
  connect,
  issue,
  ok,
  openCounter,
  send,
  startHub,
  type Client,
  type TestHub,
} from '../harness.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import { t } from '../../shared/i18n/index.js';
import type { Lang } from '../../shared/protocol.js';

const PHONE = { width: 390, height: 844 } as const;
// Counter 3 serves birth certificates first.
const BIRTH = 'birth-certificate';
const COUNTER = 3;

/** Records navigator.vibrate calls; runs in the page before the app. */
const VIBRATE_SPY = `
  window.__vibrations = [];
  navigator.vibrate = (pattern) => { window.__vibrations.push(pattern); return true; };
`;

describe('phone page in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let kiosk: Client;
  let clerk: Client;

  beforeAll(async () => {
    requireBuiltApp('display');
    hub = await startHub({ webRoot: WEB_ROOT });
    kiosk = (await connect(hub, { role: 'kiosk' })).client;
    clerk = (await openCounter(hub, COUNTER, 'clerk3')).client;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  async function openPhone(code: string) {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.addInitScript(VIBRATE_SPY);
    await page.goto(`${hub.url}/t/${code}`);
    await page.locator('.phone[data-ready="true"]').waitFor();
    expect(await page.evaluate(`document.fonts.check('24px "Khiu Lao"', 'ກ')`)).toBe(true);
    return page;
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS, `phone-${name}.png`), animations: 'disabled' });

  const feedbackRows = (code: string) =>
    hub.db
      .prepare<[string], { score: number; answers: string }>(
        'SELECT f.score, f.answers FROM feedback f JOIN tickets t ON t.id = f.ticket_id WHERE t.code = ?',
      )
      .all(code);

  for (const lang of ['lo', 'en'] as const satisfies readonly Lang[]) {
    it(`follows a ${lang === 'lo' ? 'Lao' : 'English'} ticket from waiting to called to done, and takes one rating`, async () => {
      const ahead = await issue(kiosk, BIRTH);
      const mine = await issue(kiosk, BIRTH, { lang });
      const page = await openPhone(mine.code);
      const service = DEMO_CENTRE.services.find((s) => s.id === BIRTH);

      // Waiting: in the ticket's language, one person ahead, nothing about them.
      expect(await page.getByTestId('ticket-label').textContent()).toBe(mine.label);
      expect(await page.getByTestId('ticket-status').textContent()).toBe(t(lang, 'status.waiting'));
      expect(await page.getByTestId('people-ahead').textContent()).toBe('1');
      expect(await page.locator('body').textContent()).toContain(service?.name[lang]);
      expect(await page.locator('body').textContent()).not.toContain(ahead.label);
      // A walk-in booked no time, so none is shown.
      expect(await page.getByTestId('ticket-booking').count()).toBe(0);
      await shot(page, `waiting-${lang}`);

      // The one ahead is called: live, the page now says "next".
      ok(await send(clerk, 'counter:call', { counterId: COUNTER, ticketId: ahead.id }));
      await page.getByText(t(lang, 'ticket.youAreNext')).waitFor();
      ok(await send(clerk, 'ticket:no-show', { ticketId: ahead.id }));

      // Called: a full screen in both languages with the counter, and a vibration.
      ok(await send(clerk, 'counter:call', { counterId: COUNTER, ticketId: mine.id }));
      const called = page.getByTestId('called-screen');
      await called.waitFor();
      expect(await page.getByTestId('called-counter').textContent()).toBe(String(COUNTER));
      const text = await called.textContent();
      for (const l of ['lo', 'en'] as const) {
        expect(text).toContain(t(l, 'ticket.goToCounter', { number: COUNTER }));
      }
      expect(await page.evaluate('window.__vibrations.length')).toBe(1);
      await shot(page, `called-${lang}`);
      await page.getByRole('button', { name: t(lang, 'phone.calledOk') }).click();
      await called.waitFor({ state: 'detached' });
      await page.getByText(t(lang, 'ticket.goToCounter', { number: COUNTER })).waitFor();

      // A recall calls again: full screen and a vibration once more.
      ok(await send(clerk, 'ticket:recall', { ticketId: mine.id }));
      await called.waitFor();
      expect(await page.evaluate('window.__vibrations.length')).toBe(2);
      await page.getByRole('button', { name: t(lang, 'phone.calledOk') }).click();
      await called.waitFor({ state: 'detached' });

      // Done: the rating form.
      ok(await send(clerk, 'ticket:start', { ticketId: mine.id }));
      await page.getByText(t(lang, 'phone.servingAt', { number: COUNTER })).waitFor();
      ok(await send(clerk, 'ticket:complete', { ticketId: mine.id }));
      const form = page.getByTestId('feedback-form');
      await form.waitFor();
      await shot(page, `done-${lang}`);

      // Send with no face chosen: asked to choose one, nothing stored.
      await page.getByRole('button', { name: t(lang, 'phone.send') }).click();
      await page.getByText(t(lang, 'phone.chooseFace')).waitFor();
      expect(feedbackRows(mine.code)).toEqual([]);

      await page
        .getByTestId('score')
        .getByRole('radio', { name: t(lang, 'phone.face.4'), exact: true })
        .click();
      await page
        .getByTestId('q-waitingTime')
        .getByRole('radio', { name: t(lang, 'phone.face.2'), exact: true })
        .click();
      await page
        .getByTestId('q-courtesy')
        .getByRole('radio', { name: t(lang, 'phone.face.5'), exact: true })
        .click();
      await page
        .getByTestId('q-clarity')
        .getByRole('radio', { name: t(lang, 'phone.face.4'), exact: true })
        .click();
      await page
        .getByRole('radiogroup', { name: t(lang, 'phone.q.askedToPayMore') })
        .getByRole('radio', { name: t(lang, 'phone.no'), exact: true })
        .click();
      await page.getByLabel(t(lang, 'phone.comment')).fill('  ok  ');
      await shot(page, `feedback-filled-${lang}`);
      await page.getByRole('button', { name: t(lang, 'phone.send') }).click();
      await page.getByText(t(lang, 'phone.thanks')).waitFor();
      await shot(page, `thanks-${lang}`);

      const rows = feedbackRows(mine.code);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.score).toBe(4);
      expect(JSON.parse(rows[0]?.answers ?? '{}')).toEqual({
        waitingTime: 2,
        courtesy: 5,
        clarity: 4,
        askedToPayMore: false,
        comment: 'ok',
      });
      await page.close();
    });
  }

  it('refuses a second rating for the same ticket, and says it already has one', async () => {
    const mine = await issue(kiosk, BIRTH, { lang: 'lo' });
    ok(await send(clerk, 'counter:call', { counterId: COUNTER, ticketId: mine.id }));
    ok(await send(clerk, 'ticket:start', { ticketId: mine.id }));
    ok(await send(clerk, 'ticket:complete', { ticketId: mine.id }));
    // Two phones on the same ticket, both showing the form.
    const first = await openPhone(mine.code);
    const second = await openPhone(mine.code);
    for (const page of [first, second]) await page.getByTestId('feedback-form').waitFor();

    await first
      .getByTestId('score')
      .getByRole('radio', { name: t('lo', 'phone.face.5'), exact: true })
      .click();
    await first.getByRole('button', { name: t('lo', 'phone.send') }).click();
    await first.getByText(t('lo', 'phone.thanks')).waitFor();

    await second
      .getByTestId('score')
      .getByRole('radio', { name: t('lo', 'phone.face.1'), exact: true })
      .click();
    await second.getByRole('button', { name: t('lo', 'phone.send') }).click();
    await second.getByText(t('lo', 'reason.feedback-given')).waitFor();
    await shot(second, 'already-rated-lo');
    expect(feedbackRows(mine.code)).toEqual([{ score: 5, answers: '{}' }]);

    // And through the protocol, as any phone would send it.
    const phone = (await connect(hub)).client;
    const again = await send(phone, 'feedback:submit', { code: mine.code, score: 2 });
    expect(again.ok ? null : again.error.reason).toBe('feedback-given');
    expect(feedbackRows(mine.code)).toHaveLength(1);
    await first.close();
    await second.close();
  });

  it('says kindly that an unknown code is unknown, in Lao and in English', async () => {
    const page = await openPhone('NoSuchTicket0001');
    const unknown = page.getByTestId('unknown-ticket');
    await unknown.waitFor();
    expect(await unknown.textContent()).toContain(t('lo', 'phone.unknownTitle'));
    await shot(page, 'unknown-lo');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    expect(await unknown.textContent()).toContain(t('en', 'phone.unknownBody'));
    await shot(page, 'unknown-en');
    // A code that cannot be a code at all gets the same kind answer, still in the language
    // the citizen chose on this phone.
    await page.goto(`${hub.url}/t/not%20a%20code`);
    await page.locator('.phone[data-ready="true"]').waitFor();
    expect(await page.getByTestId('unknown-ticket').textContent()).toContain(
      t('en', 'phone.unknownBody'),
    );
    await page.close();
  });
});
