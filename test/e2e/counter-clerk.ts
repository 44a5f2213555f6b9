/**
 * One clerk at one counter in Chromium, for the counter's end-to-end test:
 * acts by key or by click (the same action table the app uses), reads the
 * desk as a person sees it, and writes screenshots in Lao and English.
 */
import { join } from 'node:path';
import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { DESK_ACTIONS, type DeskAction } from '../../counter/src/desk-actions.js';
import { t } from '../../shared/i18n/index.js';
import type { Lang } from '../../shared/protocol.js';

import { SHOTS } from './browser.js';

const KEY_FOR: Record<string, string> = { Del: 'Delete' };

export class Clerk {
  /** Server → page messages held back while `hold` is on, to make this screen stale on purpose. */
  private held: (string | Buffer)[] = [];
  private holding = false;
  private routes: WebSocketRoute[] = [];

  constructor(
    readonly page: Page,
    readonly lang: Lang,
    readonly mode: 'key' | 'click',
  ) {}

  /** Lets the test hold this page's incoming Socket.IO messages (set up before the page loads). */
  async routeSocket(context: BrowserContext) {
    await context.routeWebSocket(/\/socket\.io\//, (ws) => {
      const server = ws.connectToServer();
      this.routes.push(ws);
      server.onMessage((message) => {
        if (this.holding) this.held.push(message);
        else ws.send(message);
      });
    });
  }

  hold() {
    this.holding = true;
  }

  release() {
    this.holding = false;
    const ws = this.routes.at(-1);
    for (const message of this.held.splice(0)) ws?.send(message);
  }

  text(key: Parameters<typeof t>[1], params?: Record<string, string | number>) {
    return t(this.lang, key, params);
  }

  async waitReady(phase: string) {
    await this.page.locator(`.counter[data-ready="true"][data-phase="${phase}"]`).waitFor();
  }

  /** Does an action the way this clerk works: its key, or a click on its button. */
  async act(action: DeskAction) {
    if (this.mode === 'key') {
      const { key } = DESK_ACTIONS[action];
      await this.page.keyboard.press(KEY_FOR[key] ?? key);
    } else {
      await this.page.locator(`button[data-action="${action}"]`).click();
    }
  }

  button(action: DeskAction) {
    return this.page.locator(`button[data-action="${action}"]`);
  }

  currentLabel() {
    return this.page.getByTestId('current-label');
  }

  async waitCurrent(label: string, status: 'called' | 'serving') {
    await this.page
      .getByTestId('current')
      .filter({ has: this.page.getByTestId('current-label').filter({ hasText: label }) })
      .filter({
        has: this.page
          .getByTestId('current-status')
          .filter({ hasText: t(this.lang, `status.${status}`) }),
      })
      .waitFor();
  }

  async waitIdle() {
    await this.page.getByText(t(this.lang, 'counter.current.none')).waitFor();
  }

  row(label: string) {
    return this.page.locator(`[data-testid="queue"] li[data-ticket="${label}"]`);
  }

  /** Chooses a ticket in the lists: ↓ until it is selected, or a click on its row. */
  async select(label: string) {
    const row = this.row(label);
    if (this.mode === 'click') return row.click();
    for (let i = 0; i < 60; i++) {
      if ((await row.getAttribute('aria-selected')) === 'true') return;
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`could not reach ${label} with the arrow keys`);
  }

  async stat(row: 'served' | 'noShows' | 'average', column: 0 | 1) {
    const cells = this.page.locator(`[data-testid="stats"] tr[data-stat="${row}"] td`);
    return (await cells.nth(column).textContent())?.trim();
  }

  async switchLang(lang: Lang) {
    await this.page.getByRole('button', { name: t(lang, `lang.${lang}`), exact: true }).click();
    await this.page.locator(`html[lang="${lang}"]`).waitFor();
  }

  /**
   * A screenshot in each language. A dialog is modal (the switch behind it is inert), so it is
   * closed, the language switched, and the dialog opened again with `reopen`.
   */
  async shotBoth(name: string, reopen?: () => Promise<void>) {
    const other: Lang = this.lang === 'lo' ? 'en' : 'lo';
    const shot = (lang: Lang) =>
      this.page.screenshot({ path: join(SHOTS, `counter-${name}-${lang}.png`) });
    await shot(this.lang);
    for (const lang of [other, this.lang]) {
      if (reopen) await this.page.keyboard.press('Escape');
      await this.switchLang(lang);
      if (reopen) await reopen();
      if (lang === other) await shot(other);
    }
  }
}
