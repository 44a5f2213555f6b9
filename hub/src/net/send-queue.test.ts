import { describe, expect, it } from 'vitest';
import { createSendQueue, SEND_PACE_MS } from './send-queue.js';

const turn = () => new Promise((resolve) => setImmediate(resolve));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('send queue', () => {
  it('sends after the turn, in order', async () => {
    const sends = createSendQueue();
    const sent: string[] = [];
    for (const s of ['a', 'b', 'c']) sends.enqueue(() => sent.push(s));
    expect(sent).toEqual([]);
    await turn();
    expect(sent).toEqual(['a', 'b', 'c']);
  });

  it('spreads paced sends out, the first at once', async () => {
    const sends = createSendQueue();
    const at: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < 4; i++)
      sends.enqueue(() => at.push(performance.now() - t0), { paced: true });
    await turn();
    expect(at).toHaveLength(1);
    await wait(6 * SEND_PACE_MS);
    expect(at).toHaveLength(4);
    for (let i = 1; i < at.length; i++) {
      expect((at[i] ?? 0) - (at[i - 1] ?? 0)).toBeGreaterThanOrEqual(SEND_PACE_MS - 1);
    }
  });

  it('a send not paced takes the paced ones ahead of it along, in order, at once', async () => {
    const sends = createSendQueue();
    const sent: string[] = [];
    for (const s of ['p1', 'p2', 'p3']) sends.enqueue(() => sent.push(s), { paced: true });
    await turn();
    expect(sent).toEqual(['p1']);
    sends.enqueue(() => sent.push('call'));
    sends.enqueue(() => sent.push('p4'), { paced: true });
    await turn();
    expect(sent).toEqual(['p1', 'p2', 'p3', 'call']);
    await wait(3 * SEND_PACE_MS);
    expect(sent).toEqual(['p1', 'p2', 'p3', 'call', 'p4']);
  });

  it('drops what is conflatable and keeps the rest in order', async () => {
    const sends = createSendQueue();
    const sent: string[] = [];
    sends.enqueue(() => sent.push('e1'), { conflatable: true, paced: true });
    sends.enqueue(() => sent.push('staff'));
    sends.enqueue(() => sent.push('e2'), { conflatable: true });
    expect(sends.conflatable()).toBe(2);
    sends.dropConflatable();
    sends.enqueue(() => sent.push('snapshot'), { conflatable: true });
    await turn();
    expect(sent).toEqual(['staff', 'snapshot']);
  });
});
