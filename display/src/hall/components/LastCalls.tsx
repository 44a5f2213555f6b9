import { callKey } from '../../../../shared/voice/announcer.js';
import { useHallStore } from '../store.js';
import { Arrow } from './Arrow.js';
import { Both } from './Both.js';

/** The calls before the newest one, so someone who missed theirs can still find it. */
const SHOWN_MAX = 5;

export function LastCalls() {
  const calls = useHallStore((s) => s.snapshot?.recentCalls);
  const earlier = (calls ?? []).slice(1, 1 + SHOWN_MAX);
  return (
    <section className="last-calls">
      <h2 className="panel-title">
        <Both k="display.lastCalls" />
      </h2>
      <ol className="last-calls__list" data-testid="last-calls">
        {earlier.map((call) => (
          <li key={callKey(call)} className="last-calls__row">
            <span className="last-calls__label">{call.label}</span>
            <Arrow className="last-calls__arrow" />
            <span className="last-calls__counter">{call.counterNumber}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
