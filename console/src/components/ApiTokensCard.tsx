import { useState } from 'react';
import { formatTime } from '../../../shared/i18n/calendar.js';
import { t } from '../../../shared/i18n/index.js';
import { API_SCOPES, type ApiScope, type ApiTokenView } from '../../../shared/protocol.js';
import { makeToken, revokeToken, useIntegrationsStore } from '../integration-actions.js';
import { useCanEdit, useConsoleStore } from '../store.js';
import { FieldMessage, TextField } from './Field.js';

/** A token or a webhook secret the hub showed once, until the manager says it is copied. */
export function ShownOncePanel() {
  const lang = useConsoleStore((s) => s.lang);
  const shown = useIntegrationsStore((s) => s.shown);
  if (!shown) return null;
  const key = shown.kind === 'token' ? 'console.tokens.shownOnce' : 'console.webhooks.secretOnce';
  return (
    <div className="shown-once" role="status" data-testid="shown-once">
      <p>{t(lang, key, { name: shown.name })}</p>
      <code className="shown-once__value" data-testid="shown-once-value">
        {shown.value}
      </code>
      <button
        type="button"
        className="button"
        onClick={() => useIntegrationsStore.setState({ shown: null })}
      >
        {t(lang, 'console.tokens.done')}
      </button>
    </div>
  );
}

function TokenForm() {
  const lang = useConsoleStore((s) => s.lang);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>(['read']);
  const toggle = (scope: ApiScope, on: boolean) =>
    setScopes((s) =>
      on ? API_SCOPES.filter((x) => x === scope || s.includes(x)) : s.filter((x) => x !== scope),
    );
  return (
    <form
      className="token-form"
      data-testid="token-form"
      onSubmit={(e) => {
        e.preventDefault();
        void makeToken(name, scopes).then((made) => made && setName(''));
      }}
    >
      <TextField
        label="console.tokens.name"
        path="token.name"
        value={name}
        onChange={setName}
        maxLength={80}
      />
      <fieldset className="token-form__scopes">
        <legend>{t(lang, 'console.tokens.scopes')}</legend>
        {API_SCOPES.map((scope) => (
          <label key={scope} className="check">
            <input
              type="checkbox"
              name={`token.scope.${scope}`}
              checked={scopes.includes(scope)}
              onChange={(e) => toggle(scope, e.target.checked)}
            />
            <span>{t(lang, `console.tokens.scope.${scope}`)}</span>
          </label>
        ))}
        <FieldMessage path="token.scopes" />
      </fieldset>
      <button type="submit" className="button button--primary">
        {t(lang, 'console.tokens.create')}
      </button>
    </form>
  );
}

function TokenRow({ token }: { token: ApiTokenView }) {
  const lang = useConsoleStore((s) => s.lang);
  const timeZone = useConsoleStore((s) => s.config?.centre.timeZone ?? 'Asia/Vientiane');
  const canEdit = useCanEdit();
  const state = token.revokedAt === null ? 'active' : 'revoked';
  return (
    <tr data-testid={`token-${token.id}`} data-state={state}>
      <td>{token.name}</td>
      <td>
        <code>{t(lang, 'console.tokens.ending', { hint: token.hint })}</code>
      </td>
      <td>{token.scopes.join(', ')}</td>
      <td>
        <span className={`mark mark--${state === 'active' ? 'connected' : 'revoked'}`}>
          {t(lang, `console.tokens.${state}`)}
        </span>
      </td>
      <td>
        {token.lastUsedAt === null
          ? t(lang, 'console.tokens.never')
          : formatTime(token.lastUsedAt, timeZone)}
      </td>
      <td>
        {canEdit && state === 'active' ? (
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              if (window.confirm(t(lang, 'console.tokens.revokeAsk', { name: token.name }))) {
                void revokeToken(token);
              }
            }}
          >
            {t(lang, 'console.tokens.revoke')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}

/** API tokens: made with a name and scopes, shown once, revoked for good. */
export function ApiTokensCard() {
  const lang = useConsoleStore((s) => s.lang);
  const canEdit = useCanEdit();
  const tokens = useIntegrationsStore((s) => s.tokens);
  return (
    <section className="card" aria-labelledby="tokens-title" data-testid="tokens-card">
      <h2 id="tokens-title">{t(lang, 'console.tokens.title')}</h2>
      <p className="hint">{t(lang, 'console.tokens.hint', { path: '/api/v1/docs' })}</p>
      {canEdit ? <TokenForm /> : null}
      <table className="table" data-testid="token-list">
        <thead>
          <tr>
            <th>{t(lang, 'console.tokens.name')}</th>
            <th />
            <th>{t(lang, 'console.tokens.scopes')}</th>
            <th>{t(lang, 'console.tokens.state')}</th>
            <th>{t(lang, 'console.tokens.lastUsed')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(tokens ?? []).map((token) => (
            <TokenRow key={token.id} token={token} />
          ))}
        </tbody>
      </table>
      {tokens?.length === 0 ? <p className="hint">{t(lang, 'console.tokens.none')}</p> : null}
    </section>
  );
}
