/**
 * A date field that reads day first, "04/12/2026", as the centre writes
 * dates, whatever language the browser was installed in (a native date input
 * follows the browser's locale: mm/dd/yyyy on a US-English one). Under it,
 * the day in words, so a slip of the fingers (04/12 meant as 12 April) shows
 * before it is saved; while there is no day, how to write one. The calendar
 * button still opens the browser's picker. The value in and out is an ISO
 * day; text that is no day is passed on as typed, for the hub's check to name
 * next to the field.
 */
import { useEffect, useRef, useState } from 'react';
import { t, type MessageKey } from '../../../shared/i18n/index.js';
import { dayInWords, dayText, parseDayText } from '../../../shared/i18n/day-text.js';
import { useConsoleStore } from '../store.js';
import { Field } from './Field.js';

const fromTyped = (typed: string) => (typed.trim() === '' ? '' : (parseDayText(typed) ?? typed));

/** The text in the field, kept as typed; `value` shown afresh only when it changes from outside. */
function useDayText(value: string, onChange: (isoDay: string) => void) {
  const [text, setText] = useState(() => dayText(value));
  // The value this field last sent: a different one came from outside (a reset, a loaded entry).
  const sent = useRef(value);
  useEffect(() => {
    if (value === sent.current) return;
    sent.current = value;
    setText(dayText(value));
  }, [value]);
  const change = (typed: string) => {
    setText(typed);
    sent.current = fromTyped(typed);
    onChange(sent.current);
  };
  /** On leaving the field, "4/12/2026" is written out as "04/12/2026". */
  const tidy = () => {
    const iso = parseDayText(text);
    if (iso) setText(dayText(iso));
  };
  return { text, change, tidy };
}

/** The browser's own calendar, opened by a button and never seen otherwise. */
function CalendarButton({ value, onPick }: { value: string; onPick: (typed: string) => void }) {
  const lang = useConsoleStore((s) => s.lang);
  const picker = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="button date-field__pick"
        onClick={() => picker.current?.showPicker()}
      >
        {t(lang, 'console.date.pick')}
      </button>
      <input
        ref={picker}
        type="date"
        className="date-field__native"
        tabIndex={-1}
        aria-hidden="true"
        value={parseDayText(value) ?? ''}
        onChange={(e) => onPick(dayText(e.target.value))}
      />
    </>
  );
}

export function DateField({
  label,
  path,
  value,
  onChange,
  hint,
}: {
  label: MessageKey;
  path: string;
  /** An ISO day, or '' for none. */
  value: string;
  onChange: (isoDay: string) => void;
  hint?: MessageKey;
}) {
  const lang = useConsoleStore((s) => s.lang);
  const { text, change, tidy } = useDayText(value, onChange);
  const words = dayInWords(value, lang);
  return (
    <Field label={label} path={path} {...(hint ? { hint } : {})}>
      <span className="date-field">
        <input
          name={path}
          value={text}
          placeholder={t(lang, 'console.date.placeholder')}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={10}
          onChange={(e) => change(e.target.value)}
          onBlur={tidy}
        />
        <CalendarButton value={value} onPick={change} />
      </span>
      {/* The day in words, or until there is one, how to write it (the note a wrong one points to). */}
      <span className="field__hint" data-day-words={path}>
        {words ?? t(lang, 'console.date.hint')}
      </span>
    </Field>
  );
}
