/**
 * What a staff login form still lacks, checked before anything is sent (the
 * counter's and the console's): each missing or malformed field gets its own
 * words, shown next to it, so an empty "Log in" never passes in silence.
 */
import type { MessageKey } from '../i18n/index.js';

export interface LoginProblems {
  username?: MessageKey | undefined;
  pin?: MessageKey | undefined;
}

/** A PIN is 4 to 8 digits, as `staff:login` checks. */
const PIN = /^\d{4,8}$/;

export function loginProblems(username: string, pin: string): LoginProblems {
  return {
    ...(username.trim() === '' ? { username: 'login.missing.username' } : {}),
    ...(PIN.test(pin) ? {} : { pin: 'login.missing.pin' }),
  };
}

export const hasLoginProblems = (p: LoginProblems) =>
  p.username !== undefined || p.pin !== undefined;
