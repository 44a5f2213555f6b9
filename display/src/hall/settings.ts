/**
 * The hall display's settings, from the page address, so a TV browser or a
 * test can tune them without a rebuild: `?pageSeconds=10&noticeSeconds=12`.
 * A paired plain browser passes its device token once as `?token=…`; it is
 * kept in localStorage and taken out of the address bar.
 */
const TOKEN_STORAGE_KEY = 'khiu.display.deviceToken';
const DEFAULT_PAGE_SECONDS = 10;
const DEFAULT_NOTICE_SECONDS = 12;

export interface HallSettings {
  /** How long each page of the services table stays up. */
  pageMs: number;
  /** How long each notice stays up. */
  noticeMs: number;
  token: string | undefined;
}

function seconds(params: URLSearchParams, name: string, fallback: number): number {
  const value = Number(params.get(name));
  return (params.has(name) && Number.isFinite(value) && value > 0 ? value : fallback) * 1000;
}

function deviceToken(params: URLSearchParams): string | undefined {
  const fromUrl = params.get('token');
  try {
    if (fromUrl) {
      localStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
      const url = new URL(window.location.href);
      url.searchParams.delete('token');
      history.replaceState(null, '', url);
      return fromUrl;
    }
    return localStorage.getItem(TOKEN_STORAGE_KEY) ?? undefined;
  } catch {
    // Storage can be switched off; the token from the address still works for this visit.
    return fromUrl ?? undefined;
  }
}

export function readHallSettings(search = window.location.search): HallSettings {
  const params = new URLSearchParams(search);
  return {
    pageMs: seconds(params, 'pageSeconds', DEFAULT_PAGE_SECONDS),
    noticeMs: seconds(params, 'noticeSeconds', DEFAULT_NOTICE_SECONDS),
    token: deviceToken(params),
  };
}
