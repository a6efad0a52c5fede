/**
 * Typed update errors. Messages name what went wrong and never include manifest contents or any
 * personal data; the code is what the UI and the security check switch on.
 */

/** Every reason an update step can fail. */
export const UPDATE_ERROR_CODES = [
  'insecure_url',
  'network',
  'tls',
  'http_status',
  'too_large',
  'unsigned',
  'bad_signature',
  'malformed_manifest',
  'wrong_channel',
  'manifest_expired',
  'manifest_mismatch',
  'download_failed',
  'backup_failed',
] as const;

/** One of `UPDATE_ERROR_CODES`. */
export type UpdateErrorCode = (typeof UPDATE_ERROR_CODES)[number];

/** An update step failed; nothing was downloaded or installed because of it. */
export class UpdateError extends Error {
  override readonly name = 'UpdateError';
  constructor(
    readonly code: UpdateErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True if `err` is an `UpdateError` (optionally with `code`). */
export function isUpdateError(err: unknown, code?: UpdateErrorCode): err is UpdateError {
  return err instanceof UpdateError && (code === undefined || err.code === code);
}
