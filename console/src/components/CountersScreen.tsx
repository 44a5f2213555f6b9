import { useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/index.js';
import type { CounterConfig } from '../../../shared/protocol.js';
import { save } from '../config-actions.js';
import { useConsoleStore } from '../store.js';
import { CheckField, NameFields, TextField } from './Field.js';
import { ListPane, ListRow, NothingChosen } from './ListPane.js';
import { RankedServices } from './RankedServices.js';
import { FormCard } from './FormCard.js';
import { SaveBar } from './SaveBar.js';

function CounterForm({ counter }: { counter: CounterConfig | null }) {
  const lang = useConsoleStore((s) => s.lang);
  const select = useConsoleStore((s) => s.select);
  const [number, setNumber] = useState(counter ? String(counter.number) : '');
  const [name, setName] = useState(counter?.name ?? { lo: '', en: '' });
  const [services, setServices] = useState(counter?.services ?? []);
  const [active, setActive] = useState(counter?.active ?? true);
  const [version] = useState(counter?.version ?? null); // as opened: see ServiceForm
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = {
      ...(counter ? { id: counter.id } : {}),
      number: number === '' ? Number.NaN : Number(number),
      name,
      services,
      active,
    };
    void save('config:counter-save', { counter: input, version }).then(
      (saved) => saved && select(saved.id),
    );
  };
  return (
    <FormCard testId="counter-form" onSubmit={submit}>
      <h2>{t(lang, counter ? 'console.counter.edit' : 'console.counter.add')}</h2>
      <TextField
        label="console.counter.number"
        path="counter.number"
        inputMode="numeric"
        value={number}
        onChange={(v) => setNumber(v.replace(/\D/g, ''))}
      />
      <NameFields
        label={{ lo: 'console.nameLo', en: 'console.nameEn' }}
        path="counter.name"
        value={name}
        onChange={setName}
      />
      <RankedServices value={services} onChange={setServices} />
      <CheckField
        label="console.active"
        path="counter.active"
        checked={active}
        onChange={setActive}
      />
      <SaveBar onCancel={() => select(null)} />
    </FormCard>
  );
}

export function CountersScreen() {
  const lang = useConsoleStore((s) => s.lang);
  const counters = useConsoleStore((s) => s.config?.counters);
  const selection = useConsoleStore((s) => s.selection);
  const formGen = useConsoleStore((s) => s.formGen);
  if (!counters) return null;
  const chosen = counters.find((c) => c.id === selection) ?? null;
  return (
    <div className="split">
      <ListPane title="console.nav.counters" addLabel="console.counter.add">
        {[...counters]
          .sort((a, b) => a.number - b.number)
          .map((c) => (
            <ListRow key={c.id} id={c.id} testId={`counter-${c.number}`}>
              <span className="list-row__prefix">{c.number}</span>
              <span className="list-row__main">{c.name[lang]}</span>
              <span className="list-row__meta">
                {t(lang, 'console.counter.serves', { count: c.services.length })}
                {c.active ? null : (
                  <span className="mark mark--off">{t(lang, 'console.inactive')}</span>
                )}
              </span>
            </ListRow>
          ))}
      </ListPane>
      {selection === null ? (
        <NothingChosen hint="console.chooseOrAdd" />
      ) : (
        <CounterForm key={`${String(selection)}:${formGen}`} counter={chosen} />
      )}
    </div>
  );
}
