/**
 * Printers as the console edits them, and their spool (DESIGN.md
 * "Printing"): where a printer is (one address, shared/printer/printer-uri.ts),
 * its paper, and which kiosks print on it; the jobs waiting for it.
 *
 * Which kiosks print where: a printer is either one kiosk's own
 * (`kioskDeviceId`) or the shared one (`null`) that every kiosk without a
 * printer of its own prints on. A kiosk has at most one printer of its own
 * and a centre at most one shared printer, so every kiosk prints in exactly
 * one place, or (no printer at all) shows its ticket on screen only.
 */
import { z } from 'zod';
import { EpochMs, Id } from './entities.js';
import { DeviceNameSchema } from './devices.js';
import { PrinterStatusSchema, TicketStatusSchema } from './enums.js';
import { parsePrinterUri } from '../printer/printer-uri.js';

/** Roll widths, in millimetres (hub/src/print/ticket-layout.ts turns them into dots). */
export const PAPER_MM = [80, 58] as const;
export const PaperMmSchema = z.union([z.literal(80), z.literal(58)]);
export type PaperMm = z.infer<typeof PaperMmSchema>;

const isPrinterUri = (uri: string) => {
  try {
    parsePrinterUri(uri);
    return true;
  } catch {
    return false;
  }
};

export const PrinterUriSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine(isPrinterUri, { message: 'printer-uri' });

export const PrinterInputSchema = z
  .strictObject({
    /** Absent: a new printer. */
    id: Id.optional(),
    name: DeviceNameSchema,
    uri: PrinterUriSchema,
    paperMm: PaperMmSchema,
    /** The kiosk whose own printer this is; null: every kiosk without its own. */
    kioskDeviceId: Id.nullable(),
  })
  .superRefine((p, ctx) => {
    // A station printer is inside one kiosk, driven by that kiosk's station.
    if (p.uri === 'station' && p.kioskDeviceId === null) {
      ctx.addIssue({ code: 'custom', path: ['kioskDeviceId'], message: 'station-needs-kiosk' });
    }
  });
export type PrinterInput = z.infer<typeof PrinterInputSchema>;

export const PrinterConfigSchema = z.object({
  id: Id,
  name: z.string(),
  uri: z.string(),
  paperMm: PaperMmSchema,
  kioskDeviceId: Id.nullable(),
  status: PrinterStatusSchema,
  /** When the hub last heard from it (its status); null: never. */
  statusAt: EpochMs.nullable(),
  /** Tickets waiting to print on it. */
  queuedJobs: z.number().int().nonnegative(),
  version: z.number().int().positive(),
});
export type PrinterConfig = z.infer<typeof PrinterConfigSchema>;

export const PRINT_JOB_STATES = ['queued', 'sending', 'printed', 'dropped'] as const;

/** One slip in a printer's spool, as the console lists it. */
export const PrintJobViewSchema = z.object({
  id: Id,
  printerId: Id,
  ticketId: Id,
  label: z.string(),
  ticketStatus: TicketStatusSchema,
  createdAt: EpochMs,
  state: z.enum(PRINT_JOB_STATES),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  /** Some of it may have come out already: the next slip says REPRINT. */
  reachedPrinter: z.boolean(),
  printedAt: EpochMs.nullable(),
});
export type PrintJobView = z.infer<typeof PrintJobViewSchema>;

/** What a test slip came to: confirmed by the printer, or why not. */
export const TestPrintResultSchema = z.object({
  printed: z.boolean(),
  status: PrinterStatusSchema,
  /** Why it did not print, for a developer (the console says it from `status`). */
  error: z.string().nullable(),
});
export type TestPrintResult = z.infer<typeof TestPrintResultSchema>;

// ---------------------------------------------------------------- the station's print agent

/** `print:job`, from the hub to a kiosk station's print agent. */
export interface PrintJobPayload {
  jobId: number;
  printerId: number;
  /** ESC/POS bytes, base64; empty: only report the printer's status. */
  data: string;
}

/** What a station's print agent answers to `print:job`. */
export const PrintJobAckSchema = z.object({
  /** The printer confirmed it took the job (GS r after its bytes). */
  printed: z.boolean(),
  /** Whether any byte may have reached the printer; absent (an older station) counts as yes. */
  sent: z.boolean().optional(),
  status: PrinterStatusSchema,
  error: z.string().max(500).optional(),
});
export type PrintJobAck = z.infer<typeof PrintJobAckSchema>;
