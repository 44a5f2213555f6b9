import { t } from '../../../shared/i18n/index.js';
import { useConsoleStore } from '../store.js';
import { TextField } from './Field.js';

export interface ManagerDraft {
  username: string;
  name: string;
  pin: string;
  again: string;
}

const digits = (v: string) => v.replace(/\D/g, '').slice(0, 8);

function PinAgain({
  value,
  onChange,
  showMismatch,
}: {
  value: string;
  onChange: (v: string) => void;
  showMismatch: boolean;
}) {
  const lang = useConsoleStore((s) => s.lang);
  return (
    <label className={showMismatch ? 'field field--invalid' : 'field'}>
      <span className="field__label">{t(lang, 'console.pin.again')}</span>
      <input
        name="manager.pinAgain"
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {showMismatch ? (
        <span className="field__error" role="alert">
          {t(lang, 'field.pin-mismatch')}
        </span>
      ) : null}
    </label>
  );
}

/** The first manager: username, name, and the PIN twice. */
export function ManagerFields({
  value,
  onChange,
  mismatch,
}: {
  value: ManagerDraft;
  onChange: (value: ManagerDraft) => void;
  mismatch: boolean;
}) {
  const set = (key: keyof ManagerDraft) => (v: string) =>
    onChange({ ...value, [key]: key === 'pin' || key === 'again' ? digits(v) : v });
  return (
    <div className="fields">
      <div className="field-pair">
        <TextField
          label="console.staff.username"
          hint="console.staff.usernameHint"
          path="manager.username"
          autoComplete="off"
          value={value.username}
          onChange={set('username')}
        />
        <TextField
          label="console.staff.name"
          path="manager.name"
          value={value.name}
          onChange={set('name')}
        />
      </div>
      <div className="field-pair">
        <TextField
          label="console.pin.new"
          hint="console.pin.rule"
          path="manager.pin"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={value.pin}
          onChange={set('pin')}
        />
        <PinAgain
          value={value.again}
          onChange={set('again')}
          showMismatch={mismatch && (value.again !== '' || value.pin.length >= 6)}
        />
      </div>
    </div>
  );
}
