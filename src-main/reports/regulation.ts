/**
 * Reads the live configuration the access regulation states: password and lockout policy (code),
 * the KDF floor, staff and roles (vault), backup settings and guard settings (vault settings
 * table). Nothing is cached: each call reads the settings as they are now.
 */
import {
  backupSettingsSchema,
  DEFAULT_BACKUP_SETTINGS,
  type BackupSettings,
} from '../../src-shared/ipc/backup';
import { isScopedPermission, PERMISSIONS } from '../../src-shared/permissions';
import { PASSWORD_MIN_LENGTH, PASSWORD_MIN_SCORE } from '../../src-shared/policy/password';
import type { RegulationFacts, RegulationRole } from '../../src-shared/reports/regulation-facts';
import { grantOf } from '../../src-shared/roles';
import { listUsers } from '../auth/accounts';
import { LOCKOUT_POLICY } from '../auth/lockout';
import { listDevices } from '../guard/devices-store';
import { readGuardSettings } from '../guard/settings';
import { listRoles } from '../roles/roles';
import { readOfficeSettings } from '../settings/office-settings';
import { reportTimeZone } from './month';
import { KDF_FLOOR, type OpenVault } from '../vault';

/** The `settings` key of the backup settings (src-main/backup/service.ts). */
const BACKUP_SETTINGS_KEY = 'backup';

/** What the regulation needs besides the vault. */
export interface RegulationInputs {
  now: Date;
  appVersion: string;
  /** Idle auto-lock in minutes (the app's setting). */
  autoLockMinutes: number;
}

function readBackupSettings(vault: OpenVault): BackupSettings {
  const raw = vault.sqlite
    .prepare('SELECT value FROM settings WHERE key = ?')
    .pluck()
    .get(BACKUP_SETTINGS_KEY);
  if (typeof raw !== 'string') return DEFAULT_BACKUP_SETTINGS;
  try {
    const parsed = backupSettingsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_BACKUP_SETTINGS;
  } catch {
    return DEFAULT_BACKUP_SETTINGS;
  }
}

/** The facts for the regulation, as configured right now. */
export async function readRegulationFacts(
  vault: OpenVault,
  inputs: RegulationInputs,
): Promise<RegulationFacts> {
  const db = vault.db;
  const users = await listUsers(db);
  const active = users.filter(u => u.status === 'active');
  const roles: RegulationRole[] = (await listRoles(db)).map(role => ({
    id: role.id,
    name: role.name,
    builtIn: role.builtIn,
    permissions: PERMISSIONS.flatMap(p => {
      const grant = grantOf(role.grants, p);
      if (grant === undefined) return [];
      return [{ permission: p, scope: isScopedPermission(p) && grant !== true ? grant : null }];
    }),
    activeUsers: active.filter(u => u.role === role.id).length,
  }));
  const guard = readGuardSettings(vault.sqlite);
  const backup = readBackupSettings(vault);
  return {
    generatedAt: inputs.now.toISOString(),
    timeZone: reportTimeZone(vault),
    appVersion: inputs.appVersion,
    officeName: (await readOfficeSettings(db)).officeName,
    password: { minLength: PASSWORD_MIN_LENGTH, minScore: PASSWORD_MIN_SCORE },
    lockout: {
      freeFailures: LOCKOUT_POLICY.freeFailures,
      firstBackoffSeconds: LOCKOUT_POLICY.firstBackoffSeconds,
      lockoutFromFailure: LOCKOUT_POLICY.lockoutFromFailure,
      lockoutSeconds: LOCKOUT_POLICY.lockoutSeconds,
      forgetAfterSeconds: LOCKOUT_POLICY.forgetAfterSeconds,
    },
    kdfFloor: { ...KDF_FLOOR },
    withoutTwoFactor: active.filter(u => !u.totpEnabled).map(u => u.login),
    autoLockMinutes: inputs.autoLockMinutes,
    users: active.map(u => ({
      login: u.login,
      displayName: u.displayName,
      role: u.role,
      teamId: u.teamId,
      totpEnabled: u.totpEnabled,
    })),
    dismissedCount: users.length - active.length,
    roles,
    backup: {
      schedule: { ...backup.schedule },
      destinations: backup.destinations.map(d => ({ id: d.id, path: d.path })),
      retention: { ...backup.retention },
      encryption: backup.encryption,
    },
    guard: {
      allowedHours: guard.allowedHours,
      allowedNetworks: guard.allowedNetworks,
      allowedGatewayMacs: guard.allowedGatewayMacs,
      requireApprovedDevices: guard.requireApprovedDevices,
      approvedDevices: listDevices(vault.sqlite, null)
        .filter(d => d.status === 'approved')
        .map(d => d.label),
      failedPerLogin: guard.failedPerLogin,
      failedAcrossLogins: guard.failedAcrossLogins,
      failedWindowMinutes: guard.failedWindowMinutes,
      exportRecords: guard.exportRecords,
      exportWindowMinutes: guard.exportWindowMinutes,
      deleteRecords: guard.deleteRecords,
      deleteWindowMinutes: guard.deleteWindowMinutes,
      backupMaxAgeDays: guard.backupMaxAgeDays,
      dormantDays: guard.dormantDays,
      checkReminderDays: guard.checkReminderDays,
    },
  };
}
