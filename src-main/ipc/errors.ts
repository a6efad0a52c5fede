/**
 * Expected failures thrown by handlers, and the mapping of anything thrown to a safe `CallError`.
 */
import { ERROR_CODES, type CallError, type ErrorCode } from '../../src-shared/ipc/contract';
import { CallFailure } from '../calls/failure';

/** Re-exported for the handlers: the class lives in ../calls so services need not import the router. */
export { CallFailure };

/** The message every unexpected error becomes: no stack, no text from the original error. */
export const INTERNAL_MESSAGE =
  'Something went wrong. Please try again; if it persists, restart Zamok.';

const knownCodes: ReadonlySet<string> = new Set(ERROR_CODES);

/** True for the codes of the bridge contract (`invalid_input`, `vault_corrupt`, …). */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && knownCodes.has(value);
}

/** Logs an unexpected error by channel name and error class only (messages and stacks may carry data). */
export type InternalErrorLogger = (channel: string, errorClass: string) => void;

/** Default logger: one line on stderr, no message, no stack. */
export function logInternalError(channel: string, errorClass: string): void {
  console.error(`[zamok:ipc] unexpected ${errorClass} in ${channel}`);
}

/**
 * Maps anything a handler threw to a `CallError`:
 * - `CallFailure` → its code, message and details;
 * - any error with a known string `code` (e.g. the vault layer's VaultError, the CRM's RecordError)
 *   → that code and message, and its `details` when it carries a plain object there;
 * - anything else → `internal` with a fixed message; only the channel and error class are logged.
 */
export function toCallError(
  error: unknown,
  channel: string,
  log: InternalErrorLogger = logInternalError,
): CallError {
  if (error instanceof CallFailure) {
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details };
  }
  if (error instanceof Error) {
    const { code, details } = error as Error & { code?: unknown; details?: unknown };
    if (isErrorCode(code) && code !== 'internal') {
      return isDetails(details)
        ? { code, message: error.message, details }
        : { code, message: error.message };
    }
  }
  log(channel, errorClassOf(error));
  return { code: 'internal', message: INTERNAL_MESSAGE };
}

function isDetails(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorClassOf(error: unknown): string {
  if (error instanceof Error) return error.constructor.name || 'Error';
  return error === null ? 'null' : typeof error;
}
