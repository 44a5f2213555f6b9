import type { ReactNode } from 'react';
import { t, type MessageKey } from '../../../shared/i18n/index.js';
import { useCanEdit, useConsoleStore } from '../store.js';

/** A section's list beside its form: the rows, and "Add" for a manager. */
export function ListPane({
  title,
  addLabel,
  children,
}: {
  title: MessageKey;
  addLabel: MessageKey;
  children: ReactNode;
}) {
  const lang = useConsoleStore((s) => s.lang);
  const select = useConsoleStore((s) => s.select);
  const canEdit = useCanEdit();
  return (
    <div className="list-pane">
      <div className="list-pane__head">
        <h1>{t(lang, title)}</h1>
        {canEdit ? (
          <button
            type="button"
            className="button button--secondary"
            data-testid="add"
            onClick={() => select('new')}
          >
            {t(lang, addLabel)}
          </button>
        ) : null}
      </div>
      <div className="list-pane__rows">{children}</div>
    </div>
  );
}

/** One row of a list; chosen, it opens in the form beside. */
export function ListRow({
  id,
  children,
  testId,
}: {
  id: string | number;
  children: ReactNode;
  testId?: string;
}) {
  const selected = useConsoleStore((s) => s.selection === id);
  const select = useConsoleStore((s) => s.select);
  return (
    <button
      type="button"
      className="list-row"
      aria-current={selected ? 'true' : undefined}
      data-testid={testId}
      onClick={() => select(id)}
    >
      {children}
    </button>
  );
}

/** The form side when nothing is chosen. */
export function NothingChosen({ hint }: { hint: MessageKey }) {
  const lang = useConsoleStore((s) => s.lang);
  return <p className="hint form-empty">{t(lang, hint)}</p>;
}
