import { describe, expect, it } from 'vitest';
import { createPrinterLink, type ByteChannel } from './printer-link.js';
import { READY_FLAGS, replyFor, type PrinterFlags, type StatusQuery } from './status.js';

/** A printer on a byte channel that answers DLE EOT n after `delayMs(queryIndex)`. */
function fakePrinter(flags: PrinterFlags, delayMs: (index: number) => number) {
  const listeners: ((chunk: Uint8Array) => void)[] = [];
  let asked = 0;
  const channel: ByteChannel = {
    write(data) {
      if (data[0] === 0x10 && data[1] === 0x04) {
        const n = data[2] as StatusQuery;
        const reply = Uint8Array.of(replyFor(n, flags));
        setTimeout(() => listeners.forEach((l) => l(reply)), delayMs(asked++));
      }
      return Promise.resolve();
    },
    onData: (listener) => listeners.push(listener),
    onClose: () => {},
    close: () => Promise.resolve(),
  };
  return channel;
}

const PAPER_OUT: PrinterFlags = { ...READY_FLAGS, paperOut: true };

describe('printer link', () => {
  it('reads the status from the four DLE EOT answers', async () => {
    const link = createPrinterLink(fakePrinter(PAPER_OUT, () => 1));
    expect(await link.status()).toBe('paper-out');
  });

  it('calls a printer that does not answer in time offline', async () => {
    const link = createPrinterLink(
      fakePrinter(READY_FLAGS, () => 10_000),
      { timeoutMs: 30 },
    );
    expect(await link.status()).toBe('offline');
  });

  it('does not take a late answer for the answer to the next question', async () => {
    // The first answer comes after the query timed out; had the next reading taken it,
    // every answer after it would belong to the question before (paper-out reads as offline).
    // Asked at 0 ms, answered at 45; the next question goes at 30 and is answered at 50.
    const link = createPrinterLink(
      fakePrinter(PAPER_OUT, (i) => (i === 0 ? 45 : 20)),
      { timeoutMs: 30, settleMs: 100 },
    );
    expect(await link.status()).toBe('offline');
    expect(await link.status()).toBe('paper-out');
    expect(await link.status()).toBe('paper-out');
  });
});
