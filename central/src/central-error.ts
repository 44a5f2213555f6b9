/** An error whose message is meant for the caller, with the HTTP status it answers with. */
export const ERROR_STATUS = {
  'invalid-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'rate-limited': 429,
} as const;
export type CentralErrorCode = keyof typeof ERROR_STATUS;

export class CentralError extends Error {
  constructor(
    readonly code: CentralErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
