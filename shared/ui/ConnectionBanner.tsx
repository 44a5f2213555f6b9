/**
 * Says, in Lao and in English at once, that the hub cannot be reached: the
 * person in front of the screen may read only one of them, and the banner
 * must not depend on which language was chosen before the network went.
 */
import { LANGS, t, type MessageKey } from '../i18n/index.js';
import type { HubStatus } from './hub-connection.js';

export function ConnectionBanner({
  status,
  detail,
}: {
  status: HubStatus;
  /** What this app cannot do while offline, e.g. "tickets cannot be given out". */
  detail?: MessageKey;
}) {
  if (status === 'online' || status === 'connecting') return null;
  const message: MessageKey = status === 'refused' ? 'connection.refused' : 'connection.offline';
  return (
    <div className="khiu-connection-banner" role="alert" data-testid="offline-banner">
      {LANGS.map((lang) => (
        <p key={lang} lang={lang} className="khiu-connection-banner__line">
          <strong>{t(lang, message)}</strong>
          {detail ? <span> {t(lang, detail)}</span> : null}
        </p>
      ))}
    </div>
  );
}
