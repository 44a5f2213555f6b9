import { useState } from 'react';
import { t } from '../../../shared/i18n/index.js';
import { useConsoleStore } from '../store.js';
import { FieldMessage } from './Field.js';

function SmallButton({
  label,
  text,
  disabled,
  onClick,
}: {
  label: string;
  text: string;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="button button--quiet button--small"
      aria-label={label}
      disabled={disabled}
      onClick={onClick}
    >
      {text}
    </button>
  );
}

/** A service not yet served here, chosen from a list, goes to the end of the ranking. */
function AddService({ exclude, onAdd }: { exclude: string[]; onAdd: (id: string) => void }) {
  const lang = useConsoleStore((s) => s.lang);
  const services = useConsoleStore((s) => s.config?.services ?? []);
  const [adding, setAdding] = useState('');
  return (
    <div className="ranked__add">
      <select name="addService" value={adding} onChange={(e) => setAdding(e.target.value)}>
        <option value="">{t(lang, 'console.counter.chooseService')}</option>
        {services
          .filter((s) => !exclude.includes(s.id))
          .map((s) => (
            <option key={s.id} value={s.id}>
              {s.prefix} · {s.name[lang]}
            </option>
          ))}
      </select>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={adding === ''}
        onClick={() => {
          onAdd(adding);
          setAdding('');
        }}
      >
        {t(lang, 'console.counter.addService')}
      </button>
    </div>
  );
}

/** The services a counter serves, best-ranked first: add, remove, move up or down. */
export function RankedServices({
  value,
  onChange,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const lang = useConsoleStore((s) => s.lang);
  const services = useConsoleStore((s) => s.config?.services ?? []);
  const nameOf = (id: string) => services.find((s) => s.id === id)?.name[lang] ?? id;
  const move = (i: number, by: -1 | 1) => {
    const next = [...value];
    const [row] = next.splice(i, 1);
    if (row !== undefined) next.splice(i + by, 0, row);
    onChange(next);
  };
  return (
    <fieldset className="fieldset ranked" data-testid="ranked-services">
      <span className="field__label">{t(lang, 'console.counter.services')}</span>
      <ol className="ranked__list">
        {value.map((id, i) => (
          <li key={id} className="ranked__row" data-service={id}>
            <span className="ranked__name">{nameOf(id)}</span>
            <SmallButton
              label={t(lang, 'console.moveUp')}
              text="↑"
              disabled={i === 0}
              onClick={() => move(i, -1)}
            />
            <SmallButton
              label={t(lang, 'console.moveDown')}
              text="↓"
              disabled={i === value.length - 1}
              onClick={() => move(i, 1)}
            />
            <SmallButton
              label={t(lang, 'console.remove')}
              text="✕"
              onClick={() => onChange(value.filter((x) => x !== id))}
            />
          </li>
        ))}
      </ol>
      <FieldMessage path="counter.services" />
      <AddService exclude={value} onAdd={(id) => onChange([...value, id])} />
    </fieldset>
  );
}
