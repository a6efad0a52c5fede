/**
 * Typed errors of the vault layer. Each code equals an `ErrorCode` of the bridge contract
 * (src-shared/ipc/contract.ts), so the router can pass it to the renderer unchanged.
 * Messages are English, name files and ids only, and never contain secrets or personal data.
 */
import type { ErrorCode } from '../../src-shared/ipc/contract';

/** Every code a `VaultError` can carry. */
export const VAULT_ERROR_CODES = [
  'vault_missing',
  'vault_corrupt',
  'vault_newer',
  'vault_unknown_migration',
  'vault_not_writable',
  'vault_exists',
  'auth_failed',
] as const satisfies readonly ErrorCode[];

/** One of `VAULT_ERROR_CODES`. */
export type VaultErrorCode = (typeof VAULT_ERROR_CODES)[number];

/** The one error type thrown by the vault layer for bad input, bad files and failed unlocks. */
export class VaultError extends Error {
  readonly code: VaultErrorCode;

  constructor(code: VaultErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VaultError';
    this.code = code;
  }
}

/** True when `err` is a `VaultError`, optionally with the given code. */
export function isVaultError(err: unknown, code?: VaultErrorCode): err is VaultError {
  return err instanceof VaultError && (code === undefined || err.code === code);
}

/** The single message for every failed unlock, so a caller cannot tell an unknown login from a wrong password. */
export const AUTH_FAILED_MESSAGE = 'Wrong login or password.';

/** Maps a file-system error from writing into the vault folder to `vault_not_writable`. */
export function notWritable(what: string, err: unknown): VaultError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
  return new VaultError('vault_not_writable', `Cannot write ${what} (${code}).`, { cause: err });
}
