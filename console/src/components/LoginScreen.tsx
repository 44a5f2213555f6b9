import { t } from '../../../shared/i18n/index.js';
import { fieldClass, LoginFieldProblem, useLoginForm } from '../../../shared/ui/login-form.js';
import { logIn } from '../session.js';
import { useConsoleStore } from '../store.js';

/** Username and PIN, for supervisors and managers; a missing one is named next to its field. */
export function LoginScreen() {
  const lang = useConsoleStore((s) => s.lang);
  const busy = useConsoleStore((s) => s.busy === 'login');
  const online = useConsoleStore((s) => s.status === 'online');
  const form = useLoginForm(logIn);

  return (
    <main className="screen screen--centred">
      <form className="card login" onSubmit={form.submit} aria-busy={busy} noValidate>
        <h1>{t(lang, 'console.login.title')}</h1>
        <p className="hint">{t(lang, 'console.login.hint')}</p>
        <label className={fieldClass(form.problems, 'username')}>
          <span className="field__label">{t(lang, 'console.login.username')}</span>
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            {...form.username}
          />
          <LoginFieldProblem lang={lang} problems={form.problems} field="username" />
        </label>
        <label className={fieldClass(form.problems, 'pin')}>
          <span className="field__label">{t(lang, 'console.login.pin')}</span>
          <input
            name="pin"
            type="password"
            inputMode="numeric"
            autoComplete="current-password"
            maxLength={8}
            {...form.pin}
          />
          <LoginFieldProblem lang={lang} problems={form.problems} field="pin" />
        </label>
        <button type="submit" className="button button--primary" disabled={busy || !online}>
          {t(lang, busy ? 'console.login.busy' : 'console.login.submit')}
        </button>
      </form>
    </main>
  );
}
