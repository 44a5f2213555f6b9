import { t } from '../../../shared/i18n/index.js';
import { fieldClass, LoginFieldProblem, useLoginForm } from '../../../shared/ui/login-form.js';
import { logIn } from '../clerk-session.js';
import { useCounterStore } from '../store.js';

const PIN_PATTERN = '[0-9]{4,8}';

/** Username and PIN; Enter logs in, or says next to the field what is missing. */
export function LoginScreen() {
  const lang = useCounterStore((s) => s.lang);
  const busy = useCounterStore((s) => s.busy === 'login');
  const online = useCounterStore((s) => s.status === 'online');
  const form = useLoginForm(logIn);

  return (
    <main className="screen screen--centred">
      <form className="card login" onSubmit={form.submit} aria-busy={busy} noValidate>
        <h1>{t(lang, 'counter.login.title')}</h1>
        <label className={fieldClass(form.problems, 'username')}>
          <span>{t(lang, 'counter.login.username')}</span>
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
          <span>{t(lang, 'counter.login.pin')}</span>
          <input
            name="pin"
            type="password"
            inputMode="numeric"
            autoComplete="current-password"
            pattern={PIN_PATTERN}
            maxLength={8}
            {...form.pin}
          />
          <LoginFieldProblem lang={lang} problems={form.problems} field="pin" />
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
