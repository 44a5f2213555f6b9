import { useCallback } from 'react';
import { t } from '../../../shared/i18n/index.js';
import { chooseCounter } from '../clerk-session.js';
import { usePageKeys } from '../keyboard.js';
import { readSession } from '../saved-session.js';
import { useCounterStore } from '../store.js';

/** The counters this clerk may open; a number key opens the counter of that number. */
export function CounterChoice() {
  const lang = useCounterStore((s) => s.lang);
  const staff = useCounterStore((s) => s.staff);
  const snapshot = useCounterStore((s) => s.snapshot);
  const busy = useCounterStore((s) => s.busy !== null);
  const counters = (snapshot?.counters ?? []).filter((c) => staff?.counters.includes(c.id));
  const serviceName = (id: string) => snapshot?.services.find((s) => s.id === id)?.name[lang] ?? id;
  const lastUsed = readSession().counterId;

  const onKey = useCallback(
    (code: string) => {
      const digit = /^(?:Digit|Numpad)(\d)$/.exec(code)?.[1];
      const counter = counters.find((c) => String(c.number) === digit);
      if (!counter || busy) return false;
      chooseCounter(counter.id);
      return true;
    },
    [counters, busy],
  );
  usePageKeys(onKey, true);

  return (
    <main className="screen choose">
      <h1>{t(lang, 'counter.choose.title')}</h1>
      <p className="hint">{t(lang, 'counter.choose.hint')}</p>
      {counters.length === 0 ? (
        <p className="notice-bar notice-bar--error">{t(lang, 'counter.choose.none')}</p>
      ) : null}
      <div className="choose__grid">
        {counters.map((c) => (
          <button
            key={c.id}
            type="button"
            className="choose__counter"
            disabled={busy}
            autoFocus={c.id === lastUsed}
            aria-keyshortcuts={c.number < 10 ? String(c.number) : undefined}
            onClick={() => chooseCounter(c.id)}
          >
            <span className="choose__head">
              <span className="choose__name">{c.name[lang]}</span>
              {c.number < 10 ? <kbd className="action__key">{c.number}</kbd> : null}
            </span>
            <span className="choose__services">{c.services.map(serviceName).join(' · ')}</span>
            <span className={`chip chip--${c.status}`}>
              {c.staff && c.status !== 'closed'
                ? t(lang, 'counter.choose.inUseBy', { name: c.staff.name })
                : t(lang, `counterStatus.${c.status}`)}
            </span>
          </button>
        ))}
      </div>
    </main>
  );
}
