/**
 * Typed errors of the backup layer. `code` is a bridge `ErrorCode` and `details.reason` the precise
 * `reason` (the router passes both on unchanged), for the CLI's exit codes and the UI's sentences.
 * Messages name files only and never carry keys, passphrases or personal data.
 */
import { BACKUP_ERROR_REASONS, type BackupErrorReason } from '../../src-shared/ipc/backup';
import type { ErrorCode } from '../../src-shared/ipc/contract';
import { CallFailure } from '../calls/failure';

export { BACKUP_ERROR_REASONS, type BackupErrorReason };

/** Reasons that mean "this file cannot be read with what you gave" (CLI exit 6). */
export const UNREADABLE_REASONS: ReadonlySet<BackupErrorReason> = new Set([
  'not_a_backup',
  'wrong_key',
  'corrupt',
  'truncated',
  'not_authentic',
]);

/**
 * Reasons that mean "the disk being written failed": the destination of a backup, or the vault
 * folder (or temporary folder) a backup is unpacked into, is full, gone or read-only (CLI exit 7).
 */
export const WRITE_FAILURE_REASONS: ReadonlySet<BackupErrorReason> = new Set([
  'destination_full',
  'destination_missing',
  'destination_not_writable',
  'target_full',
  'target_not_writable',
]);

const CODE_OF: Readonly<Record<BackupErrorReason, ErrorCode>> = {
  not_a_backup: 'invalid_input',
  wrong_key: 'auth_failed',
  corrupt: 'vault_corrupt',
  truncated: 'vault_corrupt',
  other_vault: 'conflict',
  newer_schema: 'vault_newer',
  destination_missing: 'not_found',
  destination_not_writable: 'vault_not_writable',
  destination_full: 'vault_not_writable',
  target_not_empty: 'vault_exists',
  target_not_writable: 'vault_not_writable',
  target_full: 'vault_not_writable',
  no_recipient: 'invalid_input',
  recipient_mismatch: 'conflict',
  vault_busy: 'conflict',
  not_authentic: 'vault_corrupt',
  needs_key: 'unauthenticated',
  vault_damaged: 'vault_damaged',
  vault_unchecked: 'conflict',
  unexpected: 'internal',
};

/**
 * The one error type of the backup layer. It is a `CallFailure`, so a channel answers
 * `{ code, message, details: { reason } }` and the UI can word the reason.
 */
export class BackupError extends CallFailure {
  readonly reason: BackupErrorReason;

  constructor(reason: BackupErrorReason, message: string, options?: { cause?: unknown }) {
    super(CODE_OF[reason], message, { reason });
    this.reason = reason;
    Object.defineProperty(this, 'name', { value: 'BackupError' });
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** True when `err` is a `BackupError`, optionally with the given reason. */
export function isBackupError(err: unknown, reason?: BackupErrorReason): err is BackupError {
  return err instanceof BackupError && (reason === undefined || err.reason === reason);
}
