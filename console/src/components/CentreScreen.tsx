import { useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/index.js';
import type { CentreConfig, CentreInput } from '../../../shared/protocol.js';
import { save } from '../config-actions.js';
import { useConsoleStore } from '../store.js';
import { CentreFields } from './CentreFields.js';
import { FormCard } from './FormCard.js';
import { SaveBar } from './SaveBar.js';

function CentreForm({ centre }: { centre: CentreConfig }) {
  // The version the edit started from (see ServiceForm), and the draft from the same row.
  const [{ version, ...initial }] = useState(centre);
  const [draft, setDraft] = useState<CentreInput>(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save('config:centre-save', { centre: draft, version });
  };
  return (
    <FormCard testId="centre-form" onSubmit={submit}>
      <CentreFields value={draft} onChange={setDraft} />
      <SaveBar />
    </FormCard>
  );
}

export function CentreScreen() {
  const lang = useConsoleStore((s) => s.lang);
  const centre = useConsoleStore((s) => s.config?.centre);
  const formGen = useConsoleStore((s) => s.formGen);
  if (!centre) return null;
  return (
    <>
      <h1>{t(lang, 'console.nav.centre')}</h1>
      <CentreForm key={formGen} centre={centre} />
    </>
  );
}
