/**
 * Backup findings: never backed up, last backup too old, last backup never verified, a destination on
 * the vault's own disk. The facts come from a {@link BackupStatusSource}: by default the backup
 * module's backup-state.json (which also sees runs made while the app was locked) merged with the audit
 * log's backup entries.
 */
import { statSync } from 'node:fs';
import type { SecurityFinding } from '../../../src-shared/ipc/security';
import { readLocalState } from '../../backup/state';
import type { OpenVault } from '../../vault';
import { BACKUP_SUCCESS_ACTIONS } from '../rules';
import type { GuardSettings } from '../settings';
import { daysBetween, finding } from './finding';

/** What the check needs to know about backups. */
export interface BackupStatus {
  /** ISO time of the last successful backup, or null. */
  lastSuccessAt: string | null;
  /** ISO time of the last successful verification of a backup (opened again and checked), or null. */
  lastVerifiedAt: string | null;
  /** Folders backups are written to. */
  destinations: string[];
}

/** Reads the backup status of an open vault. */
export type BackupStatusSource = (vault: OpenVault) => Promise<BackupStatus>;

/** The default source: the newest ok `backup.create`/`backup.run` and `backup.verify` entries. */
export async function backupStatusFromAudit(vault: OpenVault): Promise<BackupStatus> {
  const adb = vault.db;
  const newest = (actions: readonly string[]) =>
    adb
      .selectFrom('audit_log')
      .select(['at', 'details'])
      .where('action', 'in', [...actions])
      .where('outcome', '=', 'ok')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
  const success = await newest(BACKUP_SUCCESS_ACTIONS);
  const verified = await newest(['backup.verify']);
  const details = success?.details ? (JSON.parse(success.details) as Record<string, unknown>) : {};
  const destination = details.destination;
  return {
    lastSuccessAt: success?.at ?? null,
    lastVerifiedAt: verified?.at ?? null,
    destinations: typeof destination === 'string' ? [destination] : [],
  };
}

/** The default source: backup-state.json merged with the audit log (the newer time wins). */
export async function defaultBackupStatus(vault: OpenVault): Promise<BackupStatus> {
  const fromAudit = await backupStatusFromAudit(vault);
  const state = readLocalState(vault.dir, vault.vaultId);
  if (!state) return fromAudit;
  const runs = Object.values(state.destinations);
  const newest = (times: (string | null)[]) =>
    times
      .filter((t): t is string => t !== null)
      .sort()
      .at(-1) ?? null;
  return {
    lastSuccessAt: newest([fromAudit.lastSuccessAt, ...runs.map(r => r.lastSuccessAt)]),
    lastVerifiedAt: newest([fromAudit.lastVerifiedAt, ...runs.map(r => r.lastVerifiedAt)]),
    destinations: state.settings.destinations.map(d => d.path),
  };
}

function sameDevice(a: string, b: string): boolean | null {
  try {
    return statSync(a).dev === statSync(b).dev;
  } catch {
    return null;
  }
}

/** The backup findings. */
export function backupFindings(
  status: BackupStatus,
  vaultDir: string,
  settings: GuardSettings,
  now: Date,
): SecurityFinding[] {
  const base = { lastSuccessAt: status.lastSuccessAt, lastVerifiedAt: status.lastVerifiedAt };
  if (status.lastSuccessAt === null) return [finding('backup_never', 'high', base)];
  const findings: SecurityFinding[] = [];
  const age = Math.floor(daysBetween(status.lastSuccessAt, now));
  if (age > settings.backupMaxAgeDays) {
    findings.push(finding('backup_overdue', 'medium', { ...base, days: age }));
  }
  if (status.lastVerifiedAt === null || status.lastVerifiedAt < status.lastSuccessAt) {
    findings.push(finding('backup_unverified', 'low', base));
  }
  const sameDisk = status.destinations.filter(d => sameDevice(d, vaultDir) === true);
  if (sameDisk.length > 0) {
    // A disk failure or theft takes the vault and its backups together.
    findings.push(finding('backup_same_disk', 'medium', { destinations: sameDisk.length }));
  }
  return findings;
}
