/**
 * A service day whose figures are known: every ticket is issued, called,
 * served, transferred or left through the real protocol, at times set on a
 * manual clock, and the figures a report must show are worked out here, by
 * hand, from those times (not by the hub's code). Used by the integration
 * and the browser tests of reports.
 */
import { manualClock } from '../../hub/src/clock.js';
import { connect, issue, ok, send, startHub, type Client, type TestHub } from '../harness.js';

export const KNOWN_DAY = '2026-11-24'; // a Tuesday
const START = Date.parse('2026-11-24T08:30:00+07:00');
export const NEXT_DAY_AT = Date.parse('2026-11-25T00:00:30+07:00');
const MIN = 60_000;

export const FBE = 'family-book-entry'; // target 10 min
export const RC = 'residence-certificate'; // target 5 min

export interface KnownDay {
  t: TestHub;
  clock: ReturnType<typeof manualClock>;
  /** What each ticket was told at issue, by its name here (null: no estimate). */
  estimates: Map<string, number | null>;
  ids: Record<'a1' | 'a2' | 'a3' | 'a4' | 'r1' | 'r2' | 'child', number>;
  staffIds: { clerk1: number; clerk2: number };
}

async function login(t: TestHub, role: 'counter' | 'console', username: string, pin: string) {
  const { client } = await connect(t, { role });
  const { sessionToken } = ok(await send(client, 'staff:login', { username, pin }));
  return { client, sessionToken };
}

/** Runs the day; the clock is left at its end (before midnight) unless `roll`. */
export async function runKnownDay(opts: {
  roll: boolean;
  webRoot?: string;
  /** Runs first, on the fresh hub's database (earlier history: ids must grow with days). */
  before?: (t: TestHub) => void;
}): Promise<KnownDay> {
  const clock = manualClock(START - 10 * MIN);
  const t = await startHub({ clock, ...(opts.webRoot ? { webRoot: opts.webRoot } : {}) });
  opts.before?.(t);
  const at = (minutes: number) => clock.set(START + minutes * MIN);
  const { client: c1 } = await login(t, 'counter', 'clerk1', '1234');
  const { client: c2 } = await login(t, 'counter', 'clerk2', '1234');
  ok(await send(c1, 'counter:open', { counterId: 1 }));
  ok(await send(c2, 'counter:open', { counterId: 2 }));
  const { client: kiosk } = await connect(t, { role: 'kiosk' });
  const estimates = new Map<string, number | null>();
  const issueAt = async (minutes: number, serviceId: string, name: string) => {
    at(minutes);
    const ticket = await issue(kiosk, serviceId);
    estimates.set(name, ticket.estimatedWaitMs);
    return ticket;
  };
  const a1 = await issueAt(0, FBE, 'a1');
  const a2 = await issueAt(1, FBE, 'a2');
  const r1 = await issueAt(2, RC, 'r1');
  const a3 = await issueAt(3, FBE, 'a3');
  const a4 = await issueAt(4, FBE, 'a4');
  const r2 = await issueAt(5, RC, 'r2');

  const call = (c: Client, counterId: number, ticketId: number) =>
    send(c, 'counter:call', { counterId, ticketId }).then(ok);
  type Step = 'ticket:start' | 'ticket:complete' | 'ticket:no-show' | 'ticket:recall';
  const act = (c: Client, event: Step, ticketId: number) => send(c, event, { ticketId }).then(ok);

  at(7);
  await call(c1, 1, a1.id); // A1 waits 7 min
  at(8);
  await act(c1, 'ticket:start', a1.id);
  at(9);
  await call(c2, 2, r1.id); // R1 waits 7 min: over its 5
  at(10);
  await act(c2, 'ticket:start', r1.id);
  at(12);
  const child = ok(
    await send(c2, 'ticket:transfer', { ticketId: r1.id, toServiceId: FBE, position: 'back' }),
  );
  at(13);
  await call(c2, 2, a3.id); // A3 waits 10 min: exactly its target
  at(14);
  await act(c2, 'ticket:no-show', a3.id);
  at(15);
  await act(c1, 'ticket:complete', a1.id); // served 7 min
  at(16);
  await call(c1, 1, a2.id); // A2 waits 15 min
  clock.set(START + 16.5 * MIN);
  await act(c1, 'ticket:recall', a2.id); // a recall does not change the wait
  at(17);
  await act(c1, 'ticket:start', a2.id);
  at(20);
  await call(c2, 2, child.id); // the transfer waits 8 min, from 0:12
  at(21);
  await act(c2, 'ticket:start', child.id);
  at(24);
  await act(c2, 'ticket:complete', child.id); // served 3 min
  const { client: manager } = await login(t, 'console', 'manager', '9999');
  at(25);
  ok(await send(manager, 'ticket:cancel', { ticketId: a4.id }));
  at(27);
  await act(c1, 'ticket:complete', a2.id); // served 10 min

  const { client: phone } = await connect(t);
  const rate = (code: string, score: number, answers: Record<string, unknown>) =>
    send(phone, 'feedback:submit', { code, score, answers }).then(ok);
  at(30);
  await rate(a1.code, 5, {
    waitingTime: 4,
    courtesy: 5,
    clarity: 5,
    askedToPayMore: false,
    comment: 'Fast and friendly',
  });
  await rate(a2.code, 2, {
    waitingTime: 1,
    askedToPayMore: true,
    comment: 'Asked for 20,000 kip extra',
  });
  await rate(r1.code, 4, { courtesy: 4, askedToPayMore: false }); // the transfer's end: the child
  // R2 still waits at midnight: it expires at the roll.
  if (opts.roll) {
    clock.set(NEXT_DAY_AT);
    t.hub.rolloverIfDue();
    // The central link's 5 s job copies new daily records into its outbox, linked or not; done
    // here, a test that hashes the tables is not crossed by that write halfway.
    t.hub.central.collect();
  }
  const staffId = (username: string) =>
    (t.db.prepare('SELECT id FROM staff WHERE username = ?').get(username) as { id: number }).id;
  return {
    t,
    clock,
    estimates,
    ids: { a1: a1.id, a2: a2.id, a3: a3.id, a4: a4.id, r1: r1.id, r2: r2.id, child: child.id },
    staffIds: { clerk1: staffId('clerk1'), clerk2: staffId('clerk2') },
  };
}

// ------------------------------------------------------------ the figures, by hand

/** Nearest rank, written out again here so the test does not lean on the hub's. */
function rank(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.ceil(p * s.length) - 1] ?? null;
}
const mean = (values: number[]) =>
  values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length);

export const duration = (minutes: number[]) => {
  const ms = minutes.map((m) => m * MIN);
  return { count: ms.length, meanMs: mean(ms), medianMs: rank(ms, 0.5), p90Ms: rank(ms, 0.9) };
};

/** Waits of the called tickets, in minutes, as the script above makes them. */
export const WAITS: Record<string, number> = { a1: 7, r1: 7, a3: 10, a2: 15, child: 8 };

/** The whole day's figures (apart from the estimate, which depends on what the kiosk was told). */
export const DAY_TOTAL = {
  issued: 6,
  transferredIn: 1,
  served: 3,
  noShow: 1,
  cancelled: 1,
  transferred: 1,
  expired: 1,
  wait: duration([7, 7, 10, 15, 8]),
  service: duration([7, 3, 10]),
  withinTarget: { called: 5, within: 3, share: 3 / 5 },
  feedback: {
    responses: 3,
    faces: [0, 1, 0, 1, 1],
    meanScore: 11 / 3,
    questions: {
      waitingTime: { answers: 2, faces: [1, 0, 0, 1, 0], mean: 5 / 2 },
      courtesy: { answers: 2, faces: [0, 0, 0, 1, 1], mean: 9 / 2 },
      clarity: { answers: 1, faces: [0, 0, 0, 0, 1], mean: 5 },
    },
    askedToPayMore: { answered: 3, yes: 1, share: 1 / 3 },
  },
};

/** Per service: family book entry got the transfer; residence certificates sent it. */
export const BY_SERVICE = {
  [FBE]: {
    issued: 4,
    transferredIn: 1,
    served: 3,
    noShow: 1,
    cancelled: 1,
    transferred: 0,
    expired: 0,
    wait: duration([7, 10, 15, 8]),
    service: duration([7, 3, 10]),
    withinTarget: { called: 4, within: 3, share: 3 / 4 },
  },
  [RC]: {
    issued: 2,
    transferredIn: 0,
    served: 0,
    noShow: 0,
    cancelled: 0,
    transferred: 1,
    expired: 1,
    wait: duration([7]),
    service: duration([]),
    withinTarget: { called: 1, within: 0, share: 0 },
  },
};

/**
 * The estimate's accuracy from what each ticket was told at issue: |told − waited|
 * for every called ticket that was told something (a transfer is not told at issue).
 */
export function estimateFigures(estimates: Map<string, number | null>, names: string[]) {
  const errors = names.flatMap((name) => {
    const told = estimates.get(name);
    const waited = WAITS[name];
    return told === null || told === undefined || waited === undefined
      ? []
      : [Math.abs(told - waited * MIN)];
  });
  return {
    count: errors.length,
    medianAbsErrorMs: rank(errors, 0.5),
    within5MinShare:
      errors.length === 0 ? null : errors.filter((e) => e <= 5 * MIN).length / errors.length,
  };
}
