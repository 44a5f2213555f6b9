import { t, type Lang } from '../../../shared/i18n/index.js';
import { useConsoleStore } from '../store.js';
import { FieldMessage } from './Field.js';

type Documents = { lo: string[]; en: string[] };

function DocumentList({
  list,
  docLang,
  onChange,
}: {
  list: string[];
  docLang: Lang;
  onChange: (list: string[]) => void;
}) {
  const lang = useConsoleStore((s) => s.lang);
  const path = `service.documents.${docLang}`;
  return (
    <div className="doc-list" data-testid={`documents-${docLang}`}>
      <span className="field__label">
        {t(lang, docLang === 'lo' ? 'console.service.documentsLo' : 'console.service.documentsEn')}
      </span>
      {list.map((line, i) => (
        <div key={i} className="doc-list__line">
          <input
            lang={docLang}
            name={`${path}.${i}`}
            value={line}
            onChange={(e) => onChange(list.map((x, j) => (j === i ? e.target.value : x)))}
          />
          <button
            type="button"
            className="button button--quiet button--small"
            aria-label={t(lang, 'console.remove')}
            onClick={() => onChange(list.filter((_, j) => j !== i))}
          >
            ✕
          </button>
          <FieldMessage path={`${path}.${i}`} />
        </div>
      ))}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => onChange([...list, ''])}
      >
        {t(lang, 'console.service.addDocument')}
      </button>
    </div>
  );
}

/** What to bring, as a list of lines in each language. */
export function DocumentsEditor({
  value,
  onChange,
}: {
  value: Documents;
  onChange: (value: Documents) => void;
}) {
  return (
    <fieldset className="field-pair fieldset">
      <DocumentList list={value.lo} docLang="lo" onChange={(lo) => onChange({ ...value, lo })} />
      <DocumentList list={value.en} docLang="en" onChange={(en) => onChange({ ...value, en })} />
    </fieldset>
  );
}
