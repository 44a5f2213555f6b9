/**
 * Where a browser console keeps its device token: from the setup wizard (the
 * manager's first console) or from /pair (`?token=…`, then out of the address).
 */
import { deviceTokenParam } from '../../shared/ui/page-settings.js';

export const CONSOLE_TOKEN_KEY = 'khiu.console.deviceToken';

export function savedConsoleToken(): string | undefined {
  return deviceTokenParam(new URLSearchParams(window.location.search), CONSOLE_TOKEN_KEY);
}

export function saveConsoleToken(token: string): void {
  try {
    localStorage.setItem(CONSOLE_TOKEN_KEY, token);
  } catch {
    // Storage switched off: this visit still has the page; the next one pairs at /pair.
  }
}
