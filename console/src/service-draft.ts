/**
 * A service as its form holds it (numbers and times as typed) and back to
 * what the hub takes. Times are "HH:MM" on screen and minutes since midnight
 * on the wire; a value that is not one becomes NaN, which the schema refuses
 * with a message next to the field.
 */
import type { OpeningHours, ServiceConfig, ServiceInput } from '../../shared/protocol.js';

/** Monday to Saturday in the order a Lao week is read; Sunday last. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface DayDraft {
  weekday: Weekday;
  open: boolean;
  opens: string;
  closes: string;
  lunchFrom: string;
  lunchTo: string;
}

export interface ServiceDraft {
  id: string;
  ministryId: string;
  prefix: string;
  name: { lo: string; en: string };
  fee: string;
  feeIsSample: boolean;
  ref: { lo: string; en: string; date: string };
  documents: { lo: string[]; en: string[] };
  targetMinutes: string;
  dailyCap: string;
  days: DayDraft[];
  asksPriority: boolean;
  open: boolean;
  sort: string;
}

export function hhmm(minutes: number | null): string {
  if (minutes === null) return '';
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function minutesOf(text: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return Number.NaN;
  const [hours, minutes] = [Number(m[1]), Number(m[2])];
  return minutes < 60 ? hours * 60 + minutes : Number.NaN;
}

const numberOf = (text: string) =>
  text.trim() === '' ? Number.NaN : Number(text.replace(/,/g, ''));

function dayDraft(weekday: Weekday, hours: readonly OpeningHours[], isNew: boolean): DayDraft {
  const h = hours.find((x) => x.weekday === weekday);
  // A new service opens Monday to Friday, 08:00–16:00 with lunch 12:00–13:00, as most centres do.
  const weekdayDefault = isNew && weekday >= 1 && weekday <= 5;
  return {
    weekday,
    open: h !== undefined || weekdayDefault,
    opens: h ? hhmm(h.opensMin) : '08:00',
    closes: h ? hhmm(h.closesMin) : '16:00',
    lunchFrom: h ? hhmm(h.lunchFromMin) : weekdayDefault ? '12:00' : '',
    lunchTo: h ? hhmm(h.lunchToMin) : weekdayDefault ? '13:00' : '',
  };
}

export function toDraft(s: ServiceConfig | null, ministryId: string): ServiceDraft {
  const hours = s?.hours ?? [];
  return {
    id: s?.id ?? '',
    ministryId: s?.ministryId ?? ministryId,
    prefix: s?.prefix ?? '',
    name: s?.name ?? { lo: '', en: '' },
    fee: s ? String(s.feeLak) : '',
    feeIsSample: s?.feeIsSample ?? false,
    ref: s?.feeRef ?? { lo: '', en: '', date: '' },
    documents: s?.documents ?? { lo: [], en: [] },
    targetMinutes: String(s?.targetMinutes ?? 20),
    dailyCap: s?.dailyCap ? String(s.dailyCap) : '',
    // A saved service with no hours is open all the time: keep it so.
    days: WEEKDAYS.map((w) => dayDraft(w, hours, s === null)),
    asksPriority: s?.asksPriority ?? true,
    open: s?.open ?? true,
    sort: String(s?.sort ?? 0),
  };
}

/** The open days, in the order the hub will report errors for them (`service.hours.<i>`). */
export const openDays = (d: ServiceDraft) => d.days.filter((day) => day.open);

function hoursOf(day: DayDraft): OpeningHours {
  const lunch = day.lunchFrom.trim() !== '' || day.lunchTo.trim() !== '';
  return {
    weekday: day.weekday,
    opensMin: minutesOf(day.opens),
    closesMin: minutesOf(day.closes),
    lunchFromMin: lunch ? minutesOf(day.lunchFrom) : null,
    lunchToMin: lunch ? minutesOf(day.lunchTo) : null,
  };
}

export function fromDraft(d: ServiceDraft): ServiceInput {
  const refGiven = d.ref.lo.trim() !== '' || d.ref.en.trim() !== '' || d.ref.date !== '';
  const lines = (list: string[]) => list.map((x) => x.trim()).filter((x) => x !== '');
  return {
    id: d.id.trim(),
    ministryId: d.ministryId,
    prefix: d.prefix.trim(),
    name: d.name,
    feeLak: numberOf(d.fee),
    feeIsSample: d.feeIsSample,
    feeRef: refGiven ? d.ref : null,
    documents: { lo: lines(d.documents.lo), en: lines(d.documents.en) },
    targetMinutes: numberOf(d.targetMinutes),
    dailyCap: d.dailyCap.trim() === '' ? null : numberOf(d.dailyCap),
    hours: openDays(d).map(hoursOf),
    asksPriority: d.asksPriority,
    open: d.open,
    sort: numberOf(d.sort),
  };
}
