/**
 * What this browser remembers between page loads: the clerk's session token
 * (never the PIN) and the counter they opened, so a reload or a hub restart
 * puts them back at their counter without asking again.
 */
import { readStored, writeStored } from '../../shared/ui/stored.js';

const TOKEN_KEY = 'khiu.counter.sessionToken';
const COUNTER_KEY = 'khiu.counter.counterId';
const LANG_KEY = 'khiu.counter.lang';

export interface SavedSession {
  token: string | null;
  counterId: number | null;
}

export function readSession(): SavedSession {
  const counterId = Number(readStored(COUNTER_KEY));
  return {
    token: readStored(TOKEN_KEY),
    counterId: Number.isInteger(counterId) && counterId > 0 ? counterId : null,
  };
}

export const saveToken = (token: string | null) => writeStored(TOKEN_KEY, token);
export const saveCounter = (counterId: number | null) =>
  writeStored(COUNTER_KEY, counterId === null ? null : String(counterId));

export function forgetSession(): void {
  saveToken(null);
  saveCounter(null);
}

export const readLang = (): 'lo' | 'en' => (readStored(LANG_KEY) === 'en' ? 'en' : 'lo');
export const saveLang = (lang: 'lo' | 'en') => writeStored(LANG_KEY, lang);
