import { callKey } from '../../../../shared/voice/announcer.js';
import { hallCalls } from '../hall-calls.js';
import { useHallStore } from '../store.js';
import { Arrow } from './Arrow.js';
import { Both } from './Both.js';

/**
 * The calls besides the big one, so someone who missed theirs can still find it; a call that
 * is over (its counter paused or closed, its citizen served or sent on) is dimmed.
 */
export function LastCalls() {
  const snapshot = useHallStore((s) => s.snapshot);
  const earlier = snapshot ? hallCalls(snapshot).earlier : [];
  return (
    <section className="last-calls">
      <h2 className="panel-title">
        <Both k="display.lastCalls" />
      </h2>
      <ol className="last-calls__list" data-testid="last-calls">
        {earlier.map(({ call, live }) => (
          <li
            key={callKey(call)}
            className={live ? 'last-calls__row' : 'last-calls__row last-calls__row--over'}
            data-live={live ? 'true' : 'false'}
          >
            <span className="last-calls__label">{call.label}</span>
            <Arrow className="last-calls__arrow" />
            <span className="last-calls__counter">{call.counterNumber}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
