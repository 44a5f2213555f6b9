import { useEffect, useState } from 'react';
import { t } from '../../../shared/i18n/index.js';
import { LOGO_FIELD, LOGO_TYPES, type CentreLogo } from '../../../shared/protocol.js';
import { useConsoleStore } from '../store.js';
import { FieldMessage } from './Field.js';

/** What the form will do to the logo when saved; a chosen file comes with its local preview. */
export type LogoDraft =
  { kind: 'keep' } | { kind: 'new'; file: File; preview: string } | { kind: 'remove' };

function ChooseButton({ onChoose }: { onChoose: (file: File) => void }) {
  const lang = useConsoleStore((s) => s.lang);
  return (
    <label className="button button--secondary logo-field__choose">
      {t(lang, 'console.centre.logoChoose')}
      <input
        type="file"
        name={LOGO_FIELD}
        accept={LOGO_TYPES.join(',')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // the same file chosen again is a change again
          if (file) onChoose(file);
        }}
      />
    </label>
  );
}

/** The picture, or words when the browser cannot show it (a refused file, say). Keyed by `src`. */
function Preview({ src }: { src: string }) {
  const lang = useConsoleStore((s) => s.lang);
  const [broken, setBroken] = useState(false);
  if (broken) {
    return <span className="logo-field__none">{t(lang, 'console.centre.logoUnreadable')}</span>;
  }
  return <img src={src} alt={t(lang, 'console.centre.logoAlt')} onError={() => setBroken(true)} />;
}

function noteOf(draft: LogoDraft) {
  if (draft.kind === 'new') return 'console.centre.logoPending' as const;
  return draft.kind === 'remove' ? ('console.centre.logoRemoving' as const) : null;
}

/**
 * The logo on the Centre screen: the one in force (served by the hub) or the
 * one chosen, a button to choose a file and one to remove it. Nothing is sent
 * until the form is saved; the hub, not the file's name, decides what it is.
 */
export function LogoField({
  current,
  draft,
  onChange,
}: {
  current: CentreLogo | null;
  draft: LogoDraft;
  onChange: (draft: LogoDraft) => void;
}) {
  const lang = useConsoleStore((s) => s.lang);
  const invalid = useConsoleStore((s) => s.fieldErrors.some((e) => e.path === LOGO_FIELD));
  const preview = draft.kind === 'new' ? draft.preview : null;
  useEffect(() => (preview ? () => URL.revokeObjectURL(preview) : undefined), [preview]);
  const shown = draft.kind === 'keep' ? (current?.url ?? null) : preview;
  const note = noteOf(draft);
  return (
    <div className={invalid ? 'field logo-field field--invalid' : 'field logo-field'}>
      <span className="field__label">{t(lang, 'console.centre.logo')}</span>
      <div className="logo-field__row">
        <div className="logo-field__preview" data-testid="logo-preview">
          {shown ? (
            <Preview key={shown} src={shown} />
          ) : (
            <span className="logo-field__none">{t(lang, 'console.centre.logoNone')}</span>
          )}
        </div>
        <div className="logo-field__actions">
          <ChooseButton
            onChoose={(file) => onChange({ kind: 'new', file, preview: URL.createObjectURL(file) })}
          />
          {shown ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => onChange(current ? { kind: 'remove' } : { kind: 'keep' })}
            >
              {t(lang, 'console.centre.logoRemove')}
            </button>
          ) : null}
        </div>
      </div>
      <span className="field__hint">
        {note ? `${t(lang, note)} ` : ''}
        {t(lang, 'console.centre.logoHint')}
      </span>
      <FieldMessage path={LOGO_FIELD} exact />
    </div>
  );
}
