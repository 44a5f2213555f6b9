/**
 * One build, two pages: the hall display at /display/ and the citizen's phone
 * page at /t/<code> (the hub serves this build's index.html for both).
 */
export type Route = { page: 'hall' } | { page: 'phone'; code: string };

export function routeFor(pathname: string): Route {
  const match = /^\/t\/([^/]*)\/?$/.exec(pathname);
  // An odd code is still the phone page: the hub answers "not found" and the page says so kindly.
  if (match) return { page: 'phone', code: decodeURIComponent(match[1] ?? '') };
  return { page: 'hall' };
}
