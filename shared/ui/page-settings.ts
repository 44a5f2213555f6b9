/**
 * What an app reads from its page address, so a station, a TV browser or a
 * test can tune it without a rebuild: durations in seconds, and a paired
 * browser's device token, passed once as `?token=…`, then kept in
 * localStorage and taken out of the address bar.
 */

/** `?name=<seconds>` as milliseconds; the fallback when absent or not a positive number. */
export function secondsParam(
  params: URLSearchParams,
  name: string,
  fallbackSeconds: number,
): number {
  const value = Number(params.get(name));
  return (params.has(name) && Number.isFinite(value) && value > 0 ? value : fallbackSeconds) * 1000;
}

/** The device token from `?token=…` (then kept under `storageKey`), else the one kept before. */
export function deviceTokenParam(params: URLSearchParams, storageKey: string): string | undefined {
  const fromUrl = params.get('token');
  try {
    if (fromUrl) {
      localStorage.setItem(storageKey, fromUrl);
      const url = new URL(window.location.href);
      url.searchParams.delete('token');
      history.replaceState(null, '', url);
      return fromUrl;
    }
    return localStorage.getItem(storageKey) ?? undefined;
  } catch {
    // Storage can be switched off; the token from the address still works for this visit.
    return fromUrl ?? undefined;
  }
}
