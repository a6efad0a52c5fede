/**
 * The vault-creation hook of backups: after `auth.createVault` succeeds (the owner is signed in and
 * the recovery key is in the result, the only time it exists), the backups' public age recipient is
 * derived and stored (vault_meta + backup.json). Best effort: if it fails, setup still succeeds and
 * recovery-key backups report `no_key` until it is fixed; the recovery key is never kept.
 */
import { storeBackupRecipient } from '../backup/recipient';
import type { BackupService } from '../backup/service';
import type { AuthService } from './auth-service';
import type { VaultState } from './vault-state';

/** Wraps the auth service so that vault creation also stores the backup recipient. */
export function withBackupRecipient(state: VaultState, auth: AuthService): AuthService {
  return {
    ...auth,
    async createVault(input) {
      const result = await auth.createVault(input);
      const vault = state.openVault();
      if (vault && vault.vaultId === result.vaultId) {
        try {
          await storeBackupRecipient(vault, result.recoveryKey);
        } catch {
          // See the file comment: setup must not fail because of backups.
        }
      }
      return result;
    },
  };
}

/**
 * Wraps the auth service so that each successful sign-in first writes the backup runs made while the
 * vault was locked into the audit log (before the sign-in's own entry). Best effort, like the above:
 * a failure leaves the queue for the next sign-in.
 */
export function withLockedRunAudit(auth: AuthService, backup: BackupService): AuthService {
  return {
    ...auth,
    async signIn(input) {
      const user = await auth.signIn(input);
      try {
        backup.recordPendingRuns();
      } catch {
        // The queue stays in backup-state.json; the next sign-in tries again.
      }
      return user;
    },
  };
}
