import { describe, expect, it } from 'vitest';
import { counterPages, STRIP_ROWS, tileWidth } from '../../display/src/hall/counter-pages.js';

type Status = 'open' | 'paused';
const tiles = (statuses: Status[]) => statuses.map((status, i) => ({ status, number: i + 1 }));

describe("the hall's counter strip, a page at a time", () => {
  it('is one page while two rows hold every counter', () => {
    const eight = tiles(Array<Status>(8).fill('open'));
    expect(counterPages(eight, 8)).toEqual([eight]);
    expect(counterPages([], 8)).toEqual([[]]);
  });

  it('turns into pages past two rows, every counter on exactly one of them', () => {
    const eighteen = tiles(Array<Status>(18).fill('open'));
    const pages = counterPages(eighteen, 7);
    expect(pages.map((p) => p.length)).toEqual([14, 4]);
    expect(pages.flat()).toEqual(eighteen);
  });

  it('moves a paused tile, two places wide, whole to the next row as the grid does', () => {
    // Three columns: [1 2 _] [P4 5] — the paused tile leaves a hole at the end of the first row.
    const strip = tiles(['open', 'open', 'paused', 'open', 'open']);
    const pages = counterPages(strip, 3);
    expect(pages.map((p) => p.map((c) => c.number))).toEqual([[1, 2, 3, 4], [5]]);
  });

  it('never puts more on a page than its rows hold, whatever the mix and width', () => {
    for (let columns = 1; columns <= 9; columns++) {
      for (let seed = 0; seed < 50; seed++) {
        const strip = tiles(
          Array.from({ length: 1 + ((seed * 7) % 30) }, (_, i) =>
            (seed + i * 3) % 5 === 0 ? 'paused' : 'open',
          ),
        );
        const pages = counterPages(strip, columns);
        expect(pages.flat()).toEqual(strip);
        for (const page of pages) {
          let rows = page.length > 0 ? 1 : 0;
          let col = 0;
          for (const c of page) {
            const w = tileWidth(c, columns);
            if (col + w > columns) {
              rows += 1;
              col = 0;
            }
            col += w;
          }
          expect(rows).toBeLessThanOrEqual(STRIP_ROWS);
        }
      }
    }
  });
});
