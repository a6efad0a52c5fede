/**
 * The expected failure of a call. Services throw it and the router maps it to the bridge's
 * `{ ok: false, error }`; it lives below both so services never import the router.
 */
import type { ErrorCode } from '../../src-shared/ipc/contract';

/**
 * Thrown by a handler (or a wrapper) to answer `{ ok: false, error: { code, message, details } }`.
 * The message is shown to the user and may be logged: never put secrets or personal data in it.
 */
export class CallFailure extends Error {
  override readonly name = 'CallFailure';
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.code = code;
    this.details = details;
  }
}
