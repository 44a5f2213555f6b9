import { useCallback } from 'react';
import { deskOf, selectedTicket } from '../desk.js';
import { actionForKey, availableActions } from '../desk-actions.js';
import { moveSelection, runAction } from '../desk-controller.js';
import { usePageKeys } from '../keyboard.js';
import { useHubNow } from '../now.js';
import { useCounterStore } from '../store.js';
import { CounterControls } from './CounterControls.js';
import { CurrentTicket } from './CurrentTicket.js';
import { QueuePanel } from './QueuePanel.js';
import { StatsPanel } from './StatsPanel.js';

/** The clerk's working screen: the citizen at the counter on the left, what waits on the right. */
export function DeskScreen() {
  const snapshot = useCounterStore((s) => s.snapshot);
  const counterId = useCounterStore((s) => s.counterId);
  const selectedId = useCounterStore((s) => s.selectedId);
  const now = useHubNow();
  const desk = deskOf(snapshot, counterId, now);
  const available = desk ? availableActions(desk, selectedTicket(desk, selectedId)) : null;

  const onKey = useCallback(
    (code: string) => {
      if (code === 'ArrowDown' || code === 'ArrowUp') {
        moveSelection(code === 'ArrowDown' ? 1 : -1);
        return true;
      }
      const action = available ? actionForKey(code, available) : null;
      if (!action) return false;
      void runAction(action);
      return true;
    },
    [available],
  );
  usePageKeys(onKey, available !== null);

  if (!desk || !available) return null;
  return (
    <main className="screen desk">
      <div className="desk__main">
        <CurrentTicket desk={desk} available={available} now={now} />
        <CounterControls desk={desk} available={available} />
        <StatsPanel />
      </div>
      <QueuePanel desk={desk} available={available} now={now} />
    </main>
  );
}
