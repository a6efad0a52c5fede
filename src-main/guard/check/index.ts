/**
 * The security check: every finding of ./accounts, ./vault, ./backup and ./system, ordered by
 * severity. Records the run in the guard settings (the 90-day / after-update reminder).
 */
import type { SecurityFinding, SecurityReport } from '../../../src-shared/ipc/security';
import type { OpenVault } from '../../vault';
import { readGuardSettings, writeGuardSettings } from '../settings';
import { accountFindings } from './accounts';
import { backupFindings, defaultBackupStatus, type BackupStatusSource } from './backup';
import { detectDiskEncryption, type DiskEncryption, type UpdateCertificate } from './system';
import { systemFindings } from './system';
import { vaultFindings } from './vault';

export type { BackupStatus, BackupStatusSource } from './backup';
export type { DiskEncryption, UpdateCertificate } from './system';
export { detectDiskEncryption, fetchCertificateExpiry } from './system';

/** What the check needs besides the vault. Everything but the version has a default. */
export interface SecurityCheckDeps {
  appVersion: string;
  now?: () => Date;
  backupStatus?: BackupStatusSource;
  /** The update server's certificate (default: none configured → an info finding). */
  updateCertificate?: () => Promise<UpdateCertificate | null>;
  diskEncryption?: (dir: string) => Promise<DiskEncryption>;
}

const ORDER = { high: 0, medium: 1, low: 2, info: 3 } as const;

/** Runs the check on an open vault. */
export async function runSecurityCheck(
  vault: OpenVault,
  deps: SecurityCheckDeps,
): Promise<SecurityReport> {
  const now = deps.now?.() ?? new Date();
  const settings = readGuardSettings(vault.sqlite);
  const [accounts, vaultState, backup, certificate, disk] = await Promise.all([
    accountFindings(vault, settings, now),
    vaultFindings(vault),
    (deps.backupStatus ?? defaultBackupStatus)(vault),
    deps.updateCertificate ? deps.updateCertificate().catch(() => null) : Promise.resolve(null),
    (deps.diskEncryption ?? detectDiskEncryption)(vault.dir).catch((): DiskEncryption => 'unknown'),
  ]);
  const findings: SecurityFinding[] = [
    ...accounts,
    ...vaultState,
    ...backupFindings(backup, vault.dir, settings, now),
    ...systemFindings({ appVersion: deps.appVersion, certificate, disk }, now),
  ].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  writeGuardSettings(vault.sqlite, {
    lastCheckAt: now.toISOString(),
    lastCheckVersion: deps.appVersion,
  });
  return {
    checkedAt: now.toISOString(),
    appVersion: deps.appVersion,
    findings,
    high: findings.filter(f => f.severity === 'high').length,
  };
}
