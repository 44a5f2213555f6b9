/**
 * The service day never runs backwards. A clock set back (or a time zone
 * moved west) used to roll the day back: every waiting ticket expired and
 * numbering restarted at F001 while an F001 was being served. The hub keeps
 * the day it serves, says so in the log, and rolls only when the clock has
 * passed that day's midnight — on a running hub and across a restart.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { manualClock } from '../../hub/src/clock.js';
import {
  connect,
  issue,
  ok,
  openCounter,
  send,
  startHub,
  tempDir,
  type TestHub,
} from '../harness.js';

const F = 'family-book-entry';
const DAY = '2025-03-15';
/** 09:00 on 15 March 2025 in Asia/Vientiane, the demo centre's zone. */
const MORNING = Date.parse('2025-03-15T09:00:00+07:00');
const DAY_MS = 24 * 60 * 60_000;

const statuses = (t: TestHub) =>
  t.db.prepare('SELECT label, status, day FROM tickets ORDER BY id').all() as {
    label: string;
    status: string;
    day: string;
  }[];

/** A pino logger whose error lines the test can read. */
function recordingLog() {
  const errors: string[] = [];
  const log = pino(
    { level: 'error' },
    { write: (line: string) => void errors.push(JSON.parse(line).msg as string) },
  );
  return { log, errors };
}

describe('the service day never runs backwards', () => {
  let t: TestHub | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await t?.close();
    t = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function busyMorning(hub: TestHub) {
    const { client: kiosk } = await connect(hub, { role: 'kiosk' });
    const f1 = await issue(kiosk, F);
    const f2 = await issue(kiosk, F);
    const { client: desk } = await openCounter(hub, 2, 'clerk2');
    expect(ok(await send(desk, 'counter:call-next', { counterId: 2 }))?.label).toBe('F001');
    return { kiosk, f1, f2 };
  }

  it('on a running hub: a clock set back across midnight keeps the day and its numbering', async () => {
    const clock = manualClock(MORNING);
    const { log, errors } = recordingLog();
    t = await startHub({ clock, log });
    const { kiosk } = await busyMorning(t);

    clock.set(Date.parse('2025-03-14T23:59:50+07:00')); // back across midnight
    t.hub.rolloverIfDue();
    clock.set(Date.parse('2025-03-14T22:00:00+07:00'));
    t.hub.rolloverIfDue();
    expect(statuses(t).map((r) => r.status)).toEqual(['called', 'waiting']);
    expect(await issue(kiosk, F)).toMatchObject({ day: DAY, label: 'F003' });
    expect(errors.filter((m) => m.includes('earlier service day'))).toHaveLength(1);

    clock.set(Date.parse('2025-03-15T23:00:00+07:00')); // forward again, same day
    t.hub.rolloverIfDue();
    expect(await issue(kiosk, F)).toMatchObject({ day: DAY, label: 'F004' });

    clock.set(Date.parse('2025-03-16T00:00:30+07:00')); // the real next midnight
    t.hub.rolloverIfDue();
    expect(statuses(t).filter((r) => r.status === 'expired')).toHaveLength(4);
    expect(await issue(kiosk, F)).toMatchObject({ day: '2025-03-16', label: 'F001' });
  });

  it('across a restart with the clock a day back: nothing expires and no label is reused', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    t = await startHub({ clock: manualClock(MORNING), dataDir });
    await busyMorning(t);
    await t.close();

    const { log, errors } = recordingLog();
    const back = manualClock(MORNING - DAY_MS);
    t = await startHub({ clock: back, dataDir, seed: false, log });
    expect(statuses(t)).toEqual([
      { label: 'F001', status: 'called', day: DAY },
      { label: 'F002', status: 'waiting', day: DAY },
    ]);
    const { client: kiosk, snapshot } = await connect(t, { role: 'kiosk' });
    expect(snapshot.day).toBe(DAY);
    expect(await issue(kiosk, F)).toMatchObject({ day: DAY, label: 'F003' });
    expect(errors.some((m) => m.includes('earlier service day'))).toBe(true);

    back.set(Date.parse('2025-03-16T07:30:00+07:00'));
    t.hub.rolloverIfDue();
    expect(statuses(t).every((r) => r.status === 'expired')).toBe(true);
    expect(await issue(kiosk, F)).toMatchObject({ day: '2025-03-16', label: 'F001' });
  });
});
