/**
 * The counter in Chromium against a real demo hub: two clerks at counters 1
 * and 2 (which share the family-book, residence and ID services), one working
 * by keyboard in Lao, one by mouse in English; tickets issued through the
 * protocol; a hall display's socket records every call. Every screen is
 * written to test-results/screenshots/ in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, requireBuiltApp, SHOTS, WEB_ROOT } from './browser.js';
import { Clerk } from './counter-clerk.js';
import {
  connect,
  issue,
  ok,
  openCounter,
  recordEvents,
  send,
  startHub,
  type Client,
  type TestHub,
} from '../harness.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import type { CallView, Priority } from '../../shared/protocol.js';

const DESK = { width: 1366, height: 768 };
const TABLET = { width: 1280, height: 800 };
const ID = 'national-id-card';
const F = 'family-book-entry';
const FC = 'family-book-change';
const R = 'residence-certificate';

describe('counter in Chromium: two clerks, two counters', { timeout: 60_000 }, () => {
  let hub: TestHub;
  let browser: Browser;
  let kiosk: Client;
  let a: Clerk; // clerk1 at counter 1: keyboard, Lao
  let b: Clerk; // clerk2 at counter 2: mouse, English
  /** Every call and recall a hall display saw, across hub restarts. */
  const calls: CallView[] = [];

  async function watchDisplay() {
    const { client } = await connect(hub, { role: 'display' });
    client.on('queue:event', (e) => {
      if (e.call) calls.push(e.call);
    });
    return recordEvents(client);
  }
  let display: Awaited<ReturnType<typeof watchDisplay>>;

  const label = async (serviceId: string, priority: Priority = 'none') =>
    (await issue(kiosk, serviceId, { priority })).label;
  const calledAt = (ticketLabel: string, counterNumber: number) =>
    display.waitFor(
      (e) =>
        e.type === 'ticket-called' &&
        e.call?.label === ticketLabel &&
        e.call.counterNumber === counterNumber,
    );
  const statusOf = (ticketLabel: string, serviceId: string) =>
    (
      hub.db
        .prepare('SELECT status FROM tickets WHERE label = ? AND service_id = ? ORDER BY id DESC')
        .get(ticketLabel, serviceId) as { status: string } | undefined
    )?.status;

  beforeAll(async () => {
    requireBuiltApp('counter');
    hub = await startHub({ webRoot: WEB_ROOT });
    browser = await launchChromium();
    kiosk = (await connect(hub, { role: 'kiosk' })).client;
    display = await watchDisplay();
    const contextA = await browser.newContext({ viewport: DESK });
    const contextB = await browser.newContext({ viewport: DESK });
    a = new Clerk(await contextA.newPage(), 'lo', 'key');
    b = new Clerk(await contextB.newPage(), 'en', 'click');
    await b.routeSocket(contextB);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('logs each clerk in with username and PIN and lets them pick a counter', async () => {
    await a.page.goto(`${hub.url}/counter/`);
    await a.waitReady('login');
    expect(await a.page.evaluate(`document.fonts.check('24px "Khiu Lao"', 'ກ')`)).toBe(true);
    await a.shotBoth('login');
    // Keyboard only: the username field has focus (again: the screenshots' language switching
    // took it), Tab to the PIN, Enter logs in.
    await a.page.getByLabel(a.text('counter.login.username')).focus();
    await a.page.keyboard.type('clerk1');
    await a.page.keyboard.press('Tab');
    await a.page.keyboard.type('1234');
    await a.page.keyboard.press('Enter');
    await a.waitReady('choose');
    await a.shotBoth('choose');
    await a.page.keyboard.press('Digit1');
    await a.waitReady('desk');
    await a.page.getByTestId('counter-name').filter({ hasText: 'ປ່ອງບໍລິການ 1' }).waitFor();

    await b.page.goto(`${hub.url}/counter/`);
    await b.waitReady('login');
    await b.switchLang('en');
    await b.page.getByLabel(b.text('counter.login.username')).fill('clerk2');
    await b.page.getByLabel(b.text('counter.login.pin')).fill('1234');
    await b.page.getByRole('button', { name: b.text('counter.login.submit') }).click();
    await b.page.getByRole('button', { name: /Counter 2/ }).click();
    await b.waitReady('desk');
    await b.page.getByText('Khamphet Sisouphanh').waitFor();
    expect(hub.db.prepare('SELECT id, status FROM counters WHERE id IN (1, 2)').all()).toEqual([
      { id: 1, status: 'open' },
      { id: 2, status: 'open' },
    ]);
  });

  it('calls, calls again, starts, completes and marks no-shows, by key and by mouse', async () => {
    const id1 = await label(ID);
    const f1 = await label(F);
    const waitingR = [await label(R), await label(R, 'elderly'), await label(R)];
    await a.row(waitingR[2] ?? '').waitFor();
    await a.shotBoth('idle');

    await a.act('call-next');
    await a.waitCurrent(id1, 'called');
    await calledAt(id1, 1);
    await a.shotBoth('called');
    await b.act('call-next');
    await b.waitCurrent(f1, 'called');
    await calledAt(f1, 2);

    await a.act('recall');
    await display.waitFor((e) => e.type === 'ticket-recalled' && e.call?.counterNumber === 1);
    await a.act('start');
    await a.waitCurrent(id1, 'serving');
    await a.shotBoth('serving');
    await a.act('complete');
    await a.waitIdle();
    await b.act('start');
    await b.waitCurrent(f1, 'serving');
    await b.act('complete');
    await b.waitIdle();

    const id2 = await label(ID);
    const f2 = await label(F);
    await a.act('call-next');
    await a.waitCurrent(id2, 'called');
    await a.act('no-show');
    await a.waitIdle();
    await b.act('call-next');
    await b.waitCurrent(f2, 'called');
    await b.act('no-show');
    await b.waitIdle();
    for (const clerk of [a, b]) {
      await expect.poll(() => clerk.stat('served', 0)).toBe('1');
      await expect.poll(() => clerk.stat('noShows', 1)).toBe('1');
    }
    expect(statusOf(id2, ID)).toBe('no_show');
  });

  it('parks a citizen and resumes them to the front of their queue', async () => {
    for (const [clerk, serviceId] of [
      [a, ID],
      [b, F],
    ] as const) {
      const parked = await label(serviceId);
      await clerk.act('call-next');
      await clerk.waitCurrent(parked, 'called');
      await clerk.act('start');
      await clerk.waitCurrent(parked, 'serving');
      await clerk.act('park');
      await clerk.waitIdle();
      await clerk.page.getByTestId('parked').getByText(parked).waitFor();
      if (clerk === a) await a.shotBoth('parked');
      await clerk.select(parked);
      await clerk.act('resume');
      await clerk.page.getByTestId('parked').waitFor({ state: 'detached' });
      expect(statusOf(parked, serviceId)).toBe('waiting');
      // Back at the front: the next call takes them again.
      await clerk.act('call-next');
      await clerk.waitCurrent(parked, 'called');
      await clerk.act('start');
      await clerk.waitCurrent(parked, 'serving');
      await clerk.act('complete');
      await clerk.waitIdle();
    }
  });

  it('completes and calls the next in one request: N while serving, or its button', async () => {
    for (const [clerk, serviceId, counterNumber] of [
      [a, ID, 1],
      [b, F, 2],
    ] as const) {
      const first = await label(serviceId);
      const second = await label(serviceId);
      await clerk.act('call-next');
      await clerk.waitCurrent(first, 'called');
      await clerk.act('start');
      await clerk.waitCurrent(first, 'serving');
      await clerk.button('complete-next').waitFor();
      if (clerk === a) await a.shotBoth('serving-complete-next');
      await clerk.act('complete-next');
      await clerk.waitCurrent(second, 'called');
      await calledAt(second, counterNumber);
      expect(statusOf(first, serviceId)).toBe('done');
      await clerk.act('start');
      await clerk.waitCurrent(second, 'serving');
      await clerk.act('complete');
      await clerk.waitIdle();
    }
  });

  it('transfers to another service, and the other counter then gets the citizen', async () => {
    const id3 = await label(ID);
    await a.act('call-next');
    await a.waitCurrent(id3, 'called');
    await a.act('start');
    await a.waitCurrent(id3, 'serving');
    const dialog = a.page.getByRole('dialog');
    const openTransfer = async () => {
      await a.act('transfer');
      await dialog.waitFor();
    };
    await openTransfer();
    await a.shotBoth('transfer', openTransfer);
    // ↓ through the services to family-book entry, Tab to "front", Tab to the reason, Enter.
    const target = a.page.getByRole('radio', { name: serviceName(F, 'lo'), exact: true });
    await a.page.keyboard.press('Space');
    for (let i = 0; i < 20 && !(await target.isChecked()); i++) {
      await a.page.keyboard.press('ArrowDown');
    }
    expect(await target.isChecked()).toBe(true);
    await a.page.keyboard.press('Tab');
    await a.page.keyboard.press('Tab');
    // Letters typed in the reason are words, not shortcuts (N would call, C complete).
    await a.page.keyboard.type('needs a new family book entry first');
    expect(await dialog.isVisible()).toBe(true);
    await a.page.keyboard.press('Enter');
    await a.waitIdle();
    expect(statusOf(id3, ID)).toBe('transferred');
    const reason = hub.db
      .prepare("SELECT detail FROM ticket_events WHERE type = 'transfer' ORDER BY id DESC")
      .get();
    expect(reason).toEqual({ detail: 'needs a new family book entry first' });

    // Counter 2 takes family-book entries first: the citizen keeps their number.
    await b.act('call-next');
    await b.waitCurrent(id3, 'called');
    await calledAt(id3, 2);
    await b.act('start');
    await b.waitCurrent(id3, 'serving');
    await b.act('transfer');
    await b.page.getByRole('radio', { name: serviceName(FC) }).check();
    await b.page.getByRole('radio', { name: b.text('counter.transfer.back') }).check();
    await b.page.getByLabel(b.text('counter.transfer.reason')).fill('change of address too');
    await b.page
      .getByRole('button', { name: new RegExp(b.text('counter.transfer.confirm', { label: id3 })) })
      .click();
    await b.waitIdle();
    await a.act('call-next');
    await a.waitCurrent(id3, 'called');
    await calledAt(id3, 1);
    await a.act('start');
    await a.waitCurrent(id3, 'serving');
    await a.act('complete');
    await a.waitIdle();
  });

  it('calls a specific ticket out of turn', async () => {
    const rows = a.page.locator(`[data-service="${R}"] li`);
    await expect.poll(() => rows.count()).toBe(3);
    const last = (await rows.nth(2).getAttribute('data-ticket')) ?? '';
    await a.select(last);
    await a.act('call-this');
    await a.waitCurrent(last, 'called');
    await calledAt(last, 1);
    await a.act('start');
    await a.waitCurrent(last, 'serving');
    await a.act('complete');
    await a.waitIdle();

    const second =
      (await b.row(last).count()) === 0 ? await rows.nth(1).getAttribute('data-ticket') : null;
    const pick = second ?? '';
    await b.select(pick);
    await b.act('call-this');
    await b.waitCurrent(pick, 'called');
    await calledAt(pick, 2);
    await b.act('start');
    await b.waitCurrent(pick, 'serving');
    await b.act('complete');
    await b.waitIdle();
  });

  it('shows the loser of a race a clear message, and the truth', async () => {
    const contested = await label(F);
    await b.select(contested);
    b.hold(); // counter 2's screen stops hearing from the hub for a moment
    await a.select(contested);
    await a.act('call-this');
    await a.waitCurrent(contested, 'called');
    await b.act('call-this'); // counter 2 still sees it waiting, and asks too
    await expect.poll(() => b.button('call-this').getAttribute('aria-busy')).toBe('true');
    b.release();
    const message = b.text('counter.notice.taken', { label: contested });
    await b.page.getByTestId('notice').filter({ hasText: message }).waitFor();
    await b.row(contested).waitFor({ state: 'detached' });
    await b.waitIdle();
    await b.shotBoth('conflict');
    const callers = hub.db
      .prepare(
        "SELECT DISTINCT e.counter_id FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE t.label = ? AND e.type = 'call'",
      )
      .all(contested);
    expect(callers).toEqual([{ counter_id: 1 }]);
    await a.act('start');
    await a.waitCurrent(contested, 'serving');
    await a.act('complete');
    await a.waitIdle();
  });

  it('cancels a waiting ticket only after a confirmation', async () => {
    const unwanted = await label(F);
    await a.select(unwanted);
    const dialog = a.page.getByRole('dialog');
    const openCancel = async () => {
      await a.act('cancel');
      await dialog.waitFor();
    };
    await openCancel();
    await a.shotBoth('cancel', openCancel);
    await a.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(statusOf(unwanted, F)).toBe('waiting');
    await openCancel();
    await a.page.keyboard.press('Enter');
    await a.row(unwanted).waitFor({ state: 'detached' });
    expect(statusOf(unwanted, F)).toBe('cancelled');

    const alsoUnwanted = await label(F);
    await b.select(alsoUnwanted);
    await b.act('cancel');
    await b.page
      .getByRole('button', {
        name: new RegExp(b.text('counter.cancel.confirm', { label: alsoUnwanted })),
      })
      .click();
    await b.row(alsoUnwanted).waitFor({ state: 'detached' });
    expect(statusOf(alsoUnwanted, F)).toBe('cancelled');

    // The question goes stale: counter 1 calls the ticket counter 2 is asked about cancelling.
    const contested = await label(F);
    await b.select(contested);
    await b.act('cancel');
    const dialogB = b.page.getByRole('dialog');
    await dialogB.waitFor();
    await a.select(contested);
    await a.act('call-this');
    await a.waitCurrent(contested, 'called');
    await dialogB.waitFor({ state: 'detached' });
    const message = b.text('counter.notice.changed', { label: contested });
    await b.page.getByTestId('notice').filter({ hasText: message }).waitFor();
    expect(statusOf(contested, F)).toBe('called');
    await a.act('start');
    await a.waitCurrent(contested, 'serving');
    await a.act('complete');
    await a.waitIdle();
  });

  it('pauses with a reason, shows paused to the display, and resumes', async () => {
    const waiting = await label(F);
    await a.act('pause');
    await a.page.keyboard.press('Digit1'); // break
    await a.page.getByTestId('paused').waitFor();
    await display.waitFor(
      (e) =>
        e.type === 'counter-updated' &&
        e.counters.some((c) => c.id === 1 && c.status === 'paused' && c.pauseReason === 'break'),
    );
    await a.shotBoth('paused');
    await a.page.keyboard.press('KeyN'); // a paused counter calls nobody
    expect(await a.button('call-next').count()).toBe(0);
    expect(statusOf(waiting, F)).toBe('waiting');
    await a.act('unpause');
    await a.button('call-next').waitFor();

    await b.act('pause');
    await b.page.getByRole('button', { name: new RegExp(b.text('pause.meeting')) }).click();
    await b.page.getByTestId('paused').waitFor();
    await display.waitFor(
      (e) =>
        e.type === 'counter-updated' &&
        e.counters.some((c) => c.id === 2 && c.pauseReason === 'meeting'),
    );
    await b.act('unpause');
    await b.button('call-next').waitFor();
  });

  it(
    'keeps each clerk logged in across a reload and a hub restart',
    { timeout: 45_000 },
    async () => {
      await b.page.reload();
      await b.waitReady('desk');
      await b.page.getByText('Khamphet Sisouphanh').waitFor();

      const next = (
        hub.db
          .prepare(
            "SELECT label FROM tickets WHERE status = 'waiting' AND service_id = ? ORDER BY queued_at",
          )
          .get(F) as { label: string }
      ).label;
      await a.act('call-next');
      await a.waitCurrent(next, 'called');

      const port = Number(new URL(hub.url).port);
      const { dataDir } = hub;
      await within('the hub closing', hub.hub.close());
      await a.page.getByTestId('offline-banner').waitFor({ timeout: 10_000 });
      hub = await within(
        'the hub starting again',
        startHub({ webRoot: WEB_ROOT, dataDir, seed: false, port }),
      );
      kiosk = (await within('a kiosk connecting', connect(hub, { role: 'kiosk' }))).client;
      display = await within('the display connecting', watchDisplay());
      for (const clerk of [a, b]) {
        await clerk.page
          .getByTestId('offline-banner')
          .waitFor({ state: 'detached', timeout: 20_000 });
        await clerk.waitReady('desk');
      }
      // The citizen called before the restart is still at counter 1, in full.
      await a.waitCurrent(next, 'called');
      await a.act('start');
      await a.waitCurrent(next, 'serving');
      await a.act('complete');
      await a.waitIdle();
      const after = await label(F);
      await b.act('call-next');
      await b.waitCurrent(after, 'called');
      await calledAt(after, 2);
      await b.act('no-show');
      await b.waitIdle();
    },
  );

  it('fits a 10-inch tablet with every main action in view', async () => {
    await a.page.setViewportSize(TABLET);
    await label(R);
    await a.button('call-next').waitFor();
    const box = await a.button('call-next').boundingBox();
    expect(box && box.y + box.height <= TABLET.height).toBe(true);
    expect(await a.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      TABLET.width,
    );
    await a.page.screenshot({ path: join(SHOTS, 'counter-tablet-lo.png') });
    await a.page.setViewportSize(DESK);
  });

  it('holds the first 50 of a long queue, pages the rest, and keeps the 50 full as others call', async () => {
    const fcRows = (clerk: Clerk) =>
      clerk.page.locator(
        `[data-testid="queue"] [data-service="${FC}"] li.queue__row[role="option"]`,
      );
    const labels: string[] = [];
    for (let i = 0; i < 60; i++) labels.push(await label(FC));
    const more = b.page.locator(`[data-service="${FC}"] [data-testid="queue-more"]`);
    await more.getByText(b.text('counter.queue.more', { count: 10 })).waitFor();
    expect(await fcRows(b).count()).toBe(50);
    await b.shotBoth('long-queue');
    await more
      .getByRole('button', { name: b.text('counter.queue.showMore', { count: 50 }) })
      .click();
    await more.locator(`li[data-ticket="${labels[59]}"]`).waitFor();
    expect(await more.locator('li').count()).toBe(10);

    // Another counter calls five of them out of turn: counter 2 still holds the next 50, not 45.
    const { client: desk1 } = await openCounter(hub, 5, 'clerk5');
    const idOf = (ticketLabel: string, serviceId: string) =>
      (
        hub.db
          .prepare('SELECT id FROM tickets WHERE label = ? AND service_id = ? ORDER BY id DESC')
          .get(ticketLabel, serviceId) as { id: number }
      ).id;
    for (let i = 0; i < 5; i++) {
      const called = labels[i] ?? '';
      ok(await send(desk1, 'counter:call', { counterId: 5, ticketId: idOf(called, FC) }));
      ok(await send(desk1, 'ticket:no-show', { ticketId: idOf(called, FC) }));
    }
    await b.page.getByText(b.text('counter.queue.more', { count: 5 })).waitFor();
    await b.row(labels[54] ?? '').waitFor();
    expect(await fcRows(b).count()).toBe(50);
    for (const leftover of labels.slice(5)) {
      ok(await send(desk1, 'ticket:cancel', { ticketId: idOf(leftover, FC) }));
    }
    await b.page
      .locator(`[data-service="${FC}"] [data-testid="queue-more"]`)
      .waitFor({ state: 'detached' });
  });

  it('closes a counter after a confirmation, and logs out in one step', async () => {
    const closed = (id: number) =>
      (hub.db.prepare('SELECT status FROM counters WHERE id = ?').get(id) as { status: string })
        .status;
    await a.act('close');
    await a.page.getByRole('dialog').waitFor();
    await a.page.keyboard.press('Enter');
    await a.waitReady('choose');
    expect(closed(1)).toBe('closed');
    await a.page.keyboard.press('Digit1'); // open again, then leave for the day
    await a.waitReady('desk');
    expect(closed(1)).toBe('open');
    await a.act('logout');
    await a.waitReady('login');
    expect(closed(1)).toBe('closed');
    // Logged out means logged out: a reload asks for the PIN again.
    await a.page.reload();
    await a.waitReady('login');

    await b.act('close');
    await b.page
      .getByRole('button', { name: new RegExp(b.text('counter.close.confirm', { number: 2 })) })
      .click();
    await b.waitReady('choose');
    expect(closed(2)).toBe('closed');
    await b.act('logout');
    await b.waitReady('login');
  });

  it('never gave one ticket to two counters, and the display saw every call at its counter', () => {
    const rows = hub.db
      .prepare(
        `SELECT e.ticket_id AS ticketId, e.counter_id AS counterId, c.number AS counterNumber, e.type
         FROM ticket_events e JOIN counters c ON c.id = e.counter_id
         WHERE e.type IN ('call', 'recall') ORDER BY e.id`,
      )
      .all() as { ticketId: number; counterId: number; counterNumber: number; type: string }[];
    expect(rows.length).toBeGreaterThan(15);
    const counterOf = new Map<number, Set<number>>();
    for (const r of rows)
      counterOf.set(r.ticketId, (counterOf.get(r.ticketId) ?? new Set()).add(r.counterId));
    expect([...counterOf.values()].filter((s) => s.size > 1)).toEqual([]);
    // The display was away only while the hub itself was down.
    for (const r of rows) {
      expect(calls, `ticket ${r.ticketId}`).toContainEqual(
        expect.objectContaining({
          ticketId: r.ticketId,
          counterId: r.counterId,
          counterNumber: r.counterNumber,
        }),
      );
    }
  });
});

/** Fails with what was being waited for, instead of the whole test timing out unexplained. */
function within<T>(what: string, promise: Promise<T>, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function serviceName(id: string, lang: 'lo' | 'en' = 'en'): string {
  return DEMO_CENTRE.services.find((s) => s.id === id)?.name[lang] ?? id;
}
