import { useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/index.js';
import { logIn } from '../clerk-session.js';
import { useCounterStore } from '../store.js';

const PIN_PATTERN = '[0-9]{4,8}';

/** Username and PIN; Enter logs in. The PIN field is cleared after every try. */
export function LoginScreen() {
  const lang = useCounterStore((s) => s.lang);
  const busy = useCounterStore((s) => s.busy === 'login');
  const online = useCounterStore((s) => s.status === 'online');
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !/^\d{4,8}$/.test(pin)) return;
    void logIn(username.trim(), pin).then(() => setPin(''));
  };

  return (
    <main className="screen screen--centred">
      <form className="card login" onSubmit={submit} aria-busy={busy}>
        <h1>{t(lang, 'counter.login.title')}</h1>
        <label className="field">
          <span>{t(lang, 'counter.login.username')}</span>
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t(lang, 'counter.login.pin')}</span>
          <input
            name="pin"
            type="password"
            inputMode="numeric"
            autoComplete="current-password"
            pattern={PIN_PATTERN}
            maxLength={8}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          />
        </label>
        <p className="hint">{t(lang, 'counter.login.hint')}</p>
        <button type="submit" className="action action--primary" disabled={busy || !online}>
          <span className="action__label">
            {t(lang, busy ? 'counter.login.busy' : 'counter.login.submit')}
          </span>
          <kbd className="action__key">Enter</kbd>
        </button>
      </form>
    </main>
  );
}
