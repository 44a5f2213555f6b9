import { useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/index.js';
import type { MinistryConfig } from '../../../shared/protocol.js';
import { save } from '../config-actions.js';
import { useConsoleStore } from '../store.js';
import { NameFields, TextField } from './Field.js';
import { ListPane, ListRow, NothingChosen } from './ListPane.js';
import { FormCard } from './FormCard.js';
import { SaveBar } from './SaveBar.js';

const sortedMinistries = (list: readonly MinistryConfig[]) =>
  [...list].sort((a, b) => a.sort - b.sort || a.id.localeCompare(b.id));

function MinistryForm({ ministry }: { ministry: MinistryConfig | null }) {
  const lang = useConsoleStore((s) => s.lang);
  const select = useConsoleStore((s) => s.select);
  const [id, setId] = useState(ministry?.id ?? '');
  const [name, setName] = useState(ministry?.name ?? { lo: '', en: '' });
  const [sort, setSort] = useState(String(ministry?.sort ?? 0));
  const [version] = useState(ministry?.version ?? null); // as opened: see ServiceForm
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = { id: id.trim(), name, sort: Number(sort) };
    void save('config:ministry-save', { ministry: input, version }).then(
      (saved) => saved && select(saved.id),
    );
  };
  return (
    <FormCard testId="ministry-form" onSubmit={submit}>
      <h2>{t(lang, ministry ? 'console.ministry.edit' : 'console.ministry.add')}</h2>
      <div className="field-pair">
        <TextField
          label="console.ministry.id"
          hint="console.idHint"
          path="ministry.id"
          value={id}
          readOnly={ministry !== null}
          onChange={setId}
        />
        <TextField
          label="console.sort"
          path="ministry.sort"
          type="number"
          value={sort}
          onChange={setSort}
        />
      </div>
      <NameFields
        label={{ lo: 'console.nameLo', en: 'console.nameEn' }}
        path="ministry.name"
        value={name}
        onChange={setName}
      />
      <SaveBar onCancel={() => select(null)} />
    </FormCard>
  );
}

export function MinistriesScreen() {
  const lang = useConsoleStore((s) => s.lang);
  const ministries = useConsoleStore((s) => s.config?.ministries);
  const selection = useConsoleStore((s) => s.selection);
  const formGen = useConsoleStore((s) => s.formGen);
  if (!ministries) return null;
  const chosen = ministries.find((m) => m.id === selection) ?? null;
  return (
    <div className="split">
      <ListPane title="console.nav.ministries" addLabel="console.ministry.add">
        {sortedMinistries(ministries).map((m) => (
          <ListRow key={m.id} id={m.id} testId={`ministry-${m.id}`}>
            <span className="list-row__main">{m.name[lang]}</span>
            <span className="list-row__meta">{m.id}</span>
          </ListRow>
        ))}
      </ListPane>
      {selection === null ? (
        <NothingChosen hint="console.chooseOrAdd" />
      ) : (
        <MinistryForm key={`${String(selection)}:${formGen}`} ministry={chosen} />
      )}
    </div>
  );
}
