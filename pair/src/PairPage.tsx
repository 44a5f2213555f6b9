import { t, type Lang } from '../../shared/i18n/index.js';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch.js';
import { pairThisDevice } from './pair-request.js';
import { usePairStore, type PairPhase } from './store.js';

function Outcome({ lang, phase }: { lang: Lang; phase: PairPhase }) {
  if (phase.name === 'refused') {
    return (
      <p className="pair__message pair__message--error" role="alert" data-testid="pair-refused">
        {t(lang, phase.message)}
      </p>
    );
  }
  if (phase.name === 'paired') {
    return (
      <p className="pair__message pair__message--done" role="status" data-testid="pair-done">
        {t(lang, 'pair.done', { name: phase.deviceName, role: t(lang, `role.${phase.role}`) })}
      </p>
    );
  }
  return null;
}

export function PairPage() {
  const lang = usePairStore((s) => s.lang);
  const code = usePairStore((s) => s.code);
  const phase = usePairStore((s) => s.phase);
  const setLang = usePairStore((s) => s.setLang);
  const setCode = usePairStore((s) => s.setCode);
  return (
    <main className="pair" lang={lang}>
      <header className="pair__header">
        <span className="pair__app">{t(lang, 'app.name')}</span>
        <LanguageSwitch lang={lang} onChange={setLang} />
      </header>
      <form
        className="pair__card"
        onSubmit={(e) => {
          e.preventDefault();
          void pairThisDevice();
        }}
      >
        <h1 className="pair__title">{t(lang, 'pair.title')}</h1>
        <p className="pair__hint">{t(lang, 'pair.hint')}</p>
        <label className="pair__label" htmlFor="pair-code">
          {t(lang, 'pair.code')}
        </label>
        <input
          id="pair-code"
          className="pair__code"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <button className="pair__button" type="submit" disabled={phase.name === 'sending'}>
          {t(lang, phase.name === 'sending' ? 'pair.sending' : 'pair.submit')}
        </button>
        <Outcome lang={lang} phase={phase} />
      </form>
    </main>
  );
}
