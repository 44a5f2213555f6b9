/** The `webhooks` and `webhook_deliveries` tables, each statement prepared once. */
import type { Db } from '../db/open.js';
import type {
  DeliveryStatus,
  WebhookDeliveryView,
  WebhookEvent,
  WebhookView,
} from '../../../shared/protocol.js';

export interface WebhookRow {
  id: number;
  name: string;
  url: string;
  secret: string;
  events: string;
  active: number;
  created_at: number;
  version: number;
}

export interface DeliveryRow {
  id: number;
  webhook_id: number;
  event: WebhookEvent;
  idempotency_key: string;
  body: string;
  created_at: number;
  window_from: number;
  status: DeliveryStatus;
  attempts: number;
}

interface DeliveryListRow extends DeliveryRow {
  webhook_name: string;
  label: string | null;
  next_at: number | null;
  last_at: number | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: number | null;
}

export interface NewDelivery {
  webhookId: number;
  event: WebhookEvent;
  key: string;
  ticketId: number | null;
  body: string;
  at: number;
}

const HOOK_COLUMNS = 'id, name, url, secret, events, active, created_at, version';
const DELIVERY_COLUMNS = `d.id, d.webhook_id, d.event, d.idempotency_key, d.body, d.created_at,
  d.window_from, d.status, d.attempts`;

export const deliveryView = (r: DeliveryListRow): WebhookDeliveryView => ({
  id: r.id,
  webhookId: r.webhook_id,
  webhookName: r.webhook_name,
  event: r.event,
  idempotencyKey: r.idempotency_key,
  label: r.label,
  createdAt: r.created_at,
  status: r.status,
  attempts: r.attempts,
  nextAt: r.status === 'pending' ? r.next_at : null,
  lastAt: r.last_at,
  lastStatus: r.last_status,
  lastError: r.last_error,
  deliveredAt: r.delivered_at,
});

/** The webhooks themselves, and how many of each one's deliveries wait or were given up. */
function hookStatements(db: Db) {
  const hooks = db.prepare<[], WebhookRow>(`SELECT ${HOOK_COLUMNS} FROM webhooks ORDER BY id`);
  const hook = db.prepare<[number], WebhookRow>(
    `SELECT ${HOOK_COLUMNS} FROM webhooks WHERE id = ?`,
  );
  const counts = db.prepare<[number], { pending: number; failed: number }>(
    `SELECT coalesce(sum(status = 'pending'), 0) AS pending, coalesce(sum(status = 'failed'), 0) AS failed
     FROM webhook_deliveries WHERE webhook_id = ?`,
  );
  const insertHook = db.prepare<[string, string, string, string, number, number]>(
    'INSERT INTO webhooks (name, url, secret, events, active, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const updateHook = db.prepare<[string, string, string, number, number]>(
    `UPDATE webhooks SET name = ?, url = ?, events = ?, active = ?, version = version + 1
     WHERE id = ?`,
  );
  const deleteHook = db.prepare<[number]>('DELETE FROM webhooks WHERE id = ?');
  return {
    hooks: () => hooks.all(),
    hook: (id: number) => hook.get(id) ?? null,
    counts: (id: number) => counts.get(id) ?? { pending: 0, failed: 0 },
    insertHook: (
      h: { name: string; url: string; secret: string; events: string; active: boolean },
      at: number,
    ) =>
      Number(
        insertHook.run(h.name, h.url, h.secret, h.events, h.active ? 1 : 0, at).lastInsertRowid,
      ),
    updateHook: (id: number, h: { name: string; url: string; events: string; active: boolean }) =>
      void updateHook.run(h.name, h.url, h.events, h.active ? 1 : 0, id),
    deleteHook: (id: number) => void deleteHook.run(id),
  };
}

/** A booking made or cancelled has no ticket yet: the log names it by its booking code. */
const LIST = `SELECT ${DELIVERY_COLUMNS}, w.name AS webhook_name,
    COALESCE(t.label, json_extract(d.body, '$.data.booking.code')) AS label, d.next_at, d.last_at,
    d.last_status, d.last_error, d.delivered_at
  FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
  LEFT JOIN tickets t ON t.id = d.ticket_id`;

/** The log as the console reads it, and a retry by hand. */
function logStatements(db: Db) {
  const list = db.prepare<[{ hook: number | null; limit: number }], DeliveryListRow>(
    `${LIST} WHERE (@hook IS NULL OR d.webhook_id = @hook) ORDER BY d.id DESC LIMIT @limit`,
  );
  const one = db.prepare<[number], DeliveryListRow>(`${LIST} WHERE d.id = ?`);
  const retry = db.prepare<[{ id: number; at: number }]>(
    `UPDATE webhook_deliveries SET status = 'pending', next_at = @at, window_from = @at
     WHERE id = @id`,
  );
  return {
    deliveries: (hookId: number | null, limit: number) =>
      list.all({ hook: hookId, limit }).map(deliveryView),
    delivery: (id: number) => {
      const row = one.get(id);
      return row ? deliveryView(row) : null;
    },
    retry: (id: number, at: number) => void retry.run({ id, at }),
  };
}

/** The outbox as the commit listener writes it and the dispatcher works through it. */
function outboxStatements(db: Db) {
  const insertDelivery = db.prepare<[NewDelivery]>(
    `INSERT INTO webhook_deliveries (webhook_id, event, idempotency_key, ticket_id, body,
       created_at, window_from, status, next_at)
     VALUES (@webhookId, @event, @key, @ticketId, @body, @at, @at, 'pending', @at)`,
  );
  const due = db.prepare<[number, number], DeliveryRow & { url: string; secret: string }>(
    `SELECT ${DELIVERY_COLUMNS}, w.url, w.secret FROM webhook_deliveries d
     JOIN webhooks w ON w.id = d.webhook_id
     WHERE d.status = 'pending' AND d.next_at <= ? ORDER BY d.next_at, d.id LIMIT ?`,
  );
  const nextDue = db.prepare<[number], { at: number | null }>(
    "SELECT min(next_at) AS at FROM webhook_deliveries WHERE status = 'pending' AND next_at > ?",
  );
  const delivered = db.prepare<[{ id: number; at: number; status: number }]>(
    `UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, last_at = @at,
       delivered_at = @at, last_status = @status, last_error = NULL, next_at = NULL WHERE id = @id`,
  );
  const failedTry = db.prepare<
    [{ id: number; at: number; status: number | null; error: string; next: number | null }]
  >(
    `UPDATE webhook_deliveries SET attempts = attempts + 1, last_at = @at, last_status = @status,
       last_error = @error, next_at = @next,
       status = CASE WHEN @next IS NULL THEN 'failed' ELSE 'pending' END
     WHERE id = @id`,
  );
  return {
    insertDelivery: (d: NewDelivery) => void insertDelivery.run(d),
    due: (now: number, limit: number) => due.all(now, limit),
    /** The first try due after `now` (those due by then are being tried). */
    nextDue: (now: number) => nextDue.get(now)?.at ?? null,
    markDelivered: (id: number, at: number, status: number) =>
      void delivered.run({ id, at, status }),
    markFailedTry: (
      id: number,
      at: number,
      status: number | null,
      error: string,
      next: number | null,
    ) => void failedTry.run({ id, at, status, error: error.slice(0, 300), next }),
  };
}

export function createWebhookStore(db: Db) {
  return { ...hookStatements(db), ...logStatements(db), ...outboxStatements(db) };
}

export type WebhookStore = ReturnType<typeof createWebhookStore>;

export const hookView = (
  r: WebhookRow,
  counts: { pending: number; failed: number },
): WebhookView => ({
  id: r.id,
  name: r.name,
  url: r.url,
  events: JSON.parse(r.events) as WebhookEvent[],
  active: r.active === 1,
  createdAt: r.created_at,
  pending: counts.pending,
  failed: counts.failed,
  version: r.version,
});
