import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/protocol.js';
import { shownOnThisDisplay } from '../../display/src/hall/shown.js';

const call = (ticketId: number, serviceId: string) => ({
  ticketId,
  label: `A00${ticketId}`,
  serviceId,
  counterId: 1,
  counterNumber: 1,
  at: ticketId,
  recalls: 0,
});
const counter = (id: number, services: string[]) =>
  ({ id, number: id, services }) as unknown as Snapshot['counters'][number];
const service = (id: string) => ({ id }) as unknown as Snapshot['services'][number];

function snapshot(displays: Snapshot['centre']['displays'], deviceId?: number): Snapshot {
  return {
    seq: 1,
    day: '2026-12-02',
    ...(deviceId === undefined ? {} : { deviceId }),
    centre: {
      name: { lo: 'ສູນ', en: 'Centre' },
      timeZone: 'Asia/Vientiane',
      holidays: [],
      publicUrl: 'http://hub',
      notices: [],
      logo: null,
      displays,
      voiceClips: [],
      priorityEvery: 2,
    },
    services: [service('land'), service('id-card'), service('tax')],
    counters: [counter(1, ['land']), counter(2, ['id-card', 'tax']), counter(3, ['tax'])],
    recentCalls: [call(1, 'land'), call(2, 'tax'), call(3, 'id-card')],
  };
}

describe("a hall display's services", () => {
  it('shows only the chosen services, their calls and the counters serving them', () => {
    const shown = shownOnThisDisplay(
      snapshot([{ deviceId: 7, serviceIds: ['id-card', 'land'] }], 7),
    );
    expect(shown.services.map((s) => s.id)).toEqual(['land', 'id-card']);
    expect(shown.recentCalls.map((c) => c.ticketId)).toEqual([1, 3]);
    expect(shown.counters.map((c) => c.id)).toEqual([1, 2]);
  });

  it('shows everything when nothing was chosen for it, or it is another display', () => {
    const all = snapshot([{ deviceId: 8, serviceIds: ['land'] }], 7);
    expect(shownOnThisDisplay(all)).toBe(all);
    const unpaired = snapshot([{ deviceId: 8, serviceIds: ['land'] }]);
    expect(shownOnThisDisplay(unpaired)).toBe(unpaired);
  });
});
