import { useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/index.js';
import { logIn } from '../session.js';
import { useConsoleStore } from '../store.js';

/** Username and PIN, for supervisors and managers; the PIN field is cleared after every try. */
export function LoginScreen() {
  const lang = useConsoleStore((s) => s.lang);
  const busy = useConsoleStore((s) => s.busy === 'login');
  const online = useConsoleStore((s) => s.status === 'online');
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
        <h1>{t(lang, 'console.login.title')}</h1>
        <p className="hint">{t(lang, 'console.login.hint')}</p>
        <label className="field">
          <span className="field__label">{t(lang, 'console.login.username')}</span>
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
          <span className="field__label">{t(lang, 'console.login.pin')}</span>
          <input
            name="pin"
            type="password"
            inputMode="numeric"
            autoComplete="current-password"
            maxLength={8}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          />
        </label>
        <button type="submit" className="button button--primary" disabled={busy || !online}>
          {t(lang, busy ? 'console.login.busy' : 'console.login.submit')}
        </button>
      </form>
    </main>
  );
}
