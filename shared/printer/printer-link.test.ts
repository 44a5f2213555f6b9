import { describe, expect, it, vi } from 'vitest';
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
const SETTLE_MS = 100;

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
    vi.useFakeTimers();
    try {
      // Asked at 0 ms and answered at 45, after the 30 ms timeout; had the next reading
      // taken that answer, every answer after it would belong to the question before, and
      // paper-out would read as offline.
      const link = createPrinterLink(
        fakePrinter(PAPER_OUT, (i) => (i === 0 ? 45 : 20)),
        { timeoutMs: 30, settleMs: SETTLE_MS },
      );
      const first = link.status();
      await vi.advanceTimersByTimeAsync(40);
      expect(await first).toBe('offline');
      const second = link.status();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await second).toBe('paper-out');
    } finally {
      vi.useRealTimers();
    }
  });
});
