/**
 * What a device the hub turned away shows instead of its app: why (removed in
 * the console, another role's token, never paired), in Lao and in English at
 * once, and what to do about it. Never a spinner: only a person can fix this.
 */
import { LANGS, t, type Lang, type MessageKey } from '../i18n/index.js';
import type { HubRefusal } from './hub-connection.js';

/** Where each role's app lives on the hub. */
const APP_PATH = {
  kiosk: '/kiosk/',
  counter: '/counter/',
  display: '/display/',
  feedback: '/display/',
  console: '/console/',
} as const;

function messageOf(refusal: HubRefusal | null): MessageKey {
  switch (refusal?.reason) {
    case 'device-revoked':
      return 'reason.device-revoked';
    case 'wrong-app':
      return 'reason.wrong-app';
    case 'pairing-required':
      return 'reason.pairing-required';
    default:
      return 'connection.refused';
  }
}

function Words({ lang, refusal }: { lang: Lang; refusal: HubRefusal | null }) {
  const role = refusal?.role ? t(lang, `role.${refusal.role}`) : '';
  return (
    <div lang={lang} className="khiu-refused__lang">
      <h1 className="khiu-refused__title">{t(lang, 'refused.title')}</h1>
      <p className="khiu-refused__message">{t(lang, messageOf(refusal), { role })}</p>
    </div>
  );
}

/**
 * `token`: the device's token, when the page has it, so "open its own page"
 * takes it along (each app keeps its token under its own name).
 */
export function RefusedScreen({
  refusal,
  token,
}: {
  refusal: HubRefusal | null;
  token?: string | undefined;
}) {
  const path = refusal?.reason === 'wrong-app' && refusal.role ? APP_PATH[refusal.role] : null;
  const ownApp = path && token ? `${path}?token=${encodeURIComponent(token)}` : path;
  return (
    <main className="khiu-refused" role="alert" data-testid="refused">
      {LANGS.map((lang) => (
        <Words key={lang} lang={lang} refusal={refusal} />
      ))}
      <div className="khiu-refused__actions">
        {ownApp ? (
          <a className="khiu-refused__action" href={ownApp}>
            {LANGS.map((lang) => t(lang, 'refused.openOwn')).join(' · ')}
          </a>
        ) : (
          <a className="khiu-refused__action" href="/pair/">
            {LANGS.map((lang) => t(lang, 'refused.pair')).join(' · ')}
          </a>
        )}
      </div>
    </main>
  );
}
