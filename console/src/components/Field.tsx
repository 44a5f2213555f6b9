import type { ReactNode } from 'react';
import { t, type MessageKey } from '../../../shared/i18n/index.js';
import { errorAt, fieldMessageKey } from '../field-errors.js';
import { useConsoleStore } from '../store.js';

/** The message under a field when the hub (or the same check here) found it wrong. */
export function FieldMessage({ path, exact }: { path: string; exact?: boolean }) {
  const lang = useConsoleStore((s) => s.lang);
  const error = useConsoleStore((s) =>
    exact ? s.fieldErrors.find((e) => e.path === path) : errorAt(s.fieldErrors, path),
  );
  if (!error) return null;
  return (
    <span className="field__error" role="alert" data-field-error={path}>
      {t(lang, fieldMessageKey(error.issue))}
    </span>
  );
}

/** A label, its input, and the message for `path` if any. */
export function Field({
  label,
  path,
  children,
  hint,
}: {
  label: MessageKey;
  path: string;
  children: ReactNode;
  hint?: MessageKey;
}) {
  const lang = useConsoleStore((s) => s.lang);
  const invalid = useConsoleStore((s) => errorAt(s.fieldErrors, path) !== undefined);
  return (
    <label className={invalid ? 'field field--invalid' : 'field'}>
      <span className="field__label">{t(lang, label)}</span>
      {children}
      {hint ? <span className="field__hint">{t(lang, hint)}</span> : null}
      <FieldMessage path={path} />
    </label>
  );
}

export function TextField({
  label,
  path,
  value,
  onChange,
  hint,
  ...input
}: {
  label: MessageKey;
  path: string;
  value: string;
  onChange: (value: string) => void;
  hint?: MessageKey;
  type?: 'text' | 'password' | 'url' | 'number' | 'time';
  inputMode?: 'numeric' | 'text' | 'url';
  lang?: string;
  maxLength?: number;
  autoComplete?: string;
  /** An id that cannot change once saved. */
  readOnly?: boolean;
}) {
  return (
    <Field label={label} path={path} {...(hint ? { hint } : {})}>
      <input
        name={path}
        spellCheck={false}
        {...input}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** A name in Lao and in English, side by side. */
export function NameFields({
  label,
  path,
  value,
  onChange,
}: {
  label: { lo: MessageKey; en: MessageKey };
  path: string;
  value: { lo: string; en: string };
  onChange: (value: { lo: string; en: string }) => void;
}) {
  return (
    <div className="field-pair">
      <TextField
        label={label.lo}
        path={`${path}.lo`}
        lang="lo"
        value={value.lo}
        onChange={(lo) => onChange({ ...value, lo })}
      />
      <TextField
        label={label.en}
        path={`${path}.en`}
        lang="en"
        value={value.en}
        onChange={(en) => onChange({ ...value, en })}
      />
    </div>
  );
}

export function CheckField({
  label,
  checked,
  onChange,
  path,
}: {
  label: MessageKey;
  checked: boolean;
  onChange: (checked: boolean) => void;
  path: string;
}) {
  const lang = useConsoleStore((s) => s.lang);
  return (
    <label className="check">
      <input
        type="checkbox"
        name={path}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>{t(lang, label)}</span>
    </label>
  );
}
