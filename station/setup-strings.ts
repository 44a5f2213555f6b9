/**
 * Looks up the words on the station's own pages (setup and offline). The
 * words themselves live in `shared/i18n/` with everything else: the pages'
 * own under `station.*`, and they may show the apps' too (e.g.
 * `connection.offline`). `local-page.dom.ts` shows each one in Lao and
 * English side by side, since the technician may read either and the
 * citizen looking at an offline kiosk may read only Lao.
 *
 * `pageText` is `t()` from `shared/i18n/index.ts` without that module:
 * it re-exports `LANGS` from the protocol, which would bundle zod into these
 * small pages. `setup-strings.test.ts` checks that both give the same text.
 */
import { en, type MessageKey } from '../shared/i18n/en.js';
import { lo } from '../shared/i18n/lo.js';
import type { Lang } from '../shared/protocol.js';

/** The keys only the station's own pages use. */
export type StationMessageKey = Extract<MessageKey, `station.${string}`>;

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { lo, en };

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** Same rules as `t()`: each `{name}` becomes `params.name`; a missing one stays visible. */
export function pageText(
  lang: Lang,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  const message = MESSAGES[lang][key];
  if (params === undefined) return message;
  return message.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    return value === undefined ? placeholder : String(value);
  });
}
