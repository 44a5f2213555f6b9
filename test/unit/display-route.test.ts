/** One build, four pages: which one an address opens. */
import { describe, expect, it } from 'vitest';
import { routeFor } from '../../display/src/route.js';

describe('the display build routes', () => {
  it('opens the hall, the phone page and the two booking pages by address', () => {
    expect(routeFor('/display/')).toEqual({ page: 'hall' });
    expect(routeFor('/t/abc123')).toEqual({ page: 'phone', code: 'abc123' });
    expect(routeFor('/book')).toEqual({ page: 'book' });
    expect(routeFor('/book/')).toEqual({ page: 'book' });
    expect(routeFor('/book/ABCD-2345')).toEqual({ page: 'booking', code: 'ABCD-2345' });
    expect(routeFor('/book/abcd2345/')).toEqual({ page: 'booking', code: 'abcd2345' });
  });
});
