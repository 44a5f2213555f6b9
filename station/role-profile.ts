/** How each station role behaves beyond the page it shows. */
import type { StationRole } from '../shared/station-bridge.js';

export interface RoleProfile {
  /** Full-screen kiosk window, no dev tools, keys and close requests that would leave the app ignored. */
  readonly locked: boolean;
  /** Hold off display sleep and screen blanking while the station runs. */
  readonly keepAwake: boolean;
  /** No mouse pointer over the page (a TV has no one to point). */
  readonly hideCursor: boolean;
  /** Media and Web Audio may start without a touch (the display's chime and voice). */
  readonly autoplay: boolean;
}

/**
 * Citizens stand at the kiosk and the feedback tablet, and the hall watches
 * the display: all three are locked and stay awake. A counter is a clerk's
 * PC that also runs other office software, so it is an ordinary window and
 * the OS decides when its screen sleeps. The kiosk keeps its pointer: it is
 * invisible under a finger and a technician with a mouse needs it.
 */
export const ROLE_PROFILES = {
  kiosk: { locked: true, keepAwake: true, hideCursor: false, autoplay: false },
  counter: { locked: false, keepAwake: false, hideCursor: false, autoplay: false },
  display: { locked: true, keepAwake: true, hideCursor: true, autoplay: true },
  feedback: { locked: true, keepAwake: true, hideCursor: false, autoplay: false },
} as const satisfies Record<StationRole, RoleProfile>;

/** The setup screen (no role yet) is an ordinary window: a technician is in front of it. */
export const SETUP_PROFILE: RoleProfile = {
  locked: false,
  keepAwake: false,
  hideCursor: false,
  autoplay: false,
};

export const profileOf = (role: StationRole | null): RoleProfile =>
  role === null ? SETUP_PROFILE : ROLE_PROFILES[role];
