import { useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/index.js';
import { changePin } from '../clerk-session.js';
import { useCounterStore } from '../store.js';

const digits = (v: string) => v.replace(/\D/g, '').slice(0, 8);

function PinField(props: { name: string; label: string; value: string; set: (v: string) => void }) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        name={props.name}
        type="password"
        inputMode="numeric"
        autoComplete={props.name === 'currentPin' ? 'current-password' : 'new-password'}
        value={props.value}
        onChange={(e) => props.set(digits(e.target.value))}
      />
    </label>
  );
}

/** A temporary PIN is changed before anything else (the hub refuses desk work until then). */
export function ChangePinScreen() {
  const lang = useCounterStore((s) => s.lang);
  const busy = useCounterStore((s) => s.busy === 'change-pin');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const mismatch = again !== '' && again !== next;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mismatch || !/^\d{6,8}$/.test(next)) return;
    void changePin(current, next).then((ok) => ok || setCurrent(''));
  };
  return (
    <main className="screen screen--centred">
      <form className="card login" onSubmit={submit} aria-busy={busy} data-testid="change-pin">
        <h1>{t(lang, 'console.pin.title')}</h1>
        <p className="hint">{t(lang, 'console.pin.body')}</p>
        <PinField
          name="currentPin"
          label={t(lang, 'console.pin.current')}
          value={current}
          set={setCurrent}
        />
        <PinField name="newPin" label={t(lang, 'console.pin.new')} value={next} set={setNext} />
        <p className="hint">{t(lang, 'console.pin.rule')}</p>
        <PinField
          name="newPinAgain"
          label={t(lang, 'console.pin.again')}
          value={again}
          set={setAgain}
        />
        {mismatch ? <p className="notice notice--error">{t(lang, 'field.pin-mismatch')}</p> : null}
        <button type="submit" className="action action--primary" disabled={busy || mismatch}>
          <span className="action__label">{t(lang, 'console.pin.submit')}</span>
          <kbd className="action__key">Enter</kbd>
        </button>
      </form>
    </main>
  );
}
