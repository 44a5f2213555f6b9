/**
 * The counter strip at the foot of the hall holds two rows of tiles. A centre
 * with more counters than that gets pages, turned like the services table's,
 * so every counter is shown in turn and the strip says which page is up:
 * before, the tiles past the second row were cut off without a word.
 *
 * The pages are laid out as the grid lays them: left to right, a paused tile
 * two places wide (for its reason), moved whole to the next row when it does
 * not fit at the end of one.
 */
import type { CounterView } from '../../../shared/protocol.js';

export const STRIP_ROWS = 2;

/** How many places a tile takes in a row of `columns`. */
export const tileWidth = (c: Pick<CounterView, 'status'>, columns: number): number =>
  Math.min(columns, c.status === 'paused' ? 2 : 1);

/** `counters` (in their order) split into pages of at most `STRIP_ROWS` rows of `columns`. */
export function counterPages<C extends Pick<CounterView, 'status'>>(
  counters: readonly C[],
  columns: number,
): C[][] {
  const cols = Math.max(1, Math.floor(columns));
  const pages: C[][] = [];
  let page: C[] = [];
  let row = 0;
  let col = 0;
  for (const counter of counters) {
    const width = tileWidth(counter, cols);
    if (col + width > cols) {
      row += 1;
      col = 0;
    }
    if (row >= STRIP_ROWS) {
      pages.push(page);
      page = [];
      row = 0;
      col = 0;
    }
    page.push(counter);
    col += width;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}
