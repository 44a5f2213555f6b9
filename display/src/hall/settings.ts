/**
 * The hall display's settings, from the page address, so a TV browser or a
 * test can tune them without a rebuild: `?pageSeconds=10&noticeSeconds=12`.
 * A paired plain browser passes its device token once as `?token=…`; it is
 * kept in localStorage and taken out of the address bar.
 */
import { deviceTokenParam, secondsParam } from '../../../shared/ui/page-settings.js';

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

export function readHallSettings(search = window.location.search): HallSettings {
  const params = new URLSearchParams(search);
  return {
    pageMs: secondsParam(params, 'pageSeconds', DEFAULT_PAGE_SECONDS),
    noticeMs: secondsParam(params, 'noticeSeconds', DEFAULT_NOTICE_SECONDS),
    token: deviceTokenParam(params, TOKEN_STORAGE_KEY),
  };
}
