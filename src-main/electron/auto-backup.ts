/**
 * The automatic verified backup taken before an update is installed and before migrations run at
 * the first start of a new version. The backup format and engine are src-main/backup; choosing the
 * destination and key for an unattended backup belongs to the scheduled-backup settings, which do
 * not exist yet. Until they do this reports "not configured", so updates and upgrade migrations
 * stop with that reason (fail closed) instead of running without a backup.
 */
import type { BackupOutcome } from '../update';

/** Takes the automatic backup, or says why it could not. */
export async function automaticBackup(): Promise<BackupOutcome> {
  return {
    ok: false,
    reason: 'Automatic backups are not set up yet. Set up a backup destination, then try again.',
  };
}
