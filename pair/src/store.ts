/**
 * The pairing page's one store: the language, the code as typed, and how the
 * exchange went. pair-request.ts does the asking; PairPage shows the state.
 */
import { create } from 'zustand';
import type { Lang, MessageKey } from '../../shared/i18n/index.js';
import type { DeviceRole } from '../../shared/protocol.js';

export type PairPhase =
  | { name: 'typing' }
  | { name: 'sending' }
  | { name: 'refused'; message: MessageKey }
  | { name: 'paired'; role: DeviceRole; deviceName: string };

export interface PairState {
  lang: Lang;
  code: string;
  phase: PairPhase;
  setLang(lang: Lang): void;
  /** Keeps the digits only, six at most. */
  setCode(code: string): void;
}

export const usePairStore = create<PairState>()((set) => ({
  lang: 'lo',
  code: '',
  phase: { name: 'typing' },
  setLang: (lang) => set({ lang }),
  setCode: (code) => set({ code: code.replace(/\D/g, '').slice(0, 6), phase: { name: 'typing' } }),
}));
