/**
 * What each counter is doing: the ticket it is serving (or has called), ready
 * for the next one, or paused and why. Closed counters are left out: the
 * room only needs the ones that can serve it. More than two rows of them
 * turn a page at a time (counter-pages.ts), saying which page is up.
 */
import { useEffect, useRef, useState } from 'react';
import { t } from '../../../../shared/i18n/index.js';
import type { CounterView } from '../../../../shared/protocol.js';
import { counterPages } from '../counter-pages.js';
import { useHallStore } from '../store.js';
import { useRotation } from '../timers.js';
import { Both } from './Both.js';

/** A tile's least width and the gap between tiles, as hall-board.css sets them. */
const TILE_MIN_REM = 10.8;
const TILE_GAP_REM = 0.6;

/** How many tiles a row of the strip holds at its width now. */
function useColumns() {
  const grid = useRef<HTMLOListElement>(null);
  const [columns, setColumns] = useState(Number.POSITIVE_INFINITY);
  useEffect(() => {
    const el = grid.current;
    if (!el) return;
    const measure = () => {
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
      const fit = (el.clientWidth + TILE_GAP_REM * rem) / ((TILE_MIN_REM + TILE_GAP_REM) * rem);
      setColumns(Math.max(1, Math.floor(fit)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { grid, columns };
}

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

export function CounterBoard({ pageMs }: { pageMs: number }) {
  const counters = useHallStore((s) => s.snapshot?.counters);
  const shown = (counters ?? [])
    .filter((c) => c.status !== 'closed')
    .sort((a, b) => a.number - b.number);
  const { grid, columns } = useColumns();
  const pages = counterPages(shown, Number.isFinite(columns) ? columns : shown.length);
  const page = useRotation(pages.length, pageMs);
  const tiles = pages[page] ?? shown;
  return (
    <section className="counter-board">
      <h2 className="panel-title">
        <Both k="display.counters" />
        {pages.length > 1 ? (
          <span className="counter-board__page" data-testid="counters-page">
            <Both k="display.page" params={{ page: page + 1, pages: pages.length }} />
          </span>
        ) : null}
      </h2>
      {shown.length === 0 ? (
        <p className="panel-empty">
          <Both k="display.noOpenCounters" />
        </p>
      ) : null}
      <ol
        ref={grid}
        className="counter-board__grid"
        data-count={shown.length}
        hidden={shown.length === 0}
      >
        {tiles.map((c) => (
          <CounterTile key={c.id} counter={c} />
        ))}
      </ol>
    </section>
  );
}
