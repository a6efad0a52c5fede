/**
 * What `zamok backup …` runs: loaded when a backup command starts, so `zamok --help` and the other
 * commands do not load age, tar and the database driver for it.
 */
export { backupIdentity, isAgeRecipient } from '../../backup/age-identity';
export { createBackup } from '../../backup/create';
export { BackupError, UNREADABLE_REASONS, WRITE_FAILURE_REASONS } from '../../backup/errors';
export { authKeyFromRecoveryKey, lockKind } from '../../backup/keys';
export { listBackupFiles } from '../../backup/listing';
export { readPlainRecipient } from '../../backup/recipient';
export { restoreBackup } from '../../backup/restore';
export { verifyBackup } from '../../backup/verify';
export { readKeyringInfo, VaultError } from '../../vault';
