/**
 * Sends webhook deliveries from the outbox (`webhook_deliveries`), never on a
 * request's path and never inside a transaction.
 *
 * The promise: every delivery written with a change reaches its receiver at
 * least once, or is marked `failed` after 24 h of tries. A try that got a
 * 2xx is marked `delivered`; anything else (another status, a refused
 * connection, no answer within `timeoutMs`) is tried again after a delay
 * that doubles from `retryBaseMs` to `retryMaxMs`. A hub stopped mid-try
 * leaves the delivery pending and sends it again after restart, with the
 * same body and idempotency key, so a receiver that acts once per key acts
 * exactly once.
 *
 * A receiver that is down costs the hub little: at most `concurrency` tries
 * are in flight at once, each cut off after `timeoutMs`, and between tries a
 * delivery only waits in the table.
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { EVENT_HEADER, IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signature } from './signature.js';
import type { DeliveryRow, WebhookStore } from './webhook-store.js';

export interface WebhookTiming {
  concurrency: number;
  timeoutMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long after it was written (or retried by hand) a delivery is tried. */
  giveUpAfterMs: number;
  /** The longest sleep between looks at the table, so a changed clock cannot strand a delivery. */
  idlePollMs: number;
}

export const DEFAULT_WEBHOOK_TIMING: WebhookTiming = {
  concurrency: 4,
  timeoutMs: 10_000,
  retryBaseMs: 10_000,
  retryMaxMs: 60 * 60_000,
  giveUpAfterMs: 24 * 60 * 60_000,
  idlePollMs: 30_000,
};

export const webhookRetryDelayMs = (tries: number, t: WebhookTiming) =>
  Math.min(t.retryMaxMs, t.retryBaseMs * 2 ** Math.max(0, tries - 1));

export interface Dispatcher {
  start(): void;
  /** Something was written or retried: look at the table soon. */
  wake(): void;
  /** Ends the tries in flight (they stay pending) and stops. */
  stop(): Promise<void>;
}

type Due = DeliveryRow & { url: string; secret: string };

interface DispatcherDeps {
  store: WebhookStore;
  clock: Clock;
  log: Logger;
  timing: WebhookTiming;
}

const reasonOf = (err: unknown) =>
  err instanceof Error
    ? err.cause instanceof Error
      ? err.cause.message
      : err.message
    : String(err);

/** POSTs one delivery, signed now: the receiver's status, or why there was none. */
async function post(row: Due, deps: DispatcherDeps, stop: AbortSignal) {
  try {
    const res = await fetch(row.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'khiu-hub',
        [SIGNATURE_HEADER]: signature(row.secret, deps.clock.now(), row.body),
        [IDEMPOTENCY_HEADER]: row.idempotency_key,
        [EVENT_HEADER]: row.event,
      },
      body: row.body,
      redirect: 'manual',
      signal: AbortSignal.any([stop, AbortSignal.timeout(deps.timing.timeoutMs)]),
    });
    await res.body?.cancel();
    return { status: res.status, error: `HTTP ${res.status}` };
  } catch (err) {
    return { status: null, error: reasonOf(err) };
  }
}

/** One try; its outcome is written only while the hub still runs. */
async function attempt(row: Due, deps: DispatcherDeps, stop: AbortSignal) {
  const { store, clock, log, timing } = deps;
  const { status, error } = await post(row, deps, stop);
  if (stop.aborted) return;
  if (status !== null && status >= 200 && status < 300) {
    store.markDelivered(row.id, clock.now(), status);
    return;
  }
  const next = clock.now() + webhookRetryDelayMs(row.attempts + 1, timing);
  const giveUp = next - row.window_from > timing.giveUpAfterMs;
  store.markFailedTry(row.id, clock.now(), status, error, giveUp ? null : next);
  log.warn(
    { webhook: row.webhook_id, delivery: row.id, event: row.event, status, err: error, giveUp },
    giveUp ? 'webhook delivery given up after 24 h' : 'webhook delivery failed; will retry',
  );
}

export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const { store, clock, log, timing } = deps;
  const inFlight = new Map<number, Promise<void>>();
  let stop = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running = false;

  const schedule = (delayMs: number) => {
    clearTimeout(timer);
    timer = setTimeout(pump, Math.max(0, delayMs));
  };

  function pump() {
    if (!running) return;
    const now = clock.now();
    const free = timing.concurrency - inFlight.size;
    if (free > 0) {
      const rows = store.due(now, timing.concurrency + inFlight.size);
      for (const row of rows.filter((r) => !inFlight.has(r.id)).slice(0, free)) {
        const done = attempt(row, deps, stop.signal)
          .catch((err: unknown) => log.error({ err, delivery: row.id }, 'webhook try failed'))
          .finally(() => {
            inFlight.delete(row.id);
            pump();
          });
        inFlight.set(row.id, done);
      }
    }
    // Full: a try that ends looks again. Otherwise every due delivery is in flight already.
    if (inFlight.size >= timing.concurrency) return clearTimeout(timer);
    const next = store.nextDue(now);
    schedule(next === null ? timing.idlePollMs : Math.min(next - now, timing.idlePollMs));
  }

  return {
    start() {
      if (running) return;
      running = true;
      stop = new AbortController();
      schedule(0);
    },
    wake: () => running && schedule(0),
    async stop() {
      running = false;
      clearTimeout(timer);
      stop.abort();
      await Promise.all(inFlight.values());
    },
  };
}
