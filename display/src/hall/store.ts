/**
 * The hall display's one store. connection.ts writes the hub's state into it;
 * the components only read.
 */
import { create } from 'zustand';
import type { Snapshot } from '../../../shared/protocol.js';
import type { HubRefusal, HubStatus } from '../../../shared/ui/hub-connection.js';

export interface HallState {
  snapshot: Snapshot | null;
  status: HubStatus;
  /** Why the hub turned this device away, while `status` is `refused`. */
  refusal: HubRefusal | null;
  fontsReady: boolean;
  /** The key (ticket id and recalls) of the newest call, while it is new enough to flash. */
  freshCall: string | null;
  /** The browser keeps sound off until someone taps the screen. */
  soundBlocked: boolean;
}

export const useHallStore = create<HallState>()(() => ({
  snapshot: null,
  status: 'connecting',
  refusal: null,
  fontsReady: false,
  freshCall: null,
  soundBlocked: false,
}));
