import { useRef, type ChangeEvent } from 'react';
import { t, type Lang } from '../../../shared/i18n/index.js';
import { DIFF_ENTITIES, type EntityDiff, type ConfigPreview } from '../../../shared/protocol.js';
import { entityLabel, fieldLabel, valueWords, wherePath } from '../diff-words.js';
import { fieldMessageKey } from '../field-errors.js';
import { formatTime, localDate } from '../../../shared/i18n/calendar.js';
import { useCanEdit, useConsoleStore } from '../store.js';
import {
  applyImport,
  cancelImport,
  exportConfig,
  pickFile,
  useTransferStore,
} from '../transfer-actions.js';

const Lines = ({ lines }: { lines: string[] }) => (
  <>
    {lines.map((line, i) => (
      <span key={i} className="diff__line">
        {line}
      </span>
    ))}
  </>
);

/** "04/12/2026", in the centre's time zone, as the console's other notices write a date. */
function dayMonthYear(epochMs: number, timeZone: string): string {
  const d = localDate(epochMs, timeZone);
  return [d.day, d.month].map((n) => String(n).padStart(2, '0')).join('/') + `/${d.year}`;
}

function tagOf(d: EntityDiff, lang: Lang): string {
  if (d.entity === 'counter') return t(lang, 'console.counter.short', { number: d.tag });
  return d.tag;
}

function Entry({ d, lang }: { d: EntityDiff; lang: Lang }) {
  const tag = tagOf(d, lang);
  return (
    <li className={`diff diff--${d.change}`} data-testid={`diff-${d.entity}-${d.tag}`}>
      <p className="diff__head">
        <span className={`mark diff__mark diff__mark--${d.change}`}>
          {t(lang, `console.transfer.change.${d.change}`)}
        </span>
        <strong>{tag ? `${tag} · ${d.name[lang]}` : d.name[lang]}</strong>
      </p>
      {d.change === 'removed' ? (
        <p className="hint">{t(lang, `console.transfer.removed.${d.entity}`)}</p>
      ) : null}
      {d.fields.length > 0 ? (
        <table className="table diff__fields">
          <tbody>
            {d.fields.map((f) => {
              const old = valueWords(f.old, lang);
              // Nothing was there: nothing to strike out.
              const none = old.length === 1 && old[0] === t(lang, 'console.transfer.value.none');
              return (
                <tr key={f.field} data-field={f.field}>
                  <th scope="row">{t(lang, fieldLabel(f.field))}</th>
                  <td className={none ? 'diff__old diff__old--none' : 'diff__old'}>
                    <Lines lines={old} />
                  </td>
                  <td className="diff__arrow" aria-hidden="true">
                    →
                  </td>
                  <td className="diff__new">
                    <Lines lines={valueWords(f.new, lang)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </li>
  );
}

function PreviewHead({ preview, fileName }: { preview: ConfigPreview; fileName: string }) {
  const lang = useConsoleStore((s) => s.lang);
  const timeZone = useConsoleStore((s) => s.config?.centre.timeZone ?? 'Asia/Vientiane');
  const count = (change: EntityDiff['change']) =>
    preview.differences.filter((d) => d.change === change).length;
  return (
    <>
      <h2>{t(lang, 'console.transfer.previewTitle', { file: fileName })}</h2>
      <p className="hint">
        {t(lang, 'console.transfer.from', {
          centre: preview.from.name[lang],
          date: dayMonthYear(Date.parse(preview.from.exportedAt), timeZone),
          time: formatTime(Date.parse(preview.from.exportedAt), timeZone),
        })}
      </p>
      <p className="transfer-preview__summary" data-testid="import-summary">
        {preview.differences.length === 0
          ? t(lang, 'console.transfer.noDifferences')
          : t(lang, 'console.transfer.summary', {
              added: count('added'),
              changed: count('changed'),
              removed: count('removed'),
            })}
      </p>
    </>
  );
}

function Preview({ preview, fileName }: { preview: ConfigPreview; fileName: string }) {
  const lang = useConsoleStore((s) => s.lang);
  const busy = useConsoleStore((s) => s.busy !== null);
  return (
    <section className="card transfer-preview" data-testid="import-preview">
      <PreviewHead preview={preview} fileName={fileName} />
      {DIFF_ENTITIES.map((entity) => {
        const group = preview.differences.filter((d) => d.entity === entity);
        if (group.length === 0) return null;
        return (
          <div key={entity} className="diff-group" data-testid={`diff-group-${entity}`}>
            <h3>
              {t(lang, entityLabel(entity))} <span className="hint">({group.length})</span>
            </h3>
            <ul className="diff-list">
              {group.map((d) => (
                <Entry key={`${d.entity}-${d.tag}-${d.change}`} d={d} lang={lang} />
              ))}
            </ul>
          </div>
        );
      })}
      <div className="save-bar">
        {preview.differences.length === 0 ? null : (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void applyImport()}
          >
            {t(lang, 'console.transfer.apply')}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={cancelImport}>
          {t(lang, 'console.cancel')}
        </button>
      </div>
    </section>
  );
}

/** What the hub found wrong in the file, entry by entry. */
function FileErrors() {
  const lang = useConsoleStore((s) => s.lang);
  const errors = useConsoleStore((s) => s.fieldErrors);
  if (errors.length === 0) return null;
  return (
    <section className="card transfer-errors" data-testid="import-errors">
      <h2>{t(lang, 'console.transfer.errorsTitle')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={`${e.path}-${e.issue}`} data-path={e.path}>
            <strong>{wherePath(e.path, lang)}</strong>: {t(lang, fieldMessageKey(e.issue))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ImportCard() {
  const lang = useConsoleStore((s) => s.lang);
  const busy = useConsoleStore((s) => s.busy !== null);
  const transfer = useTransferStore((s) => s.transfer);
  const input = useRef<HTMLInputElement>(null);
  const chosen = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file may be chosen again after a fix
    if (file) void pickFile(file);
  };
  return (
    <section className="card transfer-card">
      <h2>{t(lang, 'console.transfer.importTitle')}</h2>
      <p className="hint">{t(lang, 'console.transfer.importHint')}</p>
      <input
        ref={input}
        className="transfer-card__input"
        type="file"
        name="import.file"
        accept=".json,application/json"
        onChange={chosen}
        aria-label={t(lang, 'console.transfer.chooseFile')}
      />
      <div>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || transfer.step === 'reading'}
          onClick={() => input.current?.click()}
        >
          {t(lang, 'console.transfer.chooseFile')}
        </button>
      </div>
      {transfer.step === 'reading' ? (
        <p className="hint">{t(lang, 'console.transfer.reading', { file: transfer.fileName })}</p>
      ) : null}
      {transfer.step === 'done' ? (
        <p className="transfer-card__done" data-testid="import-result">
          {t(lang, 'console.transfer.lastImport', { file: transfer.fileName, ...transfer.result })}
        </p>
      ) : null}
    </section>
  );
}

export function TransferScreen() {
  const lang = useConsoleStore((s) => s.lang);
  const busy = useConsoleStore((s) => s.busy !== null);
  const canEdit = useCanEdit();
  const transfer = useTransferStore((s) => s.transfer);
  return (
    <>
      <h1>{t(lang, 'console.nav.transfer')}</h1>
      {canEdit ? (
        <>
          <div className="transfer">
            <section className="card transfer-card">
              <h2>{t(lang, 'console.transfer.exportTitle')}</h2>
              <p className="hint">{t(lang, 'console.transfer.exportHint')}</p>
              <div>
                <button
                  type="button"
                  className="button button--primary"
                  disabled={busy}
                  onClick={() => void exportConfig()}
                >
                  {t(lang, 'console.transfer.export')}
                </button>
              </div>
            </section>
            <ImportCard />
          </div>
          <FileErrors />
          {transfer.step === 'preview' ? (
            <Preview preview={transfer.preview} fileName={transfer.fileName} />
          ) : null}
        </>
      ) : null}
    </>
  );
}
