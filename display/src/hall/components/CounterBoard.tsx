/**
 * What each counter is doing: the ticket it is serving (or has called), ready
 * for the next one, or paused and why. Closed counters are left out: the
 * room only needs the ones that can serve it.
 */
import { t } from '../../../../shared/i18n/index.js';
import type { CounterView } from '../../../../shared/protocol.js';
import { useHallStore } from '../store.js';
import { Both } from './Both.js';

function CounterTile({ counter }: { counter: CounterView }) {
  const paused = counter.status === 'paused';
  return (
    <li
      className={`counter-tile counter-tile--${counter.status}`}
      data-testid={`counter-${counter.number}`}
    >
      {/* The number alone, large: the board's title says "counters" in both languages. */}
      <span
        className="counter-tile__number"
        aria-label={`${t('lo', 'counter.name', { number: counter.number })} · ${t('en', 'counter.name', { number: counter.number })}`}
      >
        {counter.number}
      </span>
      {paused ? (
        <span className="counter-tile__state">
          <Both k="counterStatus.paused" />
          {counter.pauseReason ? (
            <span className="counter-tile__reason">
              <Both k={`pause.${counter.pauseReason}`} />
            </span>
          ) : null}
        </span>
      ) : counter.current ? (
        <span className="counter-tile__ticket">{counter.current.label}</span>
      ) : (
        <span className="counter-tile__state counter-tile__state--free">
          {/* Short, so a tile of the bottom strip holds it at full size. */}
          <Both k="display.counterReady" />
        </span>
      )}
    </li>
  );
}

export function CounterBoard() {
  const counters = useHallStore((s) => s.snapshot?.counters);
  const shown = (counters ?? [])
    .filter((c) => c.status !== 'closed')
    .sort((a, b) => a.number - b.number);
  return (
    <section className="counter-board">
      <h2 className="panel-title">
        <Both k="display.counters" />
      </h2>
      {shown.length === 0 ? (
        <p className="panel-empty">
          <Both k="display.noOpenCounters" />
        </p>
      ) : (
        <ol className="counter-board__grid" data-count={shown.length}>
          {shown.map((c) => (
            <CounterTile key={c.id} counter={c} />
          ))}
        </ol>
      )}
    </section>
  );
}
