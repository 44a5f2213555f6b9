/**
 * The kiosk's settings, read once from the page address, so a station or a
 * test can tune them without a rebuild: `?ticketSeconds=20&idleSeconds=60`.
 * A paired browser kiosk passes its device token once as `?token=…`; it is
 * kept in localStorage and taken out of the address bar.
 */
import { deviceTokenParam, secondsParam } from '../../shared/ui/page-settings.js';

const DEFAULT_TICKET_SECONDS = 20;
const DEFAULT_IDLE_SECONDS = 60;
const TOKEN_STORAGE_KEY = 'khiu.kiosk.deviceToken';

export interface KioskSettings {
  /** How long the ticket stays on screen before the kiosk returns home. */
  ticketMs: number;
  /** How long any screen waits without a touch before returning home. */
  idleMs: number;
  token: string | undefined;
}

export function readSettings(search = window.location.search): KioskSettings {
  const params = new URLSearchParams(search);
  return {
    ticketMs: secondsParam(params, 'ticketSeconds', DEFAULT_TICKET_SECONDS),
    idleMs: secondsParam(params, 'idleSeconds', DEFAULT_IDLE_SECONDS),
    token: deviceTokenParam(params, TOKEN_STORAGE_KEY),
  };
}
