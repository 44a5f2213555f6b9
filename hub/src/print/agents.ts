/**
 * The print agents of kiosk stations: a station with a printer inside
 * connects one, and the spooler sends that printer's jobs through it. The
 * newest connection of a device wins.
 */
import type { PrintJobPayload } from '../../../shared/protocol.js';

/** Sends one job over an agent's connection and resolves with its answer. */
export type AgentLink = (job: PrintJobPayload, timeoutMs: number) => Promise<unknown>;

/**
 * A station has the time its printer has to confirm a job, and this long
 * more, to answer (and this long alone to report a status).
 */
export const STATION_ACK_MARGIN_MS = 5_000;

export interface PrintAgents {
  /** An agent connected for the kiosk device; call the result when it goes. */
  attach(deviceId: number, link: AgentLink): () => void;
  /** Sends a job to the device's agent, to answer within `timeoutMs`; null when none is connected. */
  send(deviceId: number, job: PrintJobPayload, timeoutMs: number): Promise<unknown> | null;
}

export function createPrintAgents(): PrintAgents {
  const agents = new Map<number, AgentLink>();
  return {
    attach(deviceId, link) {
      agents.set(deviceId, link);
      return () => {
        if (agents.get(deviceId) === link) agents.delete(deviceId);
      };
    },
    send(deviceId, job, timeoutMs) {
      const link = agents.get(deviceId);
      return link ? link(job, timeoutMs) : null;
    },
  };
}
