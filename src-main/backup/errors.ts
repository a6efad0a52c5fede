/**
 * Typed errors of the backup layer. `code` is a bridge `ErrorCode` (the router passes it on unchanged);
 * `reason` says precisely what is wrong with a backup file, for the CLI's exit code 6 and the UI text.
 * Messages name files only and never carry keys, passphrases or personal data.
 */
import type { ErrorCode } from '../../src-shared/ipc/contract';

/** What exactly went wrong. */
export const BACKUP_ERROR_REASONS = [
  'not_a_backup',
  'wrong_key',
  'corrupt',
  'truncated',
  'other_vault',
  'newer_schema',
  'destination_missing',
  'destination_not_writable',
  'target_not_empty',
  'no_recipient',
  'recipient_mismatch',
  'vault_busy',
] as const;
export type BackupErrorReason = (typeof BACKUP_ERROR_REASONS)[number];

/** Reasons that mean "this file cannot be read with what you gave" (CLI exit 6). */
export const UNREADABLE_REASONS: ReadonlySet<BackupErrorReason> = new Set([
  'not_a_backup',
  'wrong_key',
  'corrupt',
  'truncated',
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
  target_not_empty: 'vault_exists',
  no_recipient: 'invalid_input',
  recipient_mismatch: 'conflict',
  vault_busy: 'conflict',
};

/** The one error type of the backup layer. */
export class BackupError extends Error {
  readonly code: ErrorCode;
  readonly reason: BackupErrorReason;

  constructor(reason: BackupErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
    this.reason = reason;
    this.code = CODE_OF[reason];
  }
}

/** True when `err` is a `BackupError`, optionally with the given reason. */
export function isBackupError(err: unknown, reason?: BackupErrorReason): err is BackupError {
  return err instanceof BackupError && (reason === undefined || err.reason === reason);
}
