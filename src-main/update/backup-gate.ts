/**
 * The automatic verified backup that must succeed before an update is installed and before schema
 * migrations run at the first start of a new version. The backup itself belongs to src-main/backup
 * and is injected as `backupNow`; this module only decides whether to proceed.
 */

/** What an injected automatic backup reports. `reason` is shown to the user: no personal data. */
export interface BackupOutcome {
  ok: boolean;
  reason?: string;
}

/** Runs an automatic verified backup. */
export type BackupNow = () => Promise<BackupOutcome>;

/** Whether the guarded step may proceed. */
export type GateResult = { proceed: true; backedUp: boolean } | { proceed: false; reason: string };

/** Runs `backupNow`, turning a throw or a missing reason into a refusal the user can read. */
export async function runBackupGate(backupNow: BackupNow): Promise<GateResult> {
  let outcome: BackupOutcome;
  try {
    outcome = await backupNow();
  } catch (err) {
    const name = err instanceof Error ? err.name : 'Error';
    return { proceed: false, reason: `The automatic backup failed (${name}).` };
  }
  if (outcome.ok) return { proceed: true, backedUp: true };
  return { proceed: false, reason: outcome.reason?.trim() || 'The automatic backup failed.' };
}

/**
 * Call before running `pending` schema migrations (ids). With none pending nothing is backed up;
 * otherwise a verified backup must succeed or the migrations must not run (the vault stays as it
 * is, readable by the previous version). Wired in Electron main only (src-main/electron/main.ts).
 */
export async function beforeMigrations(
  pending: readonly string[],
  backupNow: BackupNow,
): Promise<GateResult> {
  if (pending.length === 0) return { proceed: true, backedUp: false };
  return runBackupGate(backupNow);
}
