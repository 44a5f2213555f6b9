import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EscPosDecoder, type DecodedTicket } from './escpos-decoder.js';
import { EscPosWriter } from '../../hub/src/print/escpos.js';
import { encodeTicket, type TicketPrint } from '../../hub/src/print/ticket-layout.js';

const SAMPLE: TicketPrint = {
  paperDots: 576,
  lang: 'lo',
  centre: { lo: 'ສູນບໍລິການປະຕູດຽວ', en: 'One-Door Service Centre' },
  label: 'ID007',
  service: { lo: 'ບັດປະຈຳຕົວ', en: 'ID card' },
  feeLak: 50_000,
  feeIsSample: false,
  peopleAhead: 2,
  estimatedWaitMs: 600_000,
  issuedAt: Date.UTC(2026, 10, 27, 2, 30),
  timeZone: 'Asia/Vientiane',
  url: 'http://127.0.0.1:8470/t/abcdefghij',
};

function decoder(ready = () => true) {
  const tickets: DecodedTicket[] = [];
  const statusAsked: number[] = [];
  /** What was answered, in order: `eot n` at once, `r n` in its turn, with the cuts so far. */
  const answered: string[] = [];
  const d = new EscPosDecoder(576, {
    status: (n) => {
      statusAsked.push(n);
      answered.push(`eot ${n} after ${tickets.length} cuts`);
    },
    autoStatus: () => {},
    transmitStatus: (n) => answered.push(`r ${n} after ${tickets.length} cuts`),
    ready,
    ticket: (t) => tickets.push(t),
  });
  return { d, tickets, statusAsked, answered };
}

describe('EscPosDecoder', () => {
  const bytes = encodeTicket(SAMPLE);
  const whole = decoder();
  whole.d.push(bytes);

  it('decodes a whole ticket: one cut, the number in big text, no unknown command', () => {
    expect(whole.tickets).toHaveLength(1);
    const items = whole.tickets[0]?.items ?? [];
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'text', text: 'ID007', width: 5, height: 5 }),
    );
    expect(items).toContainEqual({ kind: 'qr', data: SAMPLE.url, moduleDots: 6, level: 'M' });
    expect(items.at(-1)).toEqual({ kind: 'cut', partial: true });
    expect(whole.d.unknown).toEqual([]);
    expect(whole.tickets[0]?.bytes.equals(Buffer.from(bytes))).toBe(true);
  });

  it('prints an official fee as official, with the decree that sets it; a sample one as a fee', () => {
    const texts = (p: TicketPrint) => {
      const one = decoder();
      one.d.push(encodeTicket(p));
      return (one.tickets[0]?.items ?? []).flatMap((i) => (i.kind === 'text' ? [i.text] : []));
    };
    const feeRef = { lo: 'ດຳລັດ 003', en: 'Decree No. 003/PM', date: '2024-01-01' };
    expect(texts({ ...SAMPLE, lang: 'en', feeRef })).toEqual(
      expect.arrayContaining(['Official fee: 50,000 kip', 'Set by Decree No. 003/PM, 01/01/2024']),
    );
    const sample = texts({ ...SAMPLE, lang: 'en', feeIsSample: true, feeRef: null });
    expect(sample).toContain('Fee: 50,000 kip');
    expect(sample.join('\n')).not.toMatch(/Official|Set by/);
  });

  it('decodes the same ticket however the stream is split across reads', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }),
        (cuts) => {
          const split = decoder();
          const points = [0, ...new Set(cuts)].sort((a, b) => a - b);
          points.forEach((from, i) =>
            split.d.push(bytes.subarray(from, points[i + 1] ?? bytes.length)),
          );
          expect(split.tickets).toHaveLength(1);
          expect(split.tickets[0]?.items).toEqual(whole.tickets[0]?.items);
          expect(split.tickets[0]?.png.equals(whole.tickets[0]?.png ?? Buffer.alloc(0))).toBe(true);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('answers a status query even in the middle of a job, and one split byte by byte', () => {
    const { d, statusAsked } = decoder();
    const job = new EscPosWriter().init().line('AB').bytes();
    d.push(job.subarray(0, 3));
    for (const b of [0x10, 0x04, 0x02]) d.push(Uint8Array.of(b));
    d.push(job.subarray(3));
    expect(statusAsked).toEqual([2]);
    expect(d.unknown).toEqual([]);
  });

  it('loses print data while the printer cannot print, as a printer with no paper does', () => {
    let ready = false;
    const { d, tickets, statusAsked } = decoder(() => ready);
    d.push(bytes);
    d.push(Uint8Array.of(0x10, 0x04, 0x04));
    expect(tickets).toHaveLength(0);
    expect(d.discarded).toBe(bytes.length);
    expect(statusAsked).toEqual([4]);
    ready = true;
    d.push(bytes);
    expect(tickets).toHaveLength(1);
  });

  it('records a command it does not know instead of drawing nothing', () => {
    const { d } = decoder();
    d.push(Uint8Array.of(0x1b, 0x74, 0x10)); // ESC t: a code page we never use
    expect(d.unknown).toEqual(['1b7410']);
  });

  it('answers GS r only in its turn, once the job before it is done', () => {
    const { d, answered } = decoder();
    const job = Buffer.from(bytes);
    const half = Math.floor(job.length / 2);
    d.push(Uint8Array.of(0x10, 0x04, 0x01));
    d.push(job.subarray(0, half));
    expect(answered).toEqual(['eot 1 after 0 cuts']);
    d.push(Buffer.concat([job.subarray(half), Buffer.of(0x1d, 0x72, 0x01)]));
    expect(answered).toEqual(['eot 1 after 0 cuts', 'r 1 after 1 cuts']);
  });

  it('does not answer GS r while it cannot print: the job is not done', () => {
    const { d, answered } = decoder(() => false);
    d.push(bytes);
    d.push(Uint8Array.of(0x1d, 0x72, 0x01));
    expect(answered).toEqual([]);
  });
});
