/**
 * What this browser remembers between page loads: the session token (never
 * the PIN) and the language, so a reload keeps a manager logged in.
 */
import type { Lang } from '../../shared/i18n/index.js';
import { readStored, writeStored } from '../../shared/ui/stored.js';

const TOKEN_KEY = 'khiu.console.sessionToken';
const LANG_KEY = 'khiu.console.lang';

export const readToken = () => readStored(TOKEN_KEY);
export const saveToken = (token: string | null) => writeStored(TOKEN_KEY, token);
export const readLang = (): Lang => (readStored(LANG_KEY) === 'en' ? 'en' : 'lo');
export const saveLang = (lang: Lang) => writeStored(LANG_KEY, lang);
