/**
 * The console's one store. connection.ts writes the hub's state (`status`,
 * `snapshot`); session.ts and config-actions.ts write what their requests
 * bring back. Forms keep their own drafts; what the hub said about a field
 * (`fieldErrors`) is here, so the message appears next to that field.
 */
import { create } from 'zustand';
import type { Lang } from '../../shared/i18n/index.js';
import type {
  ConsoleConfig,
  FeeChange,
  FieldError,
  Snapshot,
  Staff,
} from '../../shared/protocol.js';
import type { HubRefusal, HubStatus } from '../../shared/ui/hub-connection.js';
import { readLang, readToken, saveLang } from './saved-session.js';
import type { SectionId } from './sections.js';

/** `restoring`: a saved session is being resumed, so neither the login nor the screens show yet. */
export type Phase = 'setup' | 'restoring' | 'login' | 'change-pin' | 'app';

import type { Notice } from '../../shared/ui/notice.js';

export { genericNotice, type Notice } from '../../shared/ui/notice.js';

export const UNREACHABLE: Notice = { key: 'console.notice.unreachable', tone: 'error' };

/** Which row a section's form edits: its id, `new`, or none. */
export type Selection = string | number | 'new' | null;

/** A temporary PIN the hub gave once, shown until the manager closes it. */
export interface TemporaryPin {
  name: string;
  username: string;
  pin: string;
}

export interface ConsoleState {
  lang: Lang;
  status: HubStatus;
  /** Why the hub turned this console away, while `status` is `refused`. */
  refusal: HubRefusal | null;
  snapshot: Snapshot | null;
  fontsReady: boolean;
  phase: Phase;
  staff: Staff | null;
  config: ConsoleConfig | null;
  section: SectionId;
  selection: Selection;
  /** Bumped to throw away a form's draft (after a stale edit) and start again from the latest. */
  formGen: number;
  fieldErrors: FieldError[];
  busy: string | null;
  notice: Notice | null;
  temporaryPin: TemporaryPin | null;
  feeHistory: { serviceId: string; changes: FeeChange[] } | null;

  setLang(lang: Lang): void;
  open(section: SectionId): void;
  select(selection: Selection): void;
  dismissNotice(): void;
  closeTemporaryPin(): void;
}

const isSetupPage = () => /\/setup\/?$/.test(window.location.pathname);

export const useConsoleStore = create<ConsoleState>()((set) => ({
  lang: readLang(),
  status: 'connecting',
  refusal: null,
  snapshot: null,
  fontsReady: false,
  phase: isSetupPage() ? 'setup' : readToken() ? 'restoring' : 'login',
  staff: null,
  config: null,
  section: 'centre',
  selection: null,
  formGen: 0,
  fieldErrors: [],
  busy: null,
  notice: null,
  temporaryPin: null,
  feeHistory: null,

  setLang: (lang) => {
    saveLang(lang);
    set({ lang });
  },
  open: (section) => set({ section, selection: null, fieldErrors: [], notice: null }),
  select: (selection) => set((s) => ({ selection, fieldErrors: [], formGen: s.formGen + 1 })),
  dismissNotice: () => set({ notice: null }),
  closeTemporaryPin: () => set({ temporaryPin: null }),
}));

/** Only a manager changes the configuration; a supervisor reads it. */
export const useCanEdit = () => useConsoleStore((s) => s.staff?.role === 'manager');
