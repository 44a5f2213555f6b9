/**
 * The counter's one store. connection.ts writes the hub's state (`snapshot`,
 * `status`); the clerk's actions (clerk-session.ts, desk-controller.ts) write
 * what their requests bring back. Components read narrowly and call those
 * actions, or the small ones below.
 */
import { create } from 'zustand';
import type { Lang } from '../../shared/i18n/index.js';
import type { Alert, CounterStats, Snapshot, Staff } from '../../shared/protocol.js';
import type { HubRefusal, HubStatus } from '../../shared/ui/hub-connection.js';
import { readLang, readSession, saveLang } from './saved-session.js';

/**
 * `restoring`: a saved session is being resumed, so neither the PIN form nor the desk is shown
 * yet. `change-pin`: a new or reset PIN is temporary and must be changed before any desk work.
 */
export type Phase = 'restoring' | 'login' | 'change-pin' | 'choose' | 'desk';

import type { Notice } from '../../shared/ui/notice.js';

export { genericNotice, type Notice } from '../../shared/ui/notice.js';

export const UNREACHABLE: Notice = { key: 'counter.notice.unreachable', tone: 'error' };

export type Dialog =
  | { kind: 'transfer'; ticketId: number }
  | { kind: 'cancel'; ticketId: number; label: string }
  | { kind: 'pause' }
  | { kind: 'close' }
  /** Another clerk works the counter: ask before taking it from under them. */
  | { kind: 'take-over'; counterId: number; number: number; name: string };

export interface CounterState {
  lang: Lang;
  status: HubStatus;
  /** Why the hub turned this device away, while `status` is `refused`. */
  refusal: HubRefusal | null;
  snapshot: Snapshot | null;
  fontsReady: boolean;
  phase: Phase;
  staff: Staff | null;
  counterId: number | null;
  /** What is being asked of the hub right now; every other action waits for it. */
  busy: string | null;
  notice: Notice | null;
  dialog: Dialog | null;
  /** The ticket chosen in the waiting or on-hold list, for call-this, cancel and resume. */
  selectedId: number | null;
  stats: CounterStats | null;
  /** Hub clock minus this machine's, so waits are right even when the PC's clock is not. */
  clockOffsetMs: number;
  /** Every alert the hub has standing (`floor:alerts`); AlertBanner shows this counter's. */
  alerts: Alert[];

  setLang(lang: Lang): void;
  select(ticketId: number | null): void;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
  dismissNotice(): void;
}

export const useCounterStore = create<CounterState>()((set) => ({
  lang: readLang(),
  status: 'connecting',
  refusal: null,
  snapshot: null,
  fontsReady: false,
  // A saved session is resumed as soon as the hub is reached (clerk-session.ts).
  phase: readSession().token ? 'restoring' : 'login',
  staff: null,
  counterId: null,
  busy: null,
  notice: null,
  dialog: null,
  selectedId: null,
  stats: null,
  clockOffsetMs: 0,
  alerts: [],

  setLang: (lang) => {
    saveLang(lang);
    set({ lang });
  },
  select: (selectedId) => set({ selectedId }),
  openDialog: (dialog) => set({ dialog, notice: null }),
  closeDialog: () => set({ dialog: null }),
  dismissNotice: () => set({ notice: null }),
}));

/** The hub's current time, as near as this machine can tell. */
export const hubNow = () => Date.now() + useCounterStore.getState().clockOffsetMs;
