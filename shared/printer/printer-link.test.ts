import { describe, expect, it, vi } from 'vitest';
import { createPrinterLink, PrintError, type ByteChannel } from './printer-link.js';
import {
  asbFor,
  READY_FLAGS,
  replyFor,
  transmitReplyFor,
  type PrinterFlags,
  type StatusQuery,
} from './status.js';

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

/**
 * A printer that answers a job's GS r 1 as `how` says: after `delayMs`, never, or by
 * closing the connection; before its answer it sends an ASB message and a stray DLE EOT
 * answer, neither of which may pass for the confirmation.
 */
function confirmingPrinter(how: 'answer' | 'never' | 'close', delayMs = 20) {
  const listeners: ((chunk: Uint8Array) => void)[] = [];
  const closers: ((reason: Error) => void)[] = [];
  const written: number[] = [];
  const send = (bytes: Uint8Array) => listeners.forEach((l) => l(bytes));
  const channel: ByteChannel = {
    write(data) {
      written.push(...data);
      if (data[0] === 0x1d && data[1] === 0x72) {
        send(asbFor({ ...READY_FLAGS, paperNearEnd: true }));
        send(Uint8Array.of(replyFor(1, READY_FLAGS)));
        if (how === 'answer') {
          setTimeout(() => send(Uint8Array.of(transmitReplyFor(READY_FLAGS))), delayMs);
        }
        if (how === 'close') {
          setTimeout(() => closers.forEach((c) => c(new Error('closed'))), delayMs);
        }
      }
      return Promise.resolve();
    },
    onData: (listener) => listeners.push(listener),
    onClose: (listener) => closers.push(listener),
    close: () => Promise.resolve(),
  };
  return { channel, written };
}

describe('printing a job', () => {
  it('ends the job with GS r 1 and resolves only on the printer’s answer', async () => {
    const printer = confirmingPrinter('answer', 40);
    const link = createPrinterLink(printer.channel);
    let done = false;
    const printing = link.print(Uint8Array.of(0x1b, 0x40, 0x41), 1_000).then(() => {
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    await printing;
    expect(printer.written).toEqual([0x1b, 0x40, 0x41, 0x1d, 0x72, 0x01]);
  });

  it('rejects a job the printer never confirms, as sent, and lets go of the link', async () => {
    const link = createPrinterLink(confirmingPrinter('never').channel);
    const failure = await link.print(Uint8Array.of(0x41), 50).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(PrintError);
    expect(failure).toMatchObject({ sent: true, message: expect.stringMatching(/50 ms/) });
    expect(link.closed).toBe(true);
    // A closed link sends nothing: the next job is not sent, and says so.
    const next = await link.print(Uint8Array.of(0x41), 50).catch((err: unknown) => err);
    expect(next).toMatchObject({ sent: false });
  });

  it('rejects at once, as sent, when the printer closes the connection mid-job', async () => {
    const link = createPrinterLink(confirmingPrinter('close', 10).channel);
    const started = Date.now();
    const failure = await link.print(Uint8Array.of(0x41), 5_000).catch((err: unknown) => err);
    expect(failure).toMatchObject({ sent: true, message: expect.stringMatching(/closed/) });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
