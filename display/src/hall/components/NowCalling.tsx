/**
 * The newest call that is still true, as large as the screen allows: the
 * number a citizen holds and the counter to go to (hall-calls.ts says which).
 * A new call (or a recall) flashes for a few seconds (hall.css), while the
 * chime and the voice announce it.
 */
import { callKey } from '../../../../shared/voice/announcer.js';
import { hallCalls } from '../hall-calls.js';
import { useHallStore } from '../store.js';
import { Arrow } from './Arrow.js';
import { Both } from './Both.js';

export function NowCalling() {
  const call = useHallStore((s) => (s.snapshot ? hallCalls(s.snapshot).now : null));
  const fresh = useHallStore((s) => call !== null && s.freshCall === callKey(call));
  const anyCall = useHallStore((s) => (s.snapshot?.recentCalls.length ?? 0) > 0);
  return (
    <section
      className="now-calling"
      data-testid="now-calling"
      data-fresh={fresh ? 'true' : 'false'}
      // A new key restarts the flash for each new call.
      key={call ? callKey(call) : 'none'}
      aria-live="assertive"
    >
      <h2 className="panel-title">
        <Both k="display.nowCalling" />
      </h2>
      {call ? (
        <div className="now-calling__call">
          <span className="now-calling__label" data-testid="now-calling-label">
            {call.label}
          </span>
          <span className="now-calling__counter">
            <Arrow className="now-calling__arrow" />
            <Both k="display.counter" className="now-calling__counter-word" />
            <span className="now-calling__counter-number" data-testid="now-calling-counter">
              {call.counterNumber}
            </span>
          </span>
        </div>
      ) : (
        <p className="now-calling__none">
          <Both k={anyCall ? 'display.noCallNow' : 'display.noCallsYet'} />
        </p>
      )}
    </section>
  );
}
