import type { z } from 'zod';
import type { AckError, ErrorCode, ErrorReason, FieldError } from '../../shared/protocol.js';

export interface HubErrorDetail {
  params?: Record<string, string | number>;
  fields?: FieldError[];
}

/** A refusal the client should hear about (becomes `{ ok: false, error }`); anything else is `internal`. */
export class HubError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: ErrorReason,
    readonly detail: HubErrorDetail = {},
  ) {
    super(message);
  }

  toAck(): AckError {
    return {
      code: this.code,
      message: this.message,
      ...(this.reason ? { reason: this.reason } : {}),
      ...(this.detail.params ? { params: this.detail.params } : {}),
      ...(this.detail.fields ? { fields: this.detail.fields } : {}),
    };
  }
}

export const notFound = (what: string) => new HubError('not-found', `${what} does not exist`);

/** A rule's own word for a custom issue ('ends-before-start', 'required'), else zod's issue code. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    issue: issue.code === 'custom' ? issue.message : issue.code,
  }));
}

/** Another row already holds this value (a prefix, a number, a username, an id). */
export const duplicate = (path: string, what: string) =>
  new HubError('conflict', `${what} is already taken`, 'duplicate', {
    fields: [{ path, issue: 'duplicate' }],
  });
