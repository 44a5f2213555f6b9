/**
 * The one way apps turn a message key into words: `t(lang, key, params)`,
 * plus the two formats every screen and ticket shows (kip and minutes).
 */
import type { Lang } from '../protocol.js';
import { en, type MessageKey } from './en.js';
import { lo } from './lo.js';

export { LANGS, type Lang } from '../protocol.js';
export type { MessageKey };

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { lo, en };

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/**
 * The message for `key` in `lang`, with each `{name}` replaced by
 * `params.name`. A missing param stays visible as `{name}`: a screen showing
 * a placeholder is easier to notice and fix than one that crashes.
 */
export function t(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const message = MESSAGES[lang][key];
  if (params === undefined) return message;
  return message.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    return value === undefined ? placeholder : String(value);
  });
}

// CLDR's Lao locale prints "25.000", but fee boards and receipts in Laos write
// "25,000 ກີບ", so both languages group digits the en-US way.
const KIP_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "25,000 kip" / "25,000 ກີບ". */
export function formatKip(amount: number, lang: Lang): string {
  return t(lang, 'fee.kip', { amount: KIP_FORMAT.format(amount) });
}

const MS_PER_MINUTE = 60_000;

/**
 * An estimated wait, rounded up to whole minutes ("about 12 min" /
 * "ປະມານ 12 ນາທີ"). Never "about 0 min": someone may still be at the counter,
 * so the shortest promise is one minute. Null (or a value that is not a
 * duration) means there is no estimate yet.
 */
export function formatMinutes(ms: number | null, lang: Lang): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return t(lang, 'wait.unknown');
  const minutes = Math.max(1, Math.ceil(ms / MS_PER_MINUTE));
  return t(lang, 'wait.about', { minutes });
}
