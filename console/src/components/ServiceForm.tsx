import { useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/index.js';
import type { ServiceConfig } from '../../../shared/protocol.js';
import { save } from '../config-actions.js';
import { fromDraft, toDraft, type ServiceDraft } from '../service-draft.js';
import { useConsoleStore } from '../store.js';
import { DocumentsEditor } from './DocumentsEditor.js';
import { FeeFields } from './FeeFields.js';
import { Field, NameFields, TextField } from './Field.js';
import { HoursEditor } from './HoursEditor.js';
import { FormCard } from './FormCard.js';
import { SaveBar } from './SaveBar.js';
import { ServiceSwitches } from './ServiceSwitches.js';

function MinistrySelect({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const lang = useConsoleStore((s) => s.lang);
  const ministries = useConsoleStore((s) => s.config?.ministries ?? []);
  return (
    <Field label="console.service.ministry" path="service.ministryId">
      <select name="service.ministryId" value={value} onChange={(e) => onChange(e.target.value)}>
        {ministries.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name[lang]}
          </option>
        ))}
      </select>
    </Field>
  );
}

function IdentityFields({
  draft,
  set,
  isNew,
}: {
  draft: ServiceDraft;
  set: (p: Partial<ServiceDraft>) => void;
  isNew: boolean;
}) {
  return (
    <>
      <div className="field-trio">
        <TextField
          label="console.service.id"
          hint="console.idHint"
          path="service.id"
          value={draft.id}
          readOnly={!isNew}
          onChange={(id) => set({ id })}
        />
        <TextField
          label="console.service.prefix"
          hint="console.service.prefixHint"
          path="service.prefix"
          maxLength={3}
          value={draft.prefix}
          onChange={(prefix) => set({ prefix: prefix.toUpperCase() })}
        />
        <MinistrySelect value={draft.ministryId} onChange={(ministryId) => set({ ministryId })} />
      </div>
      <NameFields
        label={{ lo: 'console.nameLo', en: 'console.nameEn' }}
        path="service.name"
        value={draft.name}
        onChange={(name) => set({ name })}
      />
    </>
  );
}

/** A service: what it is, its fee and reference, documents, hours and queue rules. */
export function ServiceForm({ service }: { service: ServiceConfig | null }) {
  const lang = useConsoleStore((s) => s.lang);
  const select = useConsoleStore((s) => s.select);
  const firstMinistry = useConsoleStore((s) => s.config?.ministries[0]?.id ?? '');
  const [draft, setDraft] = useState(() => toDraft(service, firstMinistry));
  // The version the edit started from, not the latest: a change meanwhile must be refused.
  const [version] = useState(service?.version ?? null);
  const set = (patch: Partial<ServiceDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = fromDraft(draft);
    void save('config:service-save', { service: input, version }).then(
      (saved) => saved && select(saved.id),
    );
  };
  return (
    <FormCard testId="service-form" onSubmit={submit}>
      <h2>{t(lang, service ? 'console.service.edit' : 'console.service.add')}</h2>
      <IdentityFields draft={draft} set={set} isNew={service === null} />
      <FeeFields draft={draft} set={set} />
      <DocumentsEditor value={draft.documents} onChange={(documents) => set({ documents })} />
      <ServiceSwitches draft={draft} set={set} />
      <HoursEditor days={draft.days} onChange={(days) => set({ days })} />
      <SaveBar onCancel={() => select(null)} />
    </FormCard>
  );
}
