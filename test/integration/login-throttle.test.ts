import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { connect, send, startHub, tempDir, type Client, type TestHub } from '../harness.js';
import { addDevice } from '../../hub/src/devices/devices.js';
import { manualClock, systemClock, type Clock } from '../../hub/src/clock.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import { strictAssert } from '../../shared/assert.js';

// Issue "Nobody can lock the staff out": wrong PINs slow the guesser down, counted per name
// and desk, per desk and per name; they never lock an account, so a clerk with the right PIN
// at their own desk always gets in, and an unknown name is answered as a known one.

const START = Date.UTC(2025, 4, 14, 2, 0); // 09:00 in Vientiane, a Wednesday

let t: TestHub | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A paired counter desk: its tries count against the device, not the shared loopback address. */
async function desk(hub: TestHub, clock: Clock, name: string): Promise<Client> {
  const { token } = addDevice(hub.db, clock, 'counter', name);
  return (await connect(hub, { token })).client;
}

/** The i-th of `xs`, round and round. */
function nth<T>(xs: readonly T[], i: number): T {
  const x = xs[i % xs.length];
  strictAssert(x !== undefined, 'an empty list');
  return x;
}

const login = (client: Client, username: string, pin: string) =>
  send(client, 'staff:login', { username, pin });

/** What a login answered: 'ok', the refusal's reason, and for a slow-down its seconds. */
async function answer(client: Client, username: string, pin: string): Promise<string> {
  const ack = await login(client, username, pin);
  if (ack.ok) return 'ok';
  const { reason, params } = ack.error;
  return reason === 'slow-down'
    ? `slow-down ${String(params?.seconds)}`
    : (reason ?? ack.error.code);
}

describe('wrong PINs (manual clock)', () => {
  it('grow the wait at one desk, even for the right PIN, and never lock the account', async () => {
    const clock = manualClock(START);
    t = await startHub({ clock });
    const guesser = await desk(t, clock, 'Desk 1');
    const own = await desk(t, clock, 'Desk 2');

    const first = [];
    for (let i = 0; i < 3; i += 1) first.push(await answer(guesser, 'clerk1', '0000'));
    expect(first).toEqual(['bad-credentials', 'bad-credentials', 'bad-credentials']);
    expect(await answer(guesser, 'clerk1', '1234')).toBe('slow-down 1');

    clock.advance(1000);
    expect(await answer(guesser, 'clerk1', '0000')).toBe('bad-credentials');
    expect(await answer(guesser, 'clerk1', '0000')).toBe('slow-down 2');
    clock.advance(2000);
    expect(await answer(guesser, 'clerk1', '0000')).toBe('bad-credentials');
    expect(await answer(guesser, 'clerk1', '0000')).toBe('slow-down 4');

    // The clerk at their own desk is not held back at all.
    expect(await answer(own, 'clerk1', '1234')).toBe('ok');

    // The wait passes, and the right PIN is taken at the guessing desk too.
    clock.advance(4000);
    expect(await answer(guesser, 'clerk1', '1234')).toBe('ok');
  });

  it('answers an unknown name exactly as a known one', async () => {
    const clock = manualClock(START);
    t = await startHub({ clock });
    const a = await desk(t, clock, 'Desk 1');
    const b = await desk(t, clock, 'Desk 2');
    const tries = async (client: Client, username: string) => {
      const seen = [];
      for (let i = 0; i < 5; i += 1) seen.push(await answer(client, username, '0000'));
      clock.advance(1000);
      seen.push(await answer(client, username, '0000'), await answer(client, username, '0000'));
      return seen;
    };
    const known = await tries(a, 'clerk1');
    const unknown = await tries(b, 'nobody-here');
    expect(known).toEqual([
      'bad-credentials',
      'bad-credentials',
      'bad-credentials',
      'slow-down 1',
      'slow-down 1',
      'bad-credentials',
      'slow-down 2',
    ]);
    expect(unknown).toEqual(known);
  });

  it('takes as long to refuse an unknown name as a known one', async () => {
    const clock = manualClock(START);
    t = await startHub({ clock });
    const a = await desk(t, clock, 'Desk 1');
    const b = await desk(t, clock, 'Desk 2');
    const timed = async (client: Client, username: string) => {
      const start = performance.now();
      expect(await answer(client, username, '0000')).toBe('bad-credentials');
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      known.push(await timed(a, 'clerk1'));
      unknown.push(await timed(b, `nobody-${i}`));
    }
    const median = (ms: number[]) => [...ms].sort((x, y) => x - y)[1] ?? NaN;
    // Both pay one scrypt check (tens of ms); a shortcut for unknown names took 1 ms.
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
  });

  it('slows a desk that sprays names, and no one else', async () => {
    const clock = manualClock(START);
    t = await startHub({ clock });
    const sprayer = await desk(t, clock, 'Desk 1');
    const other = await desk(t, clock, 'Desk 2');
    const names = DEMO_CENTRE.staff.map((s) => s.username);
    expect(names.length).toBeGreaterThanOrEqual(9);

    const seen = [];
    for (let i = 0; i < 10; i += 1) seen.push(await answer(sprayer, nth(names, i), '0000'));
    expect(seen).toEqual(seen.map(() => 'bad-credentials'));
    // Ten wrong PINs from one desk, at most two per name: the desk waits, at any name.
    expect(await answer(sprayer, 'supervisor', '5555')).toBe('slow-down 1');

    for (const name of names) {
      const pin = DEMO_CENTRE.staff.find((s) => s.username === name)?.pin ?? '';
      expect(await answer(other, name, pin)).toBe('ok');
    }
  });

  it('makes every desk that guessed one name wait, but not the clerk’s own', async () => {
    const clock = manualClock(START);
    t = await startHub({ clock });
    const guessers = [];
    for (let i = 0; i < 10; i += 1) guessers.push(await desk(t, clock, `Guesser ${i + 1}`));
    for (const g of guessers) expect(await answer(g, 'manager', '000000')).toBe('bad-credentials');
    // One wrong PIN each, so no desk has met its own limit; together they met the name's.
    for (const g of guessers) expect(await answer(g, 'manager', '9999')).toBe('slow-down 1');
    const own = await desk(t, clock, 'Manager’s laptop');
    expect(await answer(own, 'manager', '9999')).toBe('ok');
  });

  it('forgets every wait when the hub restarts', async () => {
    const clock = manualClock(START);
    const dataDir = tempDir();
    t = await startHub({ clock, dataDir });
    const { token } = addDevice(t.db, clock, 'counter', 'Desk 1');
    const before = (await connect(t, { token })).client;
    for (let i = 0; i < 8; i += 1) await answer(before, 'clerk1', '0000');
    expect(await answer(before, 'clerk1', '1234')).toMatch(/^slow-down/);
    await t.close();

    try {
      t = await startHub({ clock, dataDir, seed: false });
      const after = (await connect(t, { token })).client;
      expect(await answer(after, 'clerk1', '1234')).toBe('ok');
    } finally {
      await t.close();
      t = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('an attacker at 100 guesses a second (real clock)', () => {
  it('cannot keep a clerk with the right PIN out for 2 s, and gets only a few PINs checked', async () => {
    t = await startHub();
    const attackers: Client[] = [];
    for (let i = 0; i < 4; i += 1) attackers.push(await desk(t, systemClock, `Attacker ${i + 1}`));
    const names = DEMO_CENTRE.staff.map((s) => s.username);
    const checked = new Map<string, number>();
    const answers: Promise<void>[] = [];

    // 4 desks × 25 guesses/s for 3 s, spread over every account, the manager's included.
    const sent = 300;
    let n = 0;
    const timer = setInterval(() => {
      const attacker = nth(attackers, n);
      const username = nth(names, n);
      n += 1;
      answers.push(
        answer(attacker, username, String(100000 + n)).then((a) => {
          checked.set(a, (checked.get(a) ?? 0) + 1);
        }),
      );
      if (n === sent) clearInterval(timer);
    }, 10);

    // Part way through the attack, each of three people logs in at their own desk.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const people = ['clerk1', 'supervisor', 'manager'];
    const own = await Promise.all(people.map((p) => desk(t!, systemClock, `${p}'s desk`)));
    const took = await Promise.all(
      people.map(async (username, i) => {
        const pin = DEMO_CENTRE.staff.find((s) => s.username === username)?.pin ?? '';
        const start = performance.now();
        expect(await answer(nth(own, i), username, pin)).toBe('ok');
        return performance.now() - start;
      }),
    );
    while (n < sent) await new Promise((resolve) => setTimeout(resolve, 20));
    await Promise.all(answers);

    console.info(
      `login under attack: ${took.map((ms) => ms.toFixed(0)).join(', ')} ms; attacker answers`,
      Object.fromEntries(checked),
    );
    expect(Math.max(...took)).toBeLessThan(2000);
    // Each attacker desk gets its first ten PINs checked, then waits 1 s, then 2 s: no more
    // than 12 each in 3 s, out of 75 sent. Every other guess was answered without a check.
    expect(checked.get('bad-credentials')).toBeLessThanOrEqual(4 * 12);
    expect(checked.get('ok')).toBeUndefined();
    expect([...checked.values()].reduce((a, b) => a + b, 0)).toBe(sent);
  }, 20_000);
});
