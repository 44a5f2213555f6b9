/**
 * The kiosk's one store. The hub's state (`snapshot`, `status`) is written by
 * connection.ts; the screens are a small state machine the components move
 * through with the actions below.
 */
import { create } from 'zustand';
import type { Lang, MessageKey } from '../../shared/i18n/index.js';
import type {
  CheckInAnswer,
  CheckInOutcome,
  IssuedTicket,
  Snapshot,
} from '../../shared/protocol.js';
import type { HubRefusal, HubStatus } from '../../shared/ui/hub-connection.js';
import { newRequestId } from '../../shared/ui/request-id.js';
import { readSettings, type KioskSettings } from './settings.js';

export const START_LANG: Lang = 'lo';

/** The check-in outcomes that come with a ticket. */
export const TICKET_OUTCOMES = ['checked-in', 'already-checked-in', 'too-late'] as const;
export type TicketOutcome = Extract<CheckInOutcome, (typeof TICKET_OUTCOMES)[number]>;
export const isTicketOutcome = (o: CheckInOutcome): o is TicketOutcome =>
  (TICKET_OUTCOMES as readonly string[]).includes(o);

export type Screen =
  | { name: 'home' }
  | { name: 'service'; serviceId: string }
  | {
      name: 'priority';
      serviceId: string;
      /** One per attempt at a ticket: every tap in this visit to the screen reuses it. */
      requestId: string;
      pending: boolean;
      error: MessageKey | null;
    }
  /**
   * The hub's ack: the ticket, and where it stood in the queue when it was issued. `checkIn`:
   * the ticket came from checking in a booking (checked in, again, or too late for it).
   */
  | { name: 'ticket'; ticket: IssuedTicket; checkIn?: TicketOutcome }
  /**
   * "I have a booking": the code as typed or scanned so far (a scanner types the QR's whole
   * link; booking-code.ts finds the code in it).
   */
  | { name: 'booking'; typed: string; pending: boolean; error: MessageKey | null }
  /** A check-in that gave no ticket: why, in words (too early, cancelled, another day, unknown). */
  | { name: 'check-in'; answer: CheckInAnswer };

export interface KioskState {
  settings: KioskSettings;
  lang: Lang;
  status: HubStatus;
  /** Why the hub turned this device away, while `status` is `refused`. */
  refusal: HubRefusal | null;
  snapshot: Snapshot | null;
  fontsReady: boolean;
  screen: Screen;
  /** Rises each time the kiosk goes home, so the home screen starts again at the top. */
  visit: number;
  /** A ticket request that got no answer (timeout, lost connection); retried with its requestId. */
  unanswered: { serviceId: string; requestId: string } | null;

  setLang(lang: Lang): void;
  openService(serviceId: string): void;
  askPriority(): void;
  openBooking(): void;
  back(): void;
  goHome(): void;
  /** Nobody is here any more: home, in Lao, for the next visitor. */
  reset(): void;
}

export const useKioskStore = create<KioskState>()((set, get) => ({
  settings: readSettings(),
  lang: START_LANG,
  status: 'connecting',
  refusal: null,
  snapshot: null,
  fontsReady: false,
  screen: { name: 'home' },
  visit: 0,
  unanswered: null,

  setLang: (lang) => set({ lang }),
  openService: (serviceId) => set({ screen: { name: 'service', serviceId } }),
  askPriority: () => {
    const { screen } = get();
    if (screen.name !== 'service') return;
    set({
      screen: {
        name: 'priority',
        serviceId: screen.serviceId,
        // A request the hub may have committed without our hearing back is sent again,
        // so a second tap after a timeout finds that ticket instead of making another.
        requestId:
          get().unanswered?.serviceId === screen.serviceId
            ? (get().unanswered?.requestId ?? newRequestId())
            : newRequestId(),
        pending: false,
        error: null,
      },
    });
  },
  openBooking: () => set({ screen: { name: 'booking', typed: '', pending: false, error: null } }),
  back: () => {
    const { screen } = get();
    if (screen.name === 'priority')
      set({ screen: { name: 'service', serviceId: screen.serviceId } });
    else if (screen.name === 'check-in') get().openBooking();
    else get().goHome();
  },
  goHome: () => set((s) => ({ screen: { name: 'home' }, visit: s.visit + 1 })),
  reset: () => set((s) => ({ screen: { name: 'home' }, visit: s.visit + 1, lang: START_LANG })),
}));
