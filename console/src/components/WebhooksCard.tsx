import { useState } from 'react';
import { t } from '../../../shared/i18n/index.js';
import { WEBHOOK_EVENTS, type WebhookEvent, type WebhookView } from '../../../shared/protocol.js';
import { removeWebhook, saveWebhook, useIntegrationsStore } from '../integration-actions.js';
import { useCanEdit, useConsoleStore } from '../store.js';
import { CheckField, FieldMessage, TextField } from './Field.js';

/** The events a webhook hears, one box each, kept in the protocol's order. */
function EventChoices({
  events,
  onChange,
}: {
  events: WebhookEvent[];
  onChange: (events: WebhookEvent[]) => void;
}) {
  const lang = useConsoleStore((s) => s.lang);
  const toggle = (event: WebhookEvent, on: boolean) =>
    onChange(
      on
        ? WEBHOOK_EVENTS.filter((x) => x === event || events.includes(x))
        : events.filter((x) => x !== event),
    );
  return (
    <fieldset className="webhook-form__events">
      <legend>{t(lang, 'console.webhooks.events')}</legend>
      {WEBHOOK_EVENTS.map((event) => (
        <label key={event} className="check">
          <input
            type="checkbox"
            name={`webhook.event.${event}`}
            checked={events.includes(event)}
            onChange={(e) => toggle(event, e.target.checked)}
          />
          <span>{t(lang, `console.webhooks.event.${event}`)}</span>
        </label>
      ))}
      <FieldMessage path="webhook.events" />
    </fieldset>
  );
}

function WebhookForm({ webhook }: { webhook: WebhookView | null }) {
  const lang = useConsoleStore((s) => s.lang);
  const [name, setName] = useState(webhook?.name ?? '');
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [events, setEvents] = useState<WebhookEvent[]>(webhook?.events ?? ['ticket-called']);
  const [active, setActive] = useState(webhook?.active ?? true);
  return (
    <form
      className="webhook-form"
      data-testid="webhook-form"
      onSubmit={(e) => {
        e.preventDefault();
        const input = { ...(webhook ? { id: webhook.id } : {}), name, url, events, active };
        void saveWebhook(input, webhook?.version ?? null);
      }}
    >
      <h3>{t(lang, webhook ? 'console.webhooks.edit' : 'console.webhooks.add')}</h3>
      <div className="field-pair">
        <TextField
          label="console.webhooks.name"
          path="webhook.name"
          value={name}
          onChange={setName}
          maxLength={80}
        />
        <TextField
          label="console.webhooks.url"
          path="webhook.url"
          value={url}
          onChange={setUrl}
          hint="console.webhooks.urlHint"
          inputMode="url"
        />
      </div>
      <EventChoices events={events} onChange={setEvents} />
      <CheckField
        label="console.webhooks.active"
        path="webhook.active"
        checked={active}
        onChange={setActive}
      />
      <div className="webhook-form__buttons">
        <button type="submit" className="button button--primary">
          {t(lang, 'console.save')}
        </button>
        {webhook ? (
          <button
            type="button"
            className="button"
            onClick={() => useIntegrationsStore.setState({ editing: null })}
          >
            {t(lang, 'console.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function WebhookRow({ webhook }: { webhook: WebhookView }) {
  const lang = useConsoleStore((s) => s.lang);
  const canEdit = useCanEdit();
  return (
    <tr data-testid={`webhook-${webhook.id}`}>
      <td>{webhook.name}</td>
      <td>
        <code>{webhook.url}</code>
      </td>
      <td>{webhook.events.map((e) => t(lang, `console.webhooks.event.${e}`)).join(' · ')}</td>
      <td>
        <span className={`mark mark--${webhook.active ? 'connected' : 'offline'}`}>
          {t(lang, webhook.active ? 'console.webhooks.active' : 'console.webhooks.paused')}
        </span>{' '}
        {t(lang, 'console.webhooks.counts', { pending: webhook.pending, failed: webhook.failed })}
      </td>
      <td>
        {canEdit ? (
          <span className="device-actions">
            <button
              type="button"
              className="button"
              onClick={() => useIntegrationsStore.setState({ editing: webhook })}
            >
              {t(lang, 'console.webhooks.edit')}
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                if (window.confirm(t(lang, 'console.webhooks.removeAsk', { name: webhook.name }))) {
                  void removeWebhook(webhook);
                }
              }}
            >
              {t(lang, 'console.webhooks.remove')}
            </button>
          </span>
        ) : null}
      </td>
    </tr>
  );
}

/** Webhooks: where the hub posts which events, with a form to add or change one. */
export function WebhooksCard() {
  const lang = useConsoleStore((s) => s.lang);
  const canEdit = useCanEdit();
  const webhooks = useIntegrationsStore((s) => s.webhooks);
  const editing = useIntegrationsStore((s) => s.editing);
  const formGen = useConsoleStore((s) => s.formGen);
  const saves = useIntegrationsStore((s) => s.saves);
  return (
    <section className="card" aria-labelledby="webhooks-title" data-testid="webhooks-card">
      <h2 id="webhooks-title">{t(lang, 'console.webhooks.title')}</h2>
      <p className="hint">{t(lang, 'console.webhooks.hint')}</p>
      <table className="table" data-testid="webhook-list">
        <thead>
          <tr>
            <th>{t(lang, 'console.webhooks.name')}</th>
            <th>{t(lang, 'console.webhooks.url')}</th>
            <th>{t(lang, 'console.webhooks.events')}</th>
            <th>{t(lang, 'console.tokens.state')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(webhooks ?? []).map((w) => (
            <WebhookRow key={w.id} webhook={w} />
          ))}
        </tbody>
      </table>
      {webhooks?.length === 0 ? <p className="hint">{t(lang, 'console.webhooks.none')}</p> : null}
      {canEdit ? (
        <WebhookForm
          key={`${editing?.id ?? 'new'}-${editing?.version ?? 0}-${formGen}-${saves}`}
          webhook={editing}
        />
      ) : null}
    </section>
  );
}
