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
  'vault_full',
  'vault_damaged',
  'vault_in_use',
  'vault_network_share',
  'vault_exists',
  'auth_failed',
  'key_slot_damaged',
] as const satisfies readonly ErrorCode[];

/** One of `VAULT_ERROR_CODES`. */
export type VaultErrorCode = (typeof VAULT_ERROR_CODES)[number];

/** The one error type thrown by the vault layer for bad input, bad files and failed unlocks. */
export class VaultError extends Error {
  readonly code: VaultErrorCode;
  /** Machine-readable extras passed to the caller (e.g. `{ evidence }`); never secrets. */
  readonly details?: Record<string, unknown>;

  constructor(
    code: VaultErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options);
    this.name = 'VaultError';
    this.code = code;
    if (options?.details) this.details = options.details;
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

/**
 * A bundled migration whose SHA-256 differs from the one pinned in migration-pins.ts: a shipped
 * migration was edited (or the installed files were changed). A defect of the build, not of the
 * vault: it is thrown before any vault is opened or written, and reaches a caller as `internal`.
 */
export class MigrationEditedError extends Error {
  readonly code = 'migration_edited';

  constructor(
    readonly migrationId: string,
    readonly expectedSha256: string,
    readonly actualSha256: string,
  ) {
    super(
      `Migration ${migrationId} differs from the shipped one (sha256 ${actualSha256}, pinned ${expectedSha256}). Shipped migrations are never edited: restore the file and add a new migration instead.`,
    );
    this.name = 'MigrationEditedError';
  }
}

/**
 * A device-bound password slot and no device secret in this computer's keychain (a vault restored
 * or copied onto a new computer, a wiped keychain): no password can open it here, so the owner is
 * told to set a new one with the recovery key instead of "wrong password". It says nothing about
 * the login (an unknown login answers the same when the vault's slots are bound).
 */
export class DeviceSecretMissingError extends VaultError {
  constructor() {
    super(
      'auth_failed',
      'This vault’s passwords are bound to the keychain of the computer it was made on; on this computer, set a new password with the recovery key.',
    );
    Object.defineProperty(this, 'name', { value: 'DeviceSecretMissingError' });
  }
}
