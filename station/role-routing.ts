/**
 * Which hub page each station role shows. The hub serves every app, so a
 * station only needs the hub's origin and its role; upgrading the hub
 * upgrades every screen.
 */
import type { StationRole } from '../shared/station-bridge.js';

/**
 * The feedback tablet runs the display app's feedback screen: the display
 * build already holds the citizen-facing pages (hall screen and `/t/<code>`),
 * and the hub serves any path under `/display/` from it.
 */
export const ROLE_PATHS = {
  kiosk: '/kiosk',
  counter: '/counter',
  display: '/display',
  feedback: '/display/feedback',
} as const satisfies Record<StationRole, `/${string}`>;

/** `hubPageUrl('http://192.168.1.10:8470', 'kiosk')` → `http://192.168.1.10:8470/kiosk`. */
export function hubPageUrl(hubUrl: string, role: StationRole): string {
  return new URL(ROLE_PATHS[role], hubUrl).href;
}
