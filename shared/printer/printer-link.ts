/**
 * One open byte channel to a printer (a TCP socket, a serial port, a USB
 * line-printer device) and the two things done over it: write a job, and ask
 * for the status. Replies come back on the same channel, so the incoming
 * bytes are sorted here: DLE EOT answers go to the query that waits for them,
 * Automatic Status Back messages to `onStatus`.
 */
import {
  ASB_LENGTH,
  flagsFromAsb,
  flagsFromReplies,
  isAsbHeader,
  isStatusReply,
  statusOf,
  STATUS_QUERIES,
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

export interface PrinterLink {
  write(data: Uint8Array): Promise<void>;
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
  /** Status queries one at a time: each answer is one anonymous byte. */
  let queue: Promise<unknown> = Promise.resolve();

  channel.onClose(() => {
    closed = true;
  });
  const answers = sortIncoming(channel, opts.onStatus);

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
    status() {
      const next = queue.then(readStatus, readStatus);
      queue = next;
      return next;
    },
    async close() {
      closed = true;
      await channel.close();
    },
    get closed() {
      return closed;
    },
  };
}

/** Where the next status answer goes; one question waits at a time. */
interface AnswerSlot {
  wait(answer: (byte: number) => void): void;
  cancel(): void;
}

/** Sorts the incoming bytes: a status answer to the question waiting, an ASB message to `onStatus`. */
function sortIncoming(
  channel: ByteChannel,
  onStatus: ((status: PrinterStatus) => void) | undefined,
): AnswerSlot {
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
      }
    }
  });
  return {
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
