/**
 * Steps of a backup run that do not need the service's state: recording it in the audit log and
 * pruning a destination by retention.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupDestination, BackupRunResult } from '../../src-shared/ipc/backup';
import { appendAudit } from '../audit';
import type { OpenVault } from '../vault';
import { BACKUP_EXTENSION, parseBackupFileName } from './manifest';
import { backupsToPrune, type RetentionPolicy } from './retention';

/** True for an existing regular file. */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * With the vault open, each run is also in the audit log (`backup.run`, and `backup.verify` when
 * verified): the security check and the overdue alert read them. Locked runs wait in
 * backup-state.json and are recorded here at the next sign-in, at their own times.
 */
export function recordRun(
  vault: OpenVault,
  dest: BackupDestination,
  result: BackupRunResult,
  createdBy: string,
  now: Date,
  /** Locked runs dropped from a full queue before this one (see state.ts), recorded once. */
  droppedBefore = 0,
): void {
  const file = result.file?.split(/[\\/]/).at(-1) ?? null;
  const base = { userLogin: createdBy, entityType: 'backup', entityId: dest.id };
  appendAudit(
    vault,
    {
      ...base,
      action: 'backup.run',
      outcome: result.error === null ? 'ok' : 'failed',
      details: {
        destination: dest.path,
        file,
        error: result.error,
        ...(result.reason ? { reason: result.reason } : {}),
        ...(droppedBefore > 0 ? { unrecordedEarlierRuns: droppedBefore } : {}),
      },
    },
    now,
  );
  if (result.verified) {
    appendAudit(vault, { ...base, action: 'backup.verify', outcome: 'ok', details: { file } }, now);
  }
}

/** Deletes what retention allows in `dir` (verified backups of `vaultId` only); returns the count. */
export function pruneDestination(
  dir: string,
  policy: RetentionPolicy,
  verified: Record<string, string>,
  vaultId: string,
): number {
  const entries = readdirSync(dir).flatMap(name => {
    const parsed = name.endsWith(BACKUP_EXTENSION) ? parseBackupFileName(name) : null;
    return parsed ? [{ name, ...parsed, verified: verified[name] !== undefined }] : [];
  });
  const doomed = backupsToPrune(entries, vaultId, policy);
  for (const name of doomed) rmSync(join(dir, name), { force: true });
  return doomed.length;
}
