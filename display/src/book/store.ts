/**
 * The booking pages' one store: what the hub said (the centre, the bookable
 * services, the slots of each day looked at, the citizen's booking) and where
 * the citizen is in booking or changing it. book-actions.ts writes the hub's
 * part.
 */
import { create } from 'zustand';
import type { Lang, MessageKey } from '../../../shared/i18n/index.js';
import type {
  BookableAnswer,
  Booking,
  CheckInAnswer,
  SlotsAnswer,
  Snapshot,
} from '../../../shared/protocol.js';
import { readStored, writeStored } from '../../../shared/ui/stored.js';

/** The phone page's key: a citizen who chose English there reads English here too. */
const LANG_KEY = 'khiu.phone.lang';
const storedLang = (): Lang | null => {
  const lang = readStored(LANG_KEY);
  return lang === 'lo' || lang === 'en' ? lang : null;
};

/** Where the citizen is on /book. */
export type BookStep =
  | { name: 'service' }
  | { name: 'day'; serviceId: string }
  | { name: 'slot'; serviceId: string; day: string }
  | { name: 'details'; serviceId: string; day: string; start: string };

export type FieldName = 'name' | 'phone';

export interface DetailsForm {
  name: string;
  phone: string;
  errors: Partial<Record<FieldName, MessageKey>>;
  sending: boolean;
  /** Why the booking was refused, under the form. */
  error: MessageKey | null;
}

/** What /book/<code> shows besides the booking. */
export type BookingMode =
  | { name: 'view' }
  | { name: 'confirm-cancel' }
  | { name: 'move'; day: string | null; start: string | null };

/** A day's slots as last fetched: `loading`, `failed` (no answer), or the hub's answer. */
export type DaySlots = SlotsAnswer | 'loading' | 'failed';

export const slotsKey = (serviceId: string, day: string) => `${serviceId}|${day}`;

export interface BookState {
  chosenLang: Lang | null;
  fontsReady: boolean;
  /** The public snapshot: the hub's day, the centre's clock, holidays, hours and address. */
  snapshot: Snapshot | null;
  bookable: BookableAnswer['services'] | null;
  /** The first load got no answer: the page offers to try again. */
  loadFailed: boolean;
  slots: Record<string, DaySlots>;

  step: BookStep;
  form: DetailsForm;

  /** /book/<code>: the booking, once the hub answered. */
  code: string | null;
  lookup: 'loading' | 'found' | 'unknown' | 'failed';
  booking: Booking | null;
  /** Just made on this page: it says so above the booking. */
  justBooked: boolean;
  mode: BookingMode;
  pending: boolean;
  /** The last check-in's answer, shown until the page is left. */
  checkIn: CheckInAnswer | null;
  actionError: MessageKey | null;
  /** The last change said in words ("Moved: …"). */
  notice: MessageKey | null;

  setLang(lang: Lang): void;
  go(step: BookStep): void;
  back(): void;
  setField(field: FieldName, value: string): void;
  setMode(mode: BookingMode): void;
}

export const EMPTY_FORM: DetailsForm = {
  name: '',
  phone: '',
  errors: {},
  sending: false,
  error: null,
};

export const useBookStore = create<BookState>()((set, get) => ({
  chosenLang: storedLang(),
  fontsReady: false,
  snapshot: null,
  bookable: null,
  loadFailed: false,
  slots: {},
  step: { name: 'service' },
  form: EMPTY_FORM,
  code: null,
  lookup: 'loading',
  booking: null,
  justBooked: false,
  mode: { name: 'view' },
  pending: false,
  checkIn: null,
  actionError: null,
  notice: null,

  setLang: (chosenLang) => {
    writeStored(LANG_KEY, chosenLang);
    set({ chosenLang });
  },
  go: (step) => set({ step, form: { ...get().form, error: null } }),
  back: () => {
    const { step } = get();
    if (step.name === 'details')
      get().go({ name: 'slot', serviceId: step.serviceId, day: step.day });
    else if (step.name === 'slot') get().go({ name: 'day', serviceId: step.serviceId });
    else get().go({ name: 'service' });
  },
  setField: (field, value) =>
    set((s) => ({
      form: { ...s.form, [field]: value, errors: { ...s.form.errors, [field]: undefined } },
    })),
  setMode: (mode) => set({ mode, actionError: null, notice: null }),
}));

/** The page's language: the citizen's choice, else the booking's, else Lao. */
export function pageLang(s: Pick<BookState, 'chosenLang' | 'booking'>): Lang {
  return s.chosenLang ?? s.booking?.lang ?? 'lo';
}
