import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  asbFor,
  canPrint,
  flagsFromAsb,
  flagsFromReplies,
  isAsbHeader,
  isStatusReply,
  isTransmitReply,
  transmitReplyFor,
  READY_FLAGS,
  replyFor,
  statusOf,
  STATUS_QUERIES,
  type PrinterFlags,
} from './status.js';

const flags = fc.record({
  offline: fc.boolean(),
  coverOpen: fc.boolean(),
  paperOut: fc.boolean(),
  paperNearEnd: fc.boolean(),
  error: fc.boolean(),
}) satisfies fc.Arbitrary<PrinterFlags>;

const viaDleEot = (f: PrinterFlags) =>
  statusOf(flagsFromReplies(new Map(STATUS_QUERIES.map((n) => [n, replyFor(n, f)]))));

describe('printer status', () => {
  it('reads the DLE EOT bytes Epson documents', () => {
    // Bytes as Epson's reference lays them out: cover open is n=2 bit 2, paper end n=4 bits 5-6.
    expect(viaDleEot({ ...READY_FLAGS })).toBe('ok');
    const replies = new Map([
      [1, 0x1e],
      [2, 0x16],
      [3, 0x12],
      [4, 0x12],
    ] as const);
    expect(statusOf(flagsFromReplies(replies))).toBe('cover-open');
    expect(
      statusOf(
        flagsFromReplies(
          new Map([
            [1, 0x1e],
            [2, 0x32],
            [3, 0x12],
            [4, 0x7e],
          ] as const),
        ),
      ),
    ).toBe('paper-out');
    expect(
      statusOf(
        flagsFromReplies(
          new Map([
            [1, 0x12],
            [2, 0x12],
            [3, 0x12],
            [4, 0x1e],
          ] as const),
        ),
      ),
    ).toBe('paper-near-end');
  });

  it('puts what staff must do first first: cover, then paper, then offline, then near end', () => {
    expect(statusOf({ ...READY_FLAGS, coverOpen: true, paperOut: true })).toBe('cover-open');
    expect(statusOf({ ...READY_FLAGS, paperOut: true, offline: true })).toBe('paper-out');
    expect(statusOf({ ...READY_FLAGS, error: true, paperNearEnd: true })).toBe('offline');
    expect(canPrint('paper-near-end')).toBe(true);
    expect(canPrint('paper-out')).toBe(false);
  });

  it('gives the same status through DLE EOT and through ASB, for every state', () => {
    fc.assert(
      fc.property(flags, (f) => {
        expect(statusOf(flagsFromAsb(asbFor(f)))).toBe(viaDleEot(f));
      }),
    );
  });

  it('tells status replies and ASB headers apart from each other and from ASB body bytes', () => {
    fc.assert(
      fc.property(flags, (f) => {
        for (const n of STATUS_QUERIES) {
          expect(isStatusReply(replyFor(n, f))).toBe(true);
          expect(isAsbHeader(replyFor(n, f))).toBe(false);
        }
        const [head = 0, ...body] = asbFor(f);
        expect(isAsbHeader(head)).toBe(true);
        expect(isStatusReply(head)).toBe(false);
        for (const b of body) expect(isStatusReply(b) || isAsbHeader(b)).toBe(false);
      }),
    );
  });

  it('tells a GS r answer from DLE EOT answers and ASB headers', () => {
    fc.assert(
      fc.property(flags, (f) => {
        const reply = transmitReplyFor(f);
        expect(isTransmitReply(reply)).toBe(true);
        expect(isStatusReply(reply) || isAsbHeader(reply)).toBe(false);
        for (const n of STATUS_QUERIES) expect(isTransmitReply(replyFor(n, f))).toBe(false);
        expect(isTransmitReply(asbFor(f)[0] ?? 0)).toBe(false);
      }),
    );
  });
});
