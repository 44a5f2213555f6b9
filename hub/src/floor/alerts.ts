/**
 * The floor's alerts, decided in one place on the hub: a queue whose longest
 * wait is past its service's target, an open counter with nobody at it while
 * its services have people waiting, and a kiosk printer that is low on
 * paper, out of it, open or not answering.
 *
 * The promise: an alert reaches staff within 2 s of its cause. Every commit
 * (a ticket, a counter, a printer's status) asks for a check at the end of
 * that turn of the event loop, or, within AFTER_COMMIT_GAP_MS of the last
 * check, once that gap has passed, so a rush of commits shares one check
 * rather than paying one each; and a timer checks once per `checkMs` for what
 * only time brings (a wait crossing its target, a counter idle too long).
 * Listeners hear the whole list each time it changes, never the same list
 * twice. The log hears of each alert once as a warning when it is raised and
 * once as info when it clears; a printer whose fault changes (near end → out)
 * clears one alert and raises the other.
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { ConfigSource } from '../config/config.js';
import type { CounterStore } from '../counters/counter-store.js';
import type { PrinterViews } from '../print/printing.js';
import type { FloorStore } from './floor-store.js';
import type { Alert } from '../../../shared/protocol.js';

export interface AlertTiming {
  /** How often time alone is checked (waits crossing their target). */
  checkMs: number;
  /** How long an open counter may stand empty while its services have people waiting. */
  idleAfterMs: number;
}

export const DEFAULT_ALERT_TIMING: AlertTiming = { checkMs: 1_000, idleAfterMs: 3 * 60_000 };

const MINUTE_MS = 60_000;
/** The least time between two checks asked for by commits: well inside the 2 s promise. */
export const AFTER_COMMIT_GAP_MS = 250;

export interface Alerts {
  /** The alerts standing now (as last checked). */
  current(): Alert[];
  /** Checks now; listeners hear of a changed list. */
  check(): void;
  /** Asks for a check at the end of this turn of the event loop (after a commit). */
  soon(): void;
  onChange(listener: (alerts: Alert[]) => void): void;
  start(): void;
  stop(): void;
}

export interface AlertDeps {
  clock: Clock;
  log: Logger;
  config: ConfigSource;
  counters: CounterStore;
  floor: FloorStore;
  printers: PrinterViews;
  timing: AlertTiming;
}

function waitAlerts(deps: AlertDeps, waiting: Map<string, number>, now: number): Alert[] {
  const out: Alert[] = [];
  for (const s of deps.config.current().services.values()) {
    if ((waiting.get(s.id) ?? 0) === 0) continue;
    const oldest = deps.floor.oldestQueuedAt(s.id);
    if (oldest === null) continue;
    const due = oldest + s.targetMinutes * MINUTE_MS;
    if (now <= due) continue;
    out.push({
      kind: 'wait-over-target',
      id: `wait:${s.id}`,
      since: due,
      serviceIds: [s.id],
      serviceId: s.id,
      oldestQueuedAt: oldest,
      targetMinutes: s.targetMinutes,
    });
  }
  return out;
}

/** `idleSince` remembers, per counter, when it was first seen idle with people waiting. */
function idleAlerts(
  deps: AlertDeps,
  waiting: Map<string, number>,
  now: number,
  idleSince: Map<number, number>,
): Alert[] {
  const out: Alert[] = [];
  for (const c of deps.config.current().counters.values()) {
    const row = deps.counters.byId(c.id);
    const idle =
      row?.status === 'open' &&
      c.services.some((id) => (waiting.get(id) ?? 0) > 0) &&
      deps.counters.current(c.id) === undefined;
    if (!idle) {
      idleSince.delete(c.id);
      continue;
    }
    const since = idleSince.get(c.id) ?? now;
    idleSince.set(c.id, since);
    if (now - since < deps.timing.idleAfterMs) continue;
    out.push({
      kind: 'counter-idle',
      id: `idle:${c.id}`,
      since,
      serviceIds: c.services,
      counterId: c.id,
      counterNumber: c.number,
    });
  }
  return out;
}

function printerAlerts(deps: AlertDeps, before: Map<string, Alert>, now: number): Alert[] {
  const out: Alert[] = [];
  for (const p of deps.printers.all()) {
    if (p.status === 'ok') continue;
    const id = `printer:${p.id}:${p.status}`;
    out.push({
      kind: 'printer',
      id,
      since: before.get(id)?.since ?? now,
      serviceIds: [],
      printerId: p.id,
      printerName: p.name,
      status: p.status,
      queuedJobs: p.queuedJobs,
    });
  }
  return out;
}

/** What the log says of an alert: its kind and what it is about, never a citizen. */
function logged(a: Alert) {
  switch (a.kind) {
    case 'wait-over-target':
      return { alert: a.kind, service: a.serviceId, targetMinutes: a.targetMinutes };
    case 'counter-idle':
      return { alert: a.kind, counter: a.counterNumber };
    case 'printer':
      return { alert: a.kind, printer: a.printerName, status: a.status, queued: a.queuedJobs };
  }
}

export function createAlerts(deps: AlertDeps): Alerts {
  const listeners: ((alerts: Alert[]) => void)[] = [];
  const idleSince = new Map<number, number>();
  let standing = new Map<string, Alert>();
  let shown = '[]';
  let timer: ReturnType<typeof setInterval> | undefined;
  let scheduled = false;
  let stopped = false;
  let lastCheckMs = -Infinity;

  function check() {
    scheduled = false;
    if (stopped) return;
    lastCheckMs = performance.now();
    const now = deps.clock.now();
    const waiting = deps.floor.waiting();
    const next = [
      ...waitAlerts(deps, waiting, now),
      ...idleAlerts(deps, waiting, now, idleSince),
      ...printerAlerts(deps, standing, now),
    ];
    const nextById = new Map(next.map((a) => [a.id, a]));
    for (const a of next) {
      if (!standing.has(a.id)) deps.log.warn(logged(a), 'alert raised');
    }
    for (const a of standing.values()) {
      if (!nextById.has(a.id)) deps.log.info(logged(a), 'alert cleared');
    }
    standing = nextById;
    const json = JSON.stringify(next);
    if (json === shown) return;
    shown = json;
    for (const listener of listeners) listener(next);
  }

  return {
    current: () => [...standing.values()],
    check,
    soon() {
      if (scheduled || stopped) return;
      scheduled = true;
      const waitMs = lastCheckMs + AFTER_COMMIT_GAP_MS - performance.now();
      if (waitMs <= 0) setImmediate(check);
      else setTimeout(check, waitMs).unref();
    },
    onChange: (listener) => void listeners.push(listener),
    start() {
      if (timer || stopped) return;
      check();
      timer = setInterval(check, deps.timing.checkMs);
      timer.unref();
    },
    stop() {
      stopped = true;
      clearInterval(timer);
      timer = undefined;
    },
  };
}
