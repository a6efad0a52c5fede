/**
 * Account findings: 2FA, dormant and dismissed-but-able accounts, how many owners and administrators,
 * and which roles can export. Reads through the accounts and roles modules (kysely).
 */
import type { SecurityFinding } from '../../../src-shared/ipc/security';
import { grantOf } from '../../../src-shared/roles';
import type { User } from '../../auth/account-schema';
import { listUsers } from '../../auth/accounts';
import { listRoles } from '../../roles/roles';
import { hasPasswordSlot, type OpenVault } from '../../vault';
import { isPrivilegedRole } from '../rule-helpers';
import type { GuardSettings } from '../settings';
import { daysBetween, finding } from './finding';

/** The account findings of an open vault. */
export async function accountFindings(
  vault: OpenVault,
  settings: GuardSettings,
  now: Date,
): Promise<SecurityFinding[]> {
  const db = vault.db;
  const users = await listUsers(db);
  const active = users.filter(u => u.status === 'active');
  const findings: SecurityFinding[] = [];

  const no2fa = active.filter(u => !u.totpEnabled);
  if (no2fa.length > 0) {
    const privileged = no2fa.some(u => isPrivilegedRole(u.role));
    findings.push(
      finding('users_without_2fa', privileged ? 'high' : 'medium', { userIds: ids(no2fa) }),
    );
  }

  const dormant = active.filter(
    u => daysBetween(u.lastSignInAt ?? u.createdAt, now) > settings.dormantDays,
  );
  if (dormant.length > 0) {
    findings.push(
      finding('dormant_accounts', 'medium', { userIds: ids(dormant), days: settings.dormantDays }),
    );
  }

  // Dismissal deletes the slot first; a slot left behind still opens the vault with that password.
  const withSlot = users.filter(u => u.status === 'dismissed' && safeHasSlot(vault.dir, u.login));
  if (withSlot.length > 0) {
    findings.push(finding('dismissed_with_access', 'high', { userIds: ids(withSlot) }));
  }

  const owners = active.filter(u => u.role === 'owner').length;
  const administrators = active.filter(u => u.role === 'administrator').length;
  const counts = { owners, administrators };
  if (owners + administrators > 3)
    findings.push(finding('privileged_count', 'medium', counts, 'many'));
  else if (owners === 1 && administrators === 0) {
    findings.push(finding('privileged_count', 'low', counts, 'single'));
  } else findings.push(finding('privileged_count', 'info', counts));

  const exporters = (await listRoles(db)).filter(
    r =>
      grantOf(r.grants, 'contacts.export') !== undefined ||
      grantOf(r.grants, 'audit.export') !== undefined,
  );
  const exportAll = exporters.filter(
    r => !r.builtIn && grantOf(r.grants, 'contacts.export') === 'all',
  );
  findings.push(
    finding('export_roles', exportAll.length > 0 ? 'low' : 'info', {
      roleIds: exporters.map(r => r.id),
      customExportAll: exportAll.map(r => r.id),
    }),
  );
  return findings;
}

function ids(users: User[]): string[] {
  return users.map(u => u.id);
}

function safeHasSlot(dir: string, login: string): boolean {
  try {
    return hasPasswordSlot(dir, login);
  } catch {
    return false;
  }
}
