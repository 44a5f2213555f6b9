import { useEffect, useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/index.js';
import type { CentreInput } from '../../../shared/protocol.js';
import { setupCode, setupNeeded, submitSetup } from '../setup.js';
import { useConsoleStore } from '../store.js';
import { blankCentre, CentreFields } from './CentreFields.js';
import { ManagerFields, type ManagerDraft } from './ManagerFields.js';

/** The first run: the centre, then its first manager, in one request. */
export function SetupScreen() {
  const lang = useConsoleStore((s) => s.lang);
  const busy = useConsoleStore((s) => s.busy === 'setup');
  const [needed, setNeeded] = useState<boolean | null>(null);
  const [centre, setCentre] = useState<CentreInput>(blankCentre);
  const [manager, setManager] = useState<ManagerDraft>({
    username: '',
    name: '',
    pin: '',
    again: '',
  });
  useEffect(() => {
    void setupNeeded().then(setNeeded);
  }, []);

  const mismatch = manager.again !== manager.pin;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    const { username, name, pin } = manager;
    void submitSetup({ code: setupCode(), centre, manager: { username, name, pin } });
  };

  if (needed === false) {
    return (
      <main className="screen screen--centred">
        <div className="card login" data-testid="setup-done">
          <h1>{t(lang, 'console.setup.title')}</h1>
          <p>{t(lang, 'reason.setup-done')}</p>
          <a className="button button--primary" href="/console/">
            {t(lang, 'console.setup.toLogin')}
          </a>
        </div>
      </main>
    );
  }
  return (
    <main className="screen screen--scroll">
      <form className="card setup" onSubmit={submit} aria-busy={busy} data-testid="setup">
        <h1>{t(lang, 'console.setup.title')}</h1>
        <p className="hint">{t(lang, 'console.setup.intro')}</p>
        <h2>{t(lang, 'console.setup.centre')}</h2>
        <CentreFields value={centre} onChange={setCentre} />
        <h2>{t(lang, 'console.setup.manager')}</h2>
        <ManagerFields value={manager} onChange={setManager} mismatch={mismatch} />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t(lang, 'console.setup.submit')}
        </button>
      </form>
    </main>
  );
}
