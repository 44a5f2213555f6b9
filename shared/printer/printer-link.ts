/**
 * One open byte channel to a printer (a TCP socket, a serial port, a USB
 * line-printer device) and what is done over it: print a job and hear that
 * the printer took it, and ask for the status. Replies come back on the same
 * channel, so the incoming bytes are sorted here: DLE EOT answers go to the
 * status query that waits for them, GS r answers to the job that waits for
 * its confirmation, Automatic Status Back messages to `onStatus`.
 *
 * A write that resolved means only that the bytes reached the kernel's
 * buffer: a printer that closed the connection, or stopped reading, part way
 * through a job had it counted as printed. So a job ends with GS r 1, which
 * the printer answers only after it has processed every byte before it
 * (docs/hardware.md "When is a ticket printed?").
 */
import {
  ASB_LENGTH,
  flagsFromAsb,
  flagsFromReplies,
  isAsbHeader,
  isStatusReply,
  isTransmitReply,
  statusOf,
  STATUS_QUERIES,
  TRANSMIT_PAPER_STATUS,
  type PrinterStatus,
  type StatusQuery,
} from './status.js';

/** What every transport provides: bytes out, bytes in, an end. */
export interface ByteChannel {
  write(data: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): void;
  /** Called once when the channel breaks or is closed from the other side. */
  onClose(listener: (reason: Error) => void): void;
  close(): Promise<void>;
}

/** A printer answers DLE EOT within milliseconds; this long means it is not there. */
export const STATUS_TIMEOUT_MS = 1_500;
/**
 * After a question went unanswered, its answer may still come. Answers carry
 * no question number, so the next reading first lets this long go by with
 * nobody listening: a late answer taken for the next one would shift every
 * answer after it onto the wrong question (paper out would read as an error).
 * An answer later still costs one wrong reading: the shifted reading's last
 * answer then arrives with nobody listening, and the next reading is right.
 */
export const STATUS_SETTLE_MS = 250;

const DLE_EOT = (n: StatusQuery) => Uint8Array.of(0x10, 0x04, n);
/** GS a n: ask for ASB on drawer, online/offline, error and paper changes. */
export const ENABLE_ASB = Uint8Array.of(0x1d, 0x61, 0x0f);

export class PrinterTimeoutError extends Error {}

/**
 * A job that did not print for sure. `sent` says whether any of its bytes may
 * have reached the printer: then a slip may have come out after all, and a
 * retry is marked as a reprint.
 */
export class PrintError extends Error {
  constructor(
    message: string,
    readonly sent: boolean,
  ) {
    super(message);
  }
}

/**
 * How long a printer may take to answer a job's GS r: moving the bytes at
 * 9600 baud, the slowest serial line in use (about 1 ms a byte), and printing
 * and cutting the slip. An 80 mm ticket (about 10 KB) gets 15 s.
 */
export const CONFIRM_BASE_MS = 5_000;
export const CONFIRM_MS_PER_BYTE = 1.05;
export const confirmWithinMs = (bytes: number) =>
  Math.ceil(CONFIRM_BASE_MS + bytes * CONFIRM_MS_PER_BYTE);

export interface PrinterLink {
  /** Setup commands with no answer (GS a, enabling ASB). */
  write(data: Uint8Array): Promise<void>;
  /**
   * Sends a job and resolves once the printer has answered the GS r 1 after
   * it; otherwise rejects with a PrintError. With no answer within
   * `withinMs`, the link is closed, so that a late answer cannot confirm the
   * next job instead.
   */
  print(data: Uint8Array, withinMs: number): Promise<void>;
  /** Asks DLE EOT 1..4 in turn; 'offline' if the printer does not answer. */
  status(): Promise<PrinterStatus>;
  close(): Promise<void>;
  readonly closed: boolean;
}

export function createPrinterLink(
  channel: ByteChannel,
  opts: { onStatus?: (status: PrinterStatus) => void; timeoutMs?: number; settleMs?: number } = {},
): PrinterLink {
  const timeoutMs = opts.timeoutMs ?? STATUS_TIMEOUT_MS;
  const settleMs = opts.settleMs ?? STATUS_SETTLE_MS;
  /** A question went unanswered: its answer may yet arrive, so settle before asking again. */
  let unanswered = false;
  let closed = false;
  const answers = sortIncoming(channel, opts.onStatus);
  channel.onClose(() => {
    closed = true;
    answers.confirmations.fail(new PrintError('the printer closed the connection mid-job', true));
  });

  const line = {
    channel,
    answers,
    get closed() {
      return closed;
    },
    close() {
      closed = true;
      return channel.close().catch(() => {});
    },
  };
  // Status queries one at a time, and jobs one at a time: each answer is one anonymous byte.
  const print = oneAtATime((data: Uint8Array, withinMs: number) =>
    confirmedPrint(line, data, withinMs),
  );

  async function readStatus(): Promise<PrinterStatus> {
    if (closed) return 'offline';
    if (unanswered) {
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      unanswered = false;
    }
    const replies = new Map<StatusQuery, number>();
    try {
      for (const n of STATUS_QUERIES) replies.set(n, await ask(channel, answers, n, timeoutMs));
    } catch {
      unanswered = true;
      return 'offline';
    }
    return statusOf(flagsFromReplies(replies));
  }

  return {
    write: (data) => channel.write(data),
    print,
    status: oneAtATime(readStatus),
    async close() {
      closed = true;
      await channel.close();
    },
    get closed() {
      return closed;
    },
  };
}

/** Runs each call once the one before it has settled. */
function oneAtATime<A extends unknown[], R>(run: (...args: A) => Promise<R>) {
  let last: Promise<unknown> = Promise.resolve();
  return (...args: A): Promise<R> => {
    const next = last.then(
      () => run(...args),
      () => run(...args),
    );
    last = next;
    return next;
  };
}

/**
 * Sends a job and its GS r 1, and waits for the answer. With none in time,
 * lets go of the line, so that a late answer cannot confirm the next job.
 */
async function confirmedPrint(
  line: {
    channel: ByteChannel;
    answers: AnswerSlot;
    readonly closed: boolean;
    close(): Promise<void>;
  },
  data: Uint8Array,
  withinMs: number,
) {
  const { channel, answers } = line;
  if (line.closed) throw new PrintError('the connection to the printer is closed', false);
  const confirmed = answers.confirmations.expect(withinMs);
  try {
    await channel.write(data);
    await channel.write(TRANSMIT_PAPER_STATUS);
  } catch (err) {
    answers.confirmations.fail(new PrintError(`write failed: ${String(err)}`, true));
  }
  try {
    await confirmed;
  } catch (err) {
    if (!(err instanceof PrinterTimeoutError)) throw err;
    await line.close();
    throw new PrintError(`the printer did not confirm the job within ${withinMs} ms`, true);
  }
}

/** Where the next status answer goes; one question waits at a time. */
interface AnswerSlot {
  wait(answer: (byte: number) => void): void;
  cancel(): void;
  confirmations: ConfirmationSlot;
}

/** Where the next GS r answer goes: the job printing now, if it still waits. */
interface ConfirmationSlot {
  /** Resolves on the next GS r answer; rejects with PrinterTimeoutError after `withinMs`. */
  expect(withinMs: number): Promise<void>;
  /** Ends the wait, if any, with this error. */
  fail(err: Error): void;
  /** A GS r answer arrived; false if no job waits for one. */
  answer(): boolean;
}

function confirmationSlot(): ConfirmationSlot {
  let pending: { resolve(): void; reject(err: Error): void; timer: NodeJS.Timeout } | null = null;
  const settle = () => {
    const current = pending;
    pending = null;
    if (current) clearTimeout(current.timer);
    return current;
  };
  return {
    expect(withinMs) {
      settle()?.reject(new PrintError('a newer job took over the confirmation', true));
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          settle()?.reject(new PrinterTimeoutError(`no answer to GS r within ${withinMs} ms`));
        }, withinMs);
        pending = { resolve, reject, timer };
      });
    },
    fail(err) {
      settle()?.reject(err);
    },
    answer() {
      const current = settle();
      current?.resolve();
      return current !== null;
    },
  };
}

/**
 * Sorts the incoming bytes: a status answer to the question waiting, a GS r
 * answer to the job waiting, an ASB message to `onStatus`.
 */
function sortIncoming(
  channel: ByteChannel,
  onStatus: ((status: PrinterStatus) => void) | undefined,
): AnswerSlot {
  const confirmations = confirmationSlot();
  let waiting: ((byte: number) => void) | null = null;
  let asb: number[] | null = null;
  channel.onData((chunk) => {
    for (const byte of chunk) {
      if (asb !== null) {
        asb.push(byte);
        if (asb.length === ASB_LENGTH) {
          onStatus?.(statusOf(flagsFromAsb(Uint8Array.from(asb))));
          asb = null;
        }
      } else if (waiting && isStatusReply(byte)) {
        const answer = waiting;
        waiting = null;
        answer(byte);
      } else if (isAsbHeader(byte)) {
        asb = [byte];
      } else if (isTransmitReply(byte)) {
        confirmations.answer();
      }
    }
  });
  return {
    confirmations,
    wait(answer) {
      waiting = answer;
    },
    cancel() {
      waiting = null;
    },
  };
}

/** Asks DLE EOT `n` and waits for its one-byte answer. */
function ask(
  channel: ByteChannel,
  answers: AnswerSlot,
  n: StatusQuery,
  timeoutMs: number,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      answers.cancel();
      reject(new PrinterTimeoutError(`no answer to DLE EOT ${n} within ${timeoutMs} ms`));
    }, timeoutMs);
    answers.wait((byte) => {
      clearTimeout(timer);
      resolve(byte);
    });
    channel.write(DLE_EOT(n)).catch((err: unknown) => {
      clearTimeout(timer);
      answers.cancel();
      reject(err instanceof Error ? err : new Error(String(err)));
    });
  });
}
