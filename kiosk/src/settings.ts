/**
 * The kiosk's settings, read once from the page address, so a station or a
 * test can tune them without a rebuild: `?ticketSeconds=20&idleSeconds=60`.
 * A paired browser kiosk passes its device token once as `?token=…`; it is
 * kept in localStorage and taken out of the address bar.
 */
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

function seconds(params: URLSearchParams, name: string, fallback: number): number {
  const value = Number(params.get(name));
  return (params.has(name) && Number.isFinite(value) && value > 0 ? value : fallback) * 1000;
}

function deviceToken(params: URLSearchParams): string | undefined {
  const fromUrl = params.get('token');
  try {
    if (fromUrl) {
      localStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
      const url = new URL(window.location.href);
      url.searchParams.delete('token');
      history.replaceState(null, '', url);
      return fromUrl;
    }
    return localStorage.getItem(TOKEN_STORAGE_KEY) ?? undefined;
  } catch {
    // Storage can be switched off; the token from the address still works for this visit.
    return fromUrl ?? undefined;
  }
}

export function readSettings(search = window.location.search): KioskSettings {
  const params = new URLSearchParams(search);
  return {
    ticketMs: seconds(params, 'ticketSeconds', DEFAULT_TICKET_SECONDS),
    idleMs: seconds(params, 'idleSeconds', DEFAULT_IDLE_SECONDS),
    token: deviceToken(params),
  };
}
