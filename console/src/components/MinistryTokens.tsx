/** A manager's read-only tokens for the ministry: made, shown once, revoked. */
import { useEffect, useState, type FormEvent } from 'react';
import { t, type Lang } from '../../../shared/i18n/index.js';
import { formatDate } from '../../../shared/i18n/calendar.js';
import { REPORT_DAYS_PATH, type MinistryTokenView } from '../../../shared/protocol.js';
import {
  closeNewToken,
  createToken,
  loadTokens,
  revokeToken,
  useReportStore,
} from '../report-actions.js';
import { useConsoleStore } from '../store.js';
import { TextField } from './Field.js';

function TokenRow({
  token,
  lang,
  timeZone,
}: {
  token: MinistryTokenView;
  lang: Lang;
  timeZone: string;
}) {
  return (
    <tr data-testid={`token-${token.id}`}>
      <th scope="row">{token.name}</th>
      <td>
        {token.lastUsedAt === null
          ? t(lang, 'console.reports.tokenNeverUsed')
          : t(lang, 'console.reports.tokenLastUsed', {
              at: formatDate(token.lastUsedAt, timeZone, lang),
            })}
      </td>
      <td>
        {token.revokedAt === null ? (
          <button
            type="button"
            className="button button--danger"
            onClick={() => void revokeToken(token)}
          >
            {t(lang, 'console.reports.tokenRevoke')}
          </button>
        ) : (
          t(lang, 'console.reports.tokenRevoked')
        )}
      </td>
    </tr>
  );
}

export function MinistryTokens({ lang }: { lang: Lang }) {
  const tokens = useReportStore((s) => s.tokens);
  const newToken = useReportStore((s) => s.newToken);
  const timeZone = useConsoleStore((s) => s.config?.centre.timeZone ?? 'Asia/Vientiane');
  const [name, setName] = useState('');
  useEffect(() => void loadTokens(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void createToken(name).then((made) => made && setName(''));
  };
  return (
    <section className="card report-card report-tokens" data-testid="ministry-tokens">
      <h2>{t(lang, 'console.reports.tokens')}</h2>
      <p className="hint">{t(lang, 'console.reports.tokensHint', { path: REPORT_DAYS_PATH })}</p>
      {newToken ? (
        <div className="report-token-new" role="status">
          <p>{t(lang, 'console.reports.tokenShown')}</p>
          <code data-testid="new-token">{newToken}</code>
          <button type="button" className="button" onClick={closeNewToken}>
            {t(lang, 'console.reports.tokenDone')}
          </button>
        </div>
      ) : null}
      {tokens.length === 0 ? <p className="hint">{t(lang, 'console.reports.noTokens')}</p> : null}
      <table className="table">
        <tbody>
          {tokens.map((tok) => (
            <TokenRow key={tok.id} token={tok} lang={lang} timeZone={timeZone} />
          ))}
        </tbody>
      </table>
      <form className="report-tokens__form" onSubmit={submit}>
        <TextField label="console.reports.tokenName" path="name" value={name} onChange={setName} />
        <button type="submit" className="button button--primary">
          {t(lang, 'console.reports.tokenCreate')}
        </button>
      </form>
    </section>
  );
}
