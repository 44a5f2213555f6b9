import { useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/index.js';
import { RequestSchemas, type CentreConfig, type CentreInput } from '../../../shared/protocol.js';
import { checkLocally, loadConfig, save } from '../config-actions.js';
import { saveLogo } from '../logo-actions.js';
import { useConsoleStore } from '../store.js';
import { CentreFields } from './CentreFields.js';
import { FormCard } from './FormCard.js';
import { LogoField, type LogoDraft } from './LogoField.js';
import { RetentionCard } from './RetentionCard.js';
import { SaveBar } from './SaveBar.js';

/** What the centre form edits as text; the logo travels on its own (logo-actions.ts). */
const inputOf = (c: CentreConfig): CentreInput => ({
  name: c.name,
  province: c.province,
  district: c.district,
  address: c.address,
  timeZone: c.timeZone,
  publicUrl: c.publicUrl,
});

function CentreForm({ centre }: { centre: CentreConfig }) {
  // The version the edit started from (see ServiceForm), and the draft from the same row;
  // each save of this form's own moves it on, so a second save is not refused as stale.
  const [version, setVersion] = useState(centre.version);
  const [saved, setSaved] = useState(() => inputOf(centre));
  const [draft, setDraft] = useState<CentreInput>(saved);
  const [logo, setLogo] = useState<LogoDraft>({ kind: 'keep' });
  const currentLogo = useConsoleStore((s) => s.config?.centre.logo ?? null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // A new logo alone is saved alone: names left as they were are not checked or sent again.
    const textChanged = JSON.stringify(draft) !== JSON.stringify(saved);
    const sendText = textChanged || logo.kind === 'keep';
    if (
      sendText &&
      !checkLocally(RequestSchemas['config:centre-save'], { centre: draft, version })
    ) {
      return;
    }
    let at = version;
    if (logo.kind !== 'keep') {
      const result = await saveLogo(logo.kind === 'new' ? logo.file : null, at);
      if (!result) return;
      at = result.version;
      setVersion(at);
      setLogo({ kind: 'keep' });
      if (!sendText) {
        useConsoleStore.setState({ notice: { key: 'console.notice.saved', tone: 'info' } });
        return loadConfig();
      }
    }
    const result = await save('config:centre-save', { centre: draft, version: at });
    if (!result) return;
    setVersion(result.version);
    setSaved(draft);
  };
  return (
    <FormCard testId="centre-form" onSubmit={(e) => void submit(e)}>
      <LogoField current={currentLogo} draft={logo} onChange={setLogo} />
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
      <RetentionCard />
    </>
  );
}
