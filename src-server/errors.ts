/**
 * The office server's typed refusals: a stable code, the HTTP status it is answered with, and a
 * sentence without personal data. Anything else thrown is a 500 with no details.
 */

/** Error codes and their HTTP status. */
export const OFFICE_ERRORS = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  device_revoked: 403,
  not_found: 404,
  conflict: 409,
  stale_key: 409,
  too_large: 413,
  rate_limited: 429,
} as const;

/** One of the codes above. */
export type OfficeErrorCode = keyof typeof OFFICE_ERRORS;

/** A refusal the HTTP layer answers with its status and `{ error: { code, message } }`. */
export class OfficeError extends Error {
  override readonly name = 'OfficeError';
  readonly status: number;

  constructor(
    readonly code: OfficeErrorCode,
    message: string,
  ) {
    super(message);
    this.status = OFFICE_ERRORS[code];
  }
}

/** The 403 for anything outside the caller's rights: one sentence, nothing about what exists. */
export function forbidden(): OfficeError {
  return new OfficeError('forbidden', 'This device may not do that.');
}
