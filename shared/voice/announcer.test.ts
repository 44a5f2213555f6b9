import { describe, expect, it } from 'vitest';
import { createAnnouncer, MISSED_CALLS_ANNOUNCED_MAX, type AudioOutput } from './announcer.js';
import { planAnnouncement } from './announcement-plan.js';
import type { CallView, Lang } from '../protocol.js';

interface FakeClip {
  name: string;
  durationS: number;
}
interface Played {
  name: string;
  atS: number;
  endS: number;
}

/**
 * An audio output on a fake clock: time moves only when the queue waits, and
 * loading a clip takes a few (fake) milliseconds, so a new call can arrive
 * while an announcement is still loading or playing.
 */
function fakeOutput(opts: { missing?: Lang[]; speech?: boolean; blocked?: boolean } = {}) {
  let nowS = 0;
  const played: Played[] = [];
  const spoken: { text: string; lang: Lang; atS: number }[] = [];
  const loaded: string[] = [];
  const tick = () => new Promise<void>((r) => setTimeout(r, 1));
  const output: AudioOutput<FakeClip> = {
    canPlay: () => !opts.blocked,
    now: () => nowS,
    async chime() {
      loaded.push('chime');
      await tick();
      return { name: 'chime', durationS: 1.2 };
    },
    async clip(lang, id) {
      loaded.push(`${lang}/${id}`);
      await tick();
      if (opts.missing?.includes(lang)) return null;
      return { name: `${lang}/${id}`, durationS: 0.3 + (id.length % 4) * 0.05 };
    },
    durationS: (c) => c.durationS,
    play: (c, atS) => void played.push({ name: c.name, atS, endS: atS + c.durationS }),
    async waitUntil(atS) {
      await tick();
      nowS = Math.max(nowS, atS);
    },
    speak: opts.speech
      ? async (text, lang) => {
          spoken.push({ text, lang, atS: nowS });
          await tick();
          nowS += 2;
        }
      : null,
  };
  return { output, played, spoken, loaded, now: () => nowS };
}

let nextTicket = 1;
function call(
  label: string,
  counterNumber: number,
  recalls = 0,
  ticketId = nextTicket++,
): CallView {
  return {
    ticketId,
    label,
    serviceId: 's',
    counterId: counterNumber,
    counterNumber,
    at: 0,
    recalls,
  };
}

const expectedClips = (c: CallView, langs: Lang[]) => [
  'chime',
  ...langs.flatMap((lang) =>
    planAnnouncement(c.label, c.counterNumber, lang).map((id) => `${lang}/${id}`),
  ),
];

describe('the announcement queue', () => {
  it('plays chime, Lao, English back to back with no gap inside a language', async () => {
    const fake = fakeOutput();
    const announcer = createAnnouncer(fake.output);
    announcer.consider([]);
    const a = call('A023', 3);
    expect(announcer.consider([a])).toEqual([a]);
    await announcer.idle();

    expect(fake.played.map((p) => p.name)).toEqual(expectedClips(a, ['lo', 'en']));
    expect(fake.loaded).toEqual(expectedClips(a, ['lo', 'en'])); // fetched in the order heard
    const lao = fake.played.filter((p) => p.name.startsWith('lo/'));
    for (let i = 1; i < lao.length; i++) {
      expect(lao[i]?.atS).toBeCloseTo(lao[i - 1]?.endS ?? NaN, 9);
    }
  });

  it('never overlaps two announcements, even when calls arrive mid-announcement', async () => {
    const fake = fakeOutput();
    const announcer = createAnnouncer(fake.output);
    announcer.consider([]);
    const first = call('A001', 1);
    const second = call('FB002', 12);
    const third = call('ID003', 35);
    announcer.consider([first]);
    await new Promise((r) => setTimeout(r, 3)); // the first is loading
    announcer.consider([second, first]);
    announcer.consider([third, second, first]);
    await announcer.idle();

    expect(fake.played.map((p) => p.name)).toEqual([
      ...expectedClips(first, ['lo', 'en']),
      ...expectedClips(second, ['lo', 'en']),
      ...expectedClips(third, ['lo', 'en']),
    ]);
    const sorted = [...fake.played].sort((x, y) => x.atS - y.atS);
    for (let i = 1; i < sorted.length; i++) {
      expect(sorted[i]?.atS ?? 0).toBeGreaterThanOrEqual((sorted[i - 1]?.endS ?? 0) - 1e-9);
    }
  });

  it('announces each call once, and a recall once more', async () => {
    const fake = fakeOutput();
    const announcer = createAnnouncer(fake.output);
    announcer.consider([]);
    const a = call('B010', 4);
    announcer.consider([a]);
    announcer.consider([a]); // the same call again, e.g. in a snapshot after a reconnect
    const recalled = { ...a, recalls: 1 };
    expect(announcer.consider([recalled])).toEqual([recalled]);
    expect(announcer.consider([recalled, a])).toEqual([]);
    await announcer.idle();
    expect(fake.played.filter((p) => p.name === 'chime')).toHaveLength(2);
  });

  it('announces a ticket called again after it was parked and put back in the queue', async () => {
    const fake = fakeOutput();
    const announcer = createAnnouncer(fake.output);
    announcer.consider([]);
    const first = call('F003', 2);
    announcer.consider([first]);
    // Resumed, then called at another counter: recalls starts from 0 again.
    const again = { ...first, counterId: 5, counterNumber: 5, at: first.at + 90_000 };
    expect(announcer.consider([again])).toEqual([again]);
    expect(announcer.consider([again])).toEqual([]);
    await announcer.idle();
    expect(fake.played.filter((p) => p.name === 'chime')).toHaveLength(2);
  });

  it('does not read out the calls a display finds when it starts', async () => {
    const fake = fakeOutput();
    const announcer = createAnnouncer(fake.output);
    expect(announcer.consider([call('A002', 2), call('A001', 1)])).toEqual([]);
    await announcer.idle();
    expect(fake.played).toEqual([]);
  });

  it(`after an outage announces the missed calls oldest first, at most ${MISSED_CALLS_ANNOUNCED_MAX}`, async () => {
    const fake = fakeOutput();
    const announcer = createAnnouncer(fake.output);
    const old = call('A001', 1);
    announcer.consider([old]);
    const missed = [1, 2, 3, 4, 5].map((n) => call(`A10${n}`, n)).reverse(); // newest first
    const chosen = announcer.consider([...missed, old]);
    expect(chosen.map((c) => c.label)).toEqual(['A103', 'A104', 'A105']);
    // The older missed ones are shown on screen but never announced later either.
    expect(announcer.consider([...missed, old])).toEqual([]);
    await announcer.idle();
    expect(fake.played.filter((p) => p.name === 'chime')).toHaveLength(3);
  });

  it('plays only the chime when no pack has the clips', async () => {
    const fake = fakeOutput({ missing: ['lo', 'en'] });
    const announcer = createAnnouncer(fake.output);
    announcer.consider([]);
    announcer.consider([call('C005', 2)]);
    await announcer.idle();
    expect(fake.played.map((p) => p.name)).toEqual(['chime']);
  });

  it('lets the browser speak English when the English pack is missing, after the Lao clips', async () => {
    const fake = fakeOutput({ missing: ['en'], speech: true });
    const announcer = createAnnouncer(fake.output);
    announcer.consider([]);
    const c = call('C005', 2);
    announcer.consider([c]);
    await announcer.idle();
    expect(fake.played.map((p) => p.name)).toEqual(expectedClips(c, ['lo']));
    expect(fake.spoken).toEqual([
      {
        text: 'Ticket number C zero zero five please go to counter two',
        lang: 'en',
        atS: expect.any(Number) as number,
      },
    ]);
    const lastLao = fake.played.at(-1);
    expect(fake.spoken[0]?.atS ?? 0).toBeGreaterThanOrEqual(lastLao?.endS ?? Infinity);
  });

  it('never hands Lao to the speech synthesiser', async () => {
    const fake = fakeOutput({ missing: ['lo'], speech: true });
    const announcer = createAnnouncer(fake.output);
    announcer.consider([]);
    const c = call('D001', 1);
    announcer.consider([c]);
    await announcer.idle();
    expect(fake.spoken).toEqual([]);
    expect(fake.played.map((p) => p.name)).toEqual(expectedClips(c, ['en']));
  });

  it('stays silent while sound is blocked, and does not save the call for later', async () => {
    const fake = fakeOutput({ blocked: true });
    const announcer = createAnnouncer(fake.output);
    announcer.consider([]);
    const c = call('E001', 1);
    expect(announcer.consider([c])).toEqual([c]);
    await announcer.idle();
    expect(fake.played).toEqual([]);
    expect(announcer.consider([c])).toEqual([]);
  });
});
