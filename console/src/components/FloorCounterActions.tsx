/**
 * A counter's actions on the live floor: close it, or sign its clerk out,
 * each asked once more in the row before it is done (closeCounter, signOut
 * in floor-actions.ts).
 */
import { useState } from 'react';
import { t } from '../../../shared/i18n/index.js';
import type { CounterView } from '../../../shared/protocol.js';
import { closeCounter, signOut } from '../floor-actions.js';
import { useConsoleStore } from '../store.js';

/** What a floor action does to the people at that counter, asked before it is done. */
type FloorAsk = 'close' | 'signOut';

/**
 * The question before closing a counter or signing a clerk out: both take a
 * clerk's screen from under them, so one stray click on the floor must not.
 */
function ConfirmFloorAction({
  c,
  ask,
  onDone,
}: {
  c: CounterView;
  ask: FloorAsk;
  onDone: () => void;
}) {
  const lang = useConsoleStore((s) => s.lang);
  const busy = useConsoleStore((s) => s.busy !== null);
  const name = c.staff?.name ?? '';
  const question =
    ask === 'signOut'
      ? t(lang, 'console.floor.signOutAsk', { name })
      : c.staff
        ? t(lang, 'console.floor.closeAskStaffed', { number: c.number, name })
        : t(lang, 'console.floor.closeAsk', { number: c.number });
  const confirm = () => {
    const done =
      ask === 'signOut' && c.staff ? signOut(c.staff.id, name) : closeCounter(c.id, c.number);
    void done.then(onDone);
  };
  return (
    <div className="floor-confirm" role="group" aria-label={question} data-confirm={ask}>
      <span className="floor-confirm__question">{question}</span>
      <button
        type="button"
        className="button button--small button--danger"
        disabled={busy}
        onClick={confirm}
      >
        {ask === 'signOut'
          ? t(lang, 'console.floor.signOut', { name })
          : t(lang, 'console.floor.closeNumber', { number: c.number })}
      </button>
      <button type="button" className="button button--small button--quiet" onClick={onDone}>
        {t(lang, 'console.floor.keep')}
      </button>
    </div>
  );
}

export function CounterActions({ c }: { c: CounterView }) {
  const lang = useConsoleStore((s) => s.lang);
  const busy = useConsoleStore((s) => s.busy !== null);
  const [asking, setAsking] = useState<FloorAsk | null>(null);
  // A counter that closed or changed hands meanwhile has nothing left to ask about.
  const stale = (asking === 'close' && c.status === 'closed') || (asking === 'signOut' && !c.staff);
  if (asking && !stale) {
    return <ConfirmFloorAction c={c} ask={asking} onDone={() => setAsking(null)} />;
  }
  return (
    <div className="floor-table__actions">
      {c.status !== 'closed' && !c.current ? (
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={() => setAsking('close')}
        >
          {t(lang, 'console.floor.close')}
        </button>
      ) : null}
      {c.staff ? (
        <button
          type="button"
          className="button button--small button--quiet"
          disabled={busy}
          onClick={() => setAsking('signOut')}
        >
          {t(lang, 'console.floor.signOut', { name: c.staff.name })}
        </button>
      ) : null}
    </div>
  );
}
