/** What a report's group key is called, in the reader's language (console, CSV, XLSX alike). */
import { t, type Lang } from '../i18n/index.js';
import type { MessageKey } from '../i18n/en.js';
import type { ReportGroup } from '../schemas/reports.js';
import type { Localized } from '../schemas/entities.js';
import { missingCaseError } from '../assert.js';

export interface ReportNames {
  ministries: Map<string, Localized>;
  services: Map<string, Localized>;
  /** Counter id → its number. */
  counters: Map<number, number>;
  /** Staff id → name; staff see staff names, so only staff-facing reports pass these. */
  staff: Map<number, string>;
}

export const NO_GROUP_KEY = 'none';

/** ISO weekdays, Monday first (the console's own weekday keys count from Sunday = 0). */
export const ISO_WEEKDAY_KEYS = [
  'console.weekday.1',
  'console.weekday.2',
  'console.weekday.3',
  'console.weekday.4',
  'console.weekday.5',
  'console.weekday.6',
  'console.weekday.0',
] as const satisfies readonly MessageKey[];

export function groupLabel(
  group: ReportGroup,
  key: string,
  lang: Lang,
  names: ReportNames,
): string {
  if (key === NO_GROUP_KEY) return t(lang, 'report.key.none');
  const unknown = () => t(lang, 'report.key.unknown', { key });
  switch (group) {
    case 'ministry':
      return names.ministries.get(key)?.[lang] ?? unknown();
    case 'service':
      return names.services.get(key)?.[lang] ?? unknown();
    case 'counter': {
      const number = names.counters.get(Number(key));
      return number === undefined ? unknown() : t(lang, 'report.key.counter', { number });
    }
    case 'clerk':
      return names.staff.get(Number(key)) ?? unknown();
    case 'hour':
      return t(lang, 'report.key.hour', { hour: key.padStart(2, '0') });
    case 'weekday': {
      const weekday = ISO_WEEKDAY_KEYS[Number(key) - 1];
      return weekday ? t(lang, weekday) : unknown();
    }
    default:
      throw missingCaseError(group);
  }
}
