import { t } from '../../../shared/i18n/index.js';
import type { DayDraft } from '../service-draft.js';
import { useConsoleStore } from '../store.js';
import { FieldMessage } from './Field.js';

const TIME_PATTERN = '[0-2][0-9]:[0-5][0-9]';

function TimeInput({
  value,
  onChange,
  label,
  name,
}: {
  value: string;
  onChange: (v: string) => void;
  label: string;
  name: string;
}) {
  return (
    <input
      className="time-input"
      name={name}
      aria-label={label}
      placeholder="HH:MM"
      pattern={TIME_PATTERN}
      maxLength={5}
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/[^\d:]/g, ''))}
    />
  );
}

function DayRow({
  d,
  path,
  onPatch,
}: {
  d: DayDraft;
  path: string;
  onPatch: (p: Partial<DayDraft>) => void;
}) {
  const lang = useConsoleStore((s) => s.lang);
  const day = t(lang, `console.weekday.${d.weekday}`);
  const time = (key: 'opens' | 'closes' | 'lunchFrom' | 'lunchTo', label: string) => (
    <TimeInput
      name={`hours.${d.weekday}.${key}`}
      label={`${day} ${label}`}
      value={d[key]}
      onChange={(v) => onPatch({ [key]: v })}
    />
  );
  return (
    <div className="hours__row" data-weekday={d.weekday}>
      <label className="check">
        <input
          type="checkbox"
          checked={d.open}
          onChange={(e) => onPatch({ open: e.target.checked })}
        />
        <span>{day}</span>
      </label>
      {d.open ? (
        <>
          {time('opens', t(lang, 'console.service.opens'))}
          {time('closes', t(lang, 'console.service.closes'))}
          <span className="hours__lunch">
            {time('lunchFrom', t(lang, 'console.service.lunchFrom'))}–
            {time('lunchTo', t(lang, 'console.service.lunchTo'))}
          </span>
          <FieldMessage path={path} />
        </>
      ) : (
        <span className="hint">{t(lang, 'console.service.closedDay')}</span>
      )}
    </div>
  );
}

/** One row per weekday: open or not, its hours, and a lunch break if it has one. */
export function HoursEditor({
  days,
  onChange,
}: {
  days: DayDraft[];
  onChange: (days: DayDraft[]) => void;
}) {
  const lang = useConsoleStore((s) => s.lang);
  const patch = (weekday: number, p: Partial<DayDraft>) =>
    onChange(days.map((d) => (d.weekday === weekday ? { ...d, ...p } : d)));
  // The hub names an open day by its place among the open days (service.hours.<i>).
  const openIndex = (weekday: number) =>
    days.filter((d) => d.open).findIndex((d) => d.weekday === weekday);
  return (
    <fieldset className="fieldset hours" data-testid="hours">
      <span className="field__label">{t(lang, 'console.service.hours')}</span>
      <FieldMessage path="service.hours" exact />
      <div className="hours__head">
        <span />
        <span>{t(lang, 'console.service.opens')}</span>
        <span>{t(lang, 'console.service.closes')}</span>
        <span>{t(lang, 'console.service.lunch')}</span>
      </div>
      {days.map((d) => (
        <DayRow
          key={d.weekday}
          d={d}
          path={`service.hours.${openIndex(d.weekday)}`}
          onPatch={(p) => patch(d.weekday, p)}
        />
      ))}
      <span className="field__hint">{t(lang, 'console.service.hoursHint')}</span>
    </fieldset>
  );
}
