/**
 * An import preview's values and places in the manager's language: a fee in
 * kip, opening hours by weekday, a flag as yes or no, and where in the file
 * an error is ("Service 4 · Ticket letter").
 */
import { missingCaseError } from '../../shared/assert.js';
import { formatKip, t, type Lang, type MessageKey } from '../../shared/i18n/index.js';
import {
  DIFF_FIELDS,
  type DiffEntity,
  type DiffField,
  type DiffValue,
  type OpeningHours,
} from '../../shared/protocol.js';

export const fieldLabel = (field: DiffField): MessageKey => `console.transfer.field.${field}`;
export const entityLabel = (entity: DiffEntity): MessageKey => `console.transfer.group.${entity}`;

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function hoursWords(hours: OpeningHours[], lang: Lang): string[] {
  if (hours.length === 0) return [t(lang, 'console.transfer.value.alwaysOpen')];
  return hours.map((h) => {
    const day = t(lang, `console.weekday.${h.weekday}` as MessageKey);
    const open = `${day} ${hhmm(h.opensMin)}–${hhmm(h.closesMin)}`;
    if (h.lunchFromMin === null || h.lunchToMin === null) return open;
    const lunch = t(lang, 'console.transfer.value.lunch', {
      from: hhmm(h.lunchFromMin),
      to: hhmm(h.lunchToMin),
    });
    return `${open}, ${lunch}`;
  });
}

/** A value as lines of text (most are one line; documents, hours and lists are several). */
export function valueWords(v: DiffValue, lang: Lang): string[] {
  switch (v.type) {
    case 'text':
      return [v.value];
    case 'none':
      return [t(lang, 'console.transfer.value.none')];
    case 'number':
      return [String(v.value)];
    case 'kip':
      return [formatKip(v.value, lang)];
    case 'minutes':
      return [t(lang, 'console.transfer.value.minutes', { minutes: v.value })];
    case 'flag':
      return [t(lang, v.value ? 'console.transfer.value.yes' : 'console.transfer.value.no')];
    case 'cap':
      return [v.value === null ? t(lang, 'console.transfer.value.noCap') : String(v.value)];
    case 'name':
      return [v.value[lang]];
    case 'names':
      return v.value.length === 0
        ? [t(lang, 'console.transfer.value.none')]
        : v.value.map((n, i) => `${i + 1}. ${n[lang]}`);
    case 'lines':
      return v.value.length === 0 ? [t(lang, 'console.transfer.value.none')] : v.value;
    case 'feeRef':
      return [`${v.value[lang]}, ${v.value.date}`];
    case 'hours':
      return hoursWords(v.value, lang);
    default:
      throw missingCaseError(v);
  }
}

const ENTRY_OF: Record<string, MessageKey> = {
  ministries: 'console.transfer.entry.ministries',
  services: 'console.transfer.entry.services',
  counters: 'console.transfer.entry.counters',
  holidays: 'console.transfer.entry.holidays',
};

/** The field a path ends in, when it is one the preview names (`feeRef.date` → `feeRef`). */
function fieldOf(rest: string): DiffField | null {
  const named = rest === 'ministryId' ? 'ministry' : rest;
  return (
    DIFF_FIELDS.find((f) => named === f) ??
    DIFF_FIELDS.find((f) => named.startsWith(`${f}.`)) ??
    null
  );
}

/** "Service 4 · Ticket letter" for `services.3.prefix`; the path itself when it is unusual. */
export function wherePath(path: string, lang: Lang): string {
  if (path === '') return t(lang, 'console.transfer.entry.file');
  const [list = '', ...tail] = path.split('.');
  let place: string;
  let inner: string;
  if (list === 'centre') {
    place = t(lang, 'console.transfer.group.centre');
    inner = tail.join('.');
  } else {
    const [index = '', ...rest] = tail;
    const entry = ENTRY_OF[list];
    if (!entry || !/^\d+$/.test(index)) return path;
    place = t(lang, entry, { n: Number(index) + 1 });
    inner = rest.join('.');
  }
  const field = fieldOf(inner);
  const what = field ? t(lang, fieldLabel(field)) : inner;
  return what ? `${place} · ${what}` : place;
}
