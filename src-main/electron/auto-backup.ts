/**
 * The automatic verified backup taken before an update is installed and before migrations run at
 * the first start of a new version: a run of every configured destination through the backup
 * service (closed vault files to the vault's own age recipient, or the keychain passphrase). It
 * succeeds only when at least one destination wrote a backup that verified; otherwise the update or
 * the migration stops and the user is told why (fail closed).
 */
import type { BackupRunResult } from '../../src-shared/ipc/backup';
import type { BackupOutcome } from '../update';

/** The part of the backup service this needs. */
export interface BackupRunner {
  runNow(destinationId: string | undefined, createdBy: string): Promise<BackupRunResult[]>;
}

/** Builds the automatic backup over the app's backup service. */
export function createAutomaticBackup(
  service: BackupRunner,
  createdBy = 'update',
): () => Promise<BackupOutcome> {
  return async () => {
    let results: BackupRunResult[];
    try {
      results = await service.runNow(undefined, createdBy);
    } catch {
      return { ok: false, reason: 'The backup could not start. Check the Backups page.' };
    }
    if (results.length === 0) {
      return {
        ok: false,
        reason: 'No backup destination is set up. Add one on the Backups page, then try again.',
      };
    }
    if (results.some(r => r.file !== null && r.verified && r.error === null)) return { ok: true };
    return {
      ok: false,
      reason: 'No destination produced a verified backup. Check the Backups page for the reason.',
    };
  };
}
