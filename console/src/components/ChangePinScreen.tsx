import { useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/index.js';
import { changePin } from '../session.js';
import { useConsoleStore } from '../store.js';
import { FieldMessage } from './Field.js';

const digits = (v: string) => v.replace(/\D/g, '').slice(0, 8);

/** A temporary PIN is changed before anything else. */
export function ChangePinScreen() {
  const lang = useConsoleStore((s) => s.lang);
  const busy = useConsoleStore((s) => s.busy === 'change-pin');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const mismatch = again !== '' && again !== next;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mismatch || !next) return;
    void changePin(current, next).then(() => {
      setCurrent('');
      setNext('');
      setAgain('');
    });
  };
  const pinInput = (name: string, value: string, set: (v: string) => void) => (
    <input
      name={name}
      type="password"
      inputMode="numeric"
      autoComplete={name === 'currentPin' ? 'current-password' : 'new-password'}
      value={value}
      onChange={(e) => set(digits(e.target.value))}
    />
  );

  return (
    <main className="screen screen--centred">
      <form className="card login" onSubmit={submit} aria-busy={busy}>
        <h1>{t(lang, 'console.pin.title')}</h1>
        <p className="hint">{t(lang, 'console.pin.body')}</p>
        <label className="field">
          <span className="field__label">{t(lang, 'console.pin.current')}</span>
          {pinInput('currentPin', current, setCurrent)}
          <FieldMessage path="currentPin" />
        </label>
        <label className="field">
          <span className="field__label">{t(lang, 'console.pin.new')}</span>
          {pinInput('newPin', next, setNext)}
          <span className="field__hint">{t(lang, 'console.pin.rule')}</span>
          <FieldMessage path="newPin" />
        </label>
        <label className={mismatch ? 'field field--invalid' : 'field'}>
          <span className="field__label">{t(lang, 'console.pin.again')}</span>
          {pinInput('newPinAgain', again, setAgain)}
          {mismatch ? <span className="field__error">{t(lang, 'field.pin-mismatch')}</span> : null}
        </label>
        <button type="submit" className="button button--primary" disabled={busy || mismatch}>
          {t(lang, 'console.pin.submit')}
        </button>
      </form>
    </main>
  );
}
