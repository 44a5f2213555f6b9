/**
 * One build, four pages: the hall display at /display/, the citizen's phone
 * page at /t/<code>, and the booking pages: /book to book an appointment and
 * /book/<code> to see, move, cancel or check in one (the hub serves this
 * build's index.html for all of them).
 */
export type Route =
  | { page: 'hall' }
  | { page: 'phone'; code: string }
  | { page: 'book' }
  | { page: 'booking'; code: string };

export function routeFor(pathname: string): Route {
  const ticket = /^\/t\/([^/]*)\/?$/.exec(pathname);
  // An odd code is still the phone page: the hub answers "not found" and the page says so kindly.
  if (ticket) return { page: 'phone', code: decodeURIComponent(ticket[1] ?? '') };
  if (/^\/book\/?$/.test(pathname)) return { page: 'book' };
  const booking = /^\/book\/([^/]+)\/?$/.exec(pathname);
  if (booking) return { page: 'booking', code: decodeURIComponent(booking[1] ?? '') };
  return { page: 'hall' };
}
