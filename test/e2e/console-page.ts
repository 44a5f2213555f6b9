/**
 * One person at the console in Chromium: fills fields by their names (the
 * payload paths the hub reports errors by), reads the message next to a
 * field, and writes screenshots of each screen in Lao and English.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { t, type MessageKey } from '../../shared/i18n/index.js';
import type { Lang } from '../../shared/protocol.js';
import { SHOTS } from './browser.js';

export class ConsolePage {
  constructor(
    readonly page: Page,
    public lang: Lang,
  ) {}

  async waitReady(phase: string) {
    await this.page.locator(`.console[data-ready="true"][data-phase="${phase}"]`).waitFor();
  }

  field(name: string) {
    return this.page.locator(`[name="${name}"]`);
  }

  async fill(values: Record<string, string>) {
    for (const [name, value] of Object.entries(values)) await this.field(name).fill(value);
  }

  /** The message shown next to the field at `path`, or null. */
  async fieldError(path: string): Promise<string | null> {
    const el = this.page.locator(`[data-field-error="${path}"]`);
    if ((await el.count()) === 0) return null;
    return (await el.first().textContent())?.trim() ?? null;
  }

  text(key: MessageKey, params?: Record<string, string | number>) {
    return t(this.lang, key, params);
  }

  button(key: MessageKey) {
    return this.page.getByRole('button', { name: this.text(key), exact: true });
  }

  async notice(): Promise<string> {
    const n = this.page.getByTestId('notice');
    await n.waitFor();
    return (await n.textContent()) ?? '';
  }

  async switchLang(lang: Lang) {
    await this.page.getByRole('button', { name: t(lang, `lang.${lang}`), exact: true }).click();
    await this.page.locator(`html[lang="${lang}"]`).waitFor();
    this.lang = lang;
  }

  async logIn(username: string, pin: string) {
    await this.fill({ username, pin });
    await this.button('console.login.submit').click();
  }

  async openSection(id: string) {
    await this.page.locator(`[data-section="${id}"]`).click();
    await this.page.getByTestId(`section-${id}`).waitFor();
  }

  /** A screenshot in each language; the page is left in the language it was in. */
  async shotBoth(name: string) {
    const start = this.lang;
    const other: Lang = start === 'lo' ? 'en' : 'lo';
    const shot = (lang: Lang) =>
      this.page.screenshot({ path: join(SHOTS, `console-${name}-${lang}.png`) });
    await shot(start);
    await this.switchLang(other);
    await shot(other);
    await this.switchLang(start);
  }
}
