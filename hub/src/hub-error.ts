import type { AckError, ErrorCode, ErrorReason } from '../../shared/protocol.js';

/** A refusal the client should hear about (becomes `{ ok: false, error }`); anything else is `internal`. */
export class HubError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: ErrorReason,
  ) {
    super(message);
  }

  toAck(): AckError {
    return this.reason
      ? { code: this.code, message: this.message, reason: this.reason }
      : { code: this.code, message: this.message };
  }
}

export const notFound = (what: string) => new HubError('not-found', `${what} does not exist`);
