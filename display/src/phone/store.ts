/**
 * The phone page's one store: the citizen's own ticket as the hub last told
 * it, and the few things the page adds (language, the called alert, the
 * feedback form). connection.ts writes the hub's part.
 */
import { create } from 'zustand';
import type { Lang } from '../../../shared/i18n/index.js';
import type { FeedbackAnswers, TicketView } from '../../../shared/protocol.js';
import type { HubStatus } from '../../../shared/ui/hub-connection.js';
import { readStored, writeStored } from '../../../shared/ui/stored.js';

/** The language the citizen picked on this phone, kept across reloads. */
const LANG_KEY = 'khiu.phone.lang';
const storedLang = (): Lang | null => {
  const lang = readStored(LANG_KEY);
  return lang === 'lo' || lang === 'en' ? lang : null;
};

/** `unknown`: no such ticket (a wrong or incomplete link); the page says so kindly. */
export type Lookup = 'loading' | 'found' | 'unknown';

export type FeedbackStage = 'form' | 'sending' | 'thanks' | 'already-given' | 'failed';

export interface FeedbackDraft {
  score: number | null;
  answers: FeedbackAnswers;
  stage: FeedbackStage;
  /** Shown under the form when Send is pressed with no face chosen. */
  needsScore: boolean;
}

export interface PhoneState {
  code: string;
  status: HubStatus;
  lookup: Lookup;
  view: TicketView | null;
  /** Null until the citizen picks one (on this phone, ever): the ticket's own language until then. */
  chosenLang: Lang | null;
  fontsReady: boolean;
  /** The `calledAt` of the call the citizen has acknowledged; the alert shows for any other. */
  dismissedCallAt: number | null;
  feedback: FeedbackDraft;

  setLang(lang: Lang): void;
  dismissCall(): void;
  setScore(score: number): void;
  setAnswer<K extends keyof FeedbackAnswers>(key: K, value: FeedbackAnswers[K]): void;
}

export const usePhoneStore = create<PhoneState>()((set, get) => ({
  code: '',
  status: 'connecting',
  lookup: 'loading',
  view: null,
  chosenLang: storedLang(),
  fontsReady: false,
  dismissedCallAt: null,
  feedback: { score: null, answers: {}, stage: 'form', needsScore: false },

  setLang: (chosenLang) => {
    writeStored(LANG_KEY, chosenLang);
    set({ chosenLang });
  },
  dismissCall: () => set({ dismissedCallAt: get().view?.calledAt ?? null }),
  setScore: (score) => set((s) => ({ feedback: { ...s.feedback, score, needsScore: false } })),
  setAnswer: (key, value) =>
    set((s) => ({ feedback: { ...s.feedback, answers: { ...s.feedback.answers, [key]: value } } })),
}));

/** The page's language: the citizen's choice, else the language the ticket was taken in. */
export function pageLang(s: Pick<PhoneState, 'chosenLang' | 'view'>): Lang {
  return s.chosenLang ?? s.view?.lang ?? 'lo';
}
