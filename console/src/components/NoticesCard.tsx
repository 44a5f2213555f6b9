/**
 * The centre's notices: the list with the days each is up, and a form to add
 * one or change it. Supervisors may do this as well as managers. A notice is
 * shown exactly as typed; the length is checked here before it is sent, so
 * even a pasted novel is refused next to its field.
 */
import { useState, type FormEvent } from 'react';
import { t, type MessageKey } from '../../../shared/i18n/index.js';
import { inForce } from '../../../shared/domain/notices.js';
import { dayText } from '../../../shared/i18n/day-text.js';
import { NOTICE_TEXT_MAX, type NoticeConfig } from '../../../shared/protocol.js';
import { removeNotice, saveNotice } from '../hall-actions.js';
import { useConsoleStore } from '../store.js';
import { DateField } from './DateField.js';
import { Field } from './Field.js';

function Dates({ n }: { n: Pick<NoticeConfig, 'startsOn' | 'endsOn'> }) {
  const lang = useConsoleStore((s) => s.lang);
  if (n.startsOn && n.endsOn) {
    return (
      <>
        {t(lang, 'console.hall.between', { from: dayText(n.startsOn), until: dayText(n.endsOn) })}
      </>
    );
  }
  if (n.startsOn) return <>{t(lang, 'console.hall.from', { day: dayText(n.startsOn) })}</>;
  if (n.endsOn) return <>{t(lang, 'console.hall.until', { day: dayText(n.endsOn) })}</>;
  return <>{t(lang, 'console.hall.always')}</>;
}

function stateOf(n: NoticeConfig, day: string): { key: MessageKey; mark: string } {
  if (inForce(n, day)) return { key: 'console.hall.upNow', mark: 'ok' };
  if (n.startsOn !== null && n.startsOn > day)
    return { key: 'console.hall.notYet', mark: 'sample' };
  return { key: 'console.hall.over', mark: 'off' };
}

function TextArea({
  lang: textLang,
  label,
  value,
  onChange,
}: {
  lang: 'lo' | 'en';
  label: MessageKey;
  value: string;
  onChange: (v: string) => void;
}) {
  const path = `notice.text.${textLang}`;
  return (
    <Field label={label} path={path}>
      <textarea
        name={path}
        lang={textLang}
        rows={3}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

const EMPTY = { text: { lo: '', en: '' }, startsOn: '', endsOn: '' };
type Draft = typeof EMPTY;

function DateFields({ draft, onChange }: { draft: Draft; onChange: (d: Draft) => void }) {
  return (
    <div className="field-pair">
      <DateField
        label="console.hall.startsOn"
        path="notice.startsOn"
        value={draft.startsOn}
        onChange={(startsOn) => onChange({ ...draft, startsOn })}
      />
      <DateField
        label="console.hall.endsOn"
        path="notice.endsOn"
        value={draft.endsOn}
        onChange={(endsOn) => onChange({ ...draft, endsOn })}
      />
    </div>
  );
}

function NoticeForm({ editing, onDone }: { editing: NoticeConfig | null; onDone: () => void }) {
  const lang = useConsoleStore((s) => s.lang);
  const [draft, setDraft] = useState<Draft>(
    editing
      ? { text: editing.text, startsOn: editing.startsOn ?? '', endsOn: editing.endsOn ?? '' }
      : EMPTY,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const notice = {
      ...(editing ? { id: editing.id } : {}),
      text: draft.text,
      startsOn: draft.startsOn || null,
      endsOn: draft.endsOn || null,
    };
    void saveNotice(notice, editing?.version ?? null).then((saved) => {
      if (!saved) return;
      setDraft(EMPTY);
      onDone();
    });
  };
  const setText = (l: 'lo' | 'en') => (v: string) =>
    setDraft({ ...draft, text: { ...draft.text, [l]: v } });
  return (
    <form className="card form" onSubmit={submit} data-testid="notice-form">
      <h2>{t(lang, editing ? 'console.hall.editNotice' : 'console.hall.addNotice')}</h2>
      <p className="hint">{t(lang, 'console.hall.textHint', { max: NOTICE_TEXT_MAX })}</p>
      <TextArea
        lang="lo"
        label="console.hall.textLo"
        value={draft.text.lo}
        onChange={setText('lo')}
      />
      <TextArea
        lang="en"
        label="console.hall.textEn"
        value={draft.text.en}
        onChange={setText('en')}
      />
      <DateFields draft={draft} onChange={setDraft} />
      <p className="hint">{t(lang, 'console.hall.datesHint')}</p>
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          {t(lang, 'console.save')}
        </button>
        {editing ? (
          <button type="button" className="button" onClick={onDone}>
            {t(lang, 'console.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function NoticeRow({ n, onEdit }: { n: NoticeConfig; onEdit: () => void }) {
  const lang = useConsoleStore((s) => s.lang);
  const day = useConsoleStore((s) => s.snapshot?.day ?? '');
  const state = stateOf(n, day);
  return (
    <tr data-testid={`notice-${n.id}`}>
      <td className="notice-text">
        <span lang="lo">{n.text.lo}</span>
        <span lang="en">{n.text.en}</span>
      </td>
      <td className="nowrap">
        <Dates n={n} />
      </td>
      <td className="nowrap">
        <span className={`mark mark--${state.mark}`}>{t(lang, state.key)}</span>
      </td>
      <td>
        <div className="row-actions">
          <button type="button" className="button button--small" onClick={onEdit}>
            {t(lang, 'console.hall.edit')}
          </button>
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() => void removeNotice(n)}
          >
            {t(lang, 'console.hall.remove')}
          </button>
        </div>
      </td>
    </tr>
  );
}

export function NoticesCard() {
  const lang = useConsoleStore((s) => s.lang);
  const notices = useConsoleStore((s) => s.config?.notices ?? []);
  const formGen = useConsoleStore((s) => s.formGen);
  const [editing, setEditing] = useState<number | null>(null);
  const current = notices.find((n) => n.id === editing) ?? null;
  return (
    <div className="split">
      <section className="card">
        <h2>{t(lang, 'console.hall.notices')}</h2>
        <p className="hint">{t(lang, 'console.hall.noticesHint')}</p>
        {notices.length === 0 ? <p className="hint">{t(lang, 'console.hall.noNotices')}</p> : null}
        <table className="table" data-testid="notice-list">
          <tbody>
            {notices.map((n) => (
              <NoticeRow key={n.id} n={n} onEdit={() => setEditing(n.id)} />
            ))}
          </tbody>
        </table>
      </section>
      <NoticeForm
        key={`${current?.id ?? 'new'}-${current?.version ?? 0}-${formGen}`}
        editing={current}
        onDone={() => setEditing(null)}
      />
    </div>
  );
}
