/**
 * What a thermal printer says about itself, and how it says it: the one-byte
 * answers to DLE EOT n (real-time status) and the four-byte Automatic Status
 * Back (ASB) message, after Epson's ESC/POS reference (TM-T88/TM-T20 family;
 * most Xprinter, Rongta and HPRT models answer the same way).
 */
import type { PrinterStatus } from '../protocol.js';

export type { PrinterStatus };

/** A printer in this state still prints; the others hold their jobs. */
export function canPrint(status: PrinterStatus): boolean {
  return status === 'ok' || status === 'paper-near-end';
}

/** The state behind a status, as the printer reports it bit by bit. */
export interface PrinterFlags {
  offline: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  /** Cutter jam, head overheated, and the like: the printer stopped by itself. */
  error: boolean;
}

export const READY_FLAGS: PrinterFlags = {
  offline: false,
  coverOpen: false,
  paperOut: false,
  paperNearEnd: false,
  error: false,
};

/** The most urgent thing staff must do first: close the cover before loading paper. */
export function statusOf(flags: PrinterFlags): PrinterStatus {
  if (flags.coverOpen) return 'cover-open';
  if (flags.paperOut) return 'paper-out';
  if (flags.offline || flags.error) return 'offline';
  if (flags.paperNearEnd) return 'paper-near-end';
  return 'ok';
}

/** DLE EOT n: n = 1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor. */
export const STATUS_QUERIES = [1, 2, 3, 4] as const;
export type StatusQuery = (typeof STATUS_QUERIES)[number];

/** Every DLE EOT answer has the form 0xx1xx10. */
export const isStatusReply = (byte: number) => (byte & 0b1001_0011) === 0b0001_0010;
/** The first byte of an ASB message has the form 0xx1xx00; the three after it 0xx0xxxx. */
export const isAsbHeader = (byte: number) => (byte & 0b1001_0011) === 0b0001_0000;
export const ASB_LENGTH = 4;

/** Folds the answers to DLE EOT 1..4 (by n) into flags. */
export function flagsFromReplies(replies: ReadonlyMap<StatusQuery, number>): PrinterFlags {
  const bit = (n: StatusQuery, mask: number) => ((replies.get(n) ?? 0) & mask) !== 0;
  return {
    offline: bit(1, 0x08),
    coverOpen: bit(2, 0x04),
    paperOut: bit(2, 0x20) || bit(4, 0x60),
    paperNearEnd: bit(4, 0x0c),
    error: bit(2, 0x40) || bit(3, 0x2c | 0x40),
  };
}

/** The byte a printer in this state answers to DLE EOT n (the fake printer speaks with it). */
export function replyFor(n: StatusQuery, f: PrinterFlags): number {
  const fixed = 0b0001_0010;
  switch (n) {
    case 1:
      return fixed | (f.offline || f.coverOpen || f.paperOut ? 0x08 : 0);
    case 2:
      return fixed | (f.coverOpen ? 0x04 : 0) | (f.paperOut ? 0x20 : 0) | (f.error ? 0x40 : 0);
    case 3:
      return fixed | (f.error ? 0x40 : 0);
    case 4:
      return fixed | (f.paperNearEnd || f.paperOut ? 0x0c : 0) | (f.paperOut ? 0x60 : 0);
  }
}

/** The flags in one ASB message (bytes 1–4). */
export function flagsFromAsb(asb: Uint8Array): PrinterFlags {
  const [b1 = 0, b2 = 0, b3 = 0] = asb;
  return {
    offline: (b1 & 0x08) !== 0,
    coverOpen: (b1 & 0x20) !== 0,
    paperOut: (b3 & 0x0c) !== 0,
    paperNearEnd: (b3 & 0x03) !== 0,
    error: (b2 & 0x6c) !== 0,
  };
}

/** The ASB message a printer in this state sends (the fake printer speaks with it). */
export function asbFor(f: PrinterFlags): Uint8Array {
  return Uint8Array.of(
    0b0001_0000 | (f.offline || f.coverOpen || f.paperOut ? 0x08 : 0) | (f.coverOpen ? 0x20 : 0),
    f.error ? 0x40 : 0,
    (f.paperNearEnd || f.paperOut ? 0x03 : 0) | (f.paperOut ? 0x0c : 0),
    0x0f,
  );
}

/**
 * GS r 1, "transmit paper sensor status". Unlike DLE EOT, which a printer
 * answers the moment it reads it, GS r waits its turn in the receive buffer:
 * its answer comes only once every byte sent before it has been processed.
 * Sent after a job, the answer is the printer's word that it took the job.
 */
export const TRANSMIT_PAPER_STATUS = Uint8Array.of(0x1d, 0x72, 0x01);

/** Every GS r answer has the form 0xx0xxxx: bit 4 is what tells it from DLE EOT and ASB bytes. */
export const isTransmitReply = (byte: number) => (byte & 0b1001_0000) === 0;

/** The byte a printer in this state answers to GS r 1 (the fake printer speaks with it). */
export function transmitReplyFor(f: PrinterFlags): number {
  return (f.paperNearEnd || f.paperOut ? 0x03 : 0) | (f.paperOut ? 0x0c : 0);
}
