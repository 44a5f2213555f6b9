/**
 * What this browser remembers between page loads: the clerk's session token
 * (never the PIN) and the counter they opened, so a reload or a hub restart
 * puts them back at their counter without asking again.
 */
const TOKEN_KEY = 'khiu.counter.sessionToken';
const COUNTER_KEY = 'khiu.counter.counterId';
const LANG_KEY = 'khiu.counter.lang';

export interface SavedSession {
  token: string | null;
  counterId: number | null;
}

// Storage can be switched off or full; the app then simply asks for the PIN after a reload.
function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // see read()
  }
}

export function readSession(): SavedSession {
  const counterId = Number(read(COUNTER_KEY));
  return {
    token: read(TOKEN_KEY),
    counterId: Number.isInteger(counterId) && counterId > 0 ? counterId : null,
  };
}

export const saveToken = (token: string | null) => write(TOKEN_KEY, token);
export const saveCounter = (counterId: number | null) =>
  write(COUNTER_KEY, counterId === null ? null : String(counterId));

export function forgetSession(): void {
  saveToken(null);
  saveCounter(null);
}

export const readLang = (): 'lo' | 'en' => (read(LANG_KEY) === 'en' ? 'en' : 'lo');
export const saveLang = (lang: 'lo' | 'en') => write(LANG_KEY, lang);
