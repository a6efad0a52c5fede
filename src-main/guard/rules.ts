/**
 * The alert rules: pure functions of (the entry just written, small windowed look-ups, settings,
 * environment) → alerts to raise. They run synchronously inside the entry's append transaction
 * (./engine.ts). Each rule looks only at the actions it cares about, so an ordinary call costs one
 * string comparison per rule, and a query only when the action matches.
 */
import type { AuditEntry } from '../audit';
import { networkAllowed, networkUnrestricted } from './networks';
import {
  exportedRecords,
  isPrivilegedRole,
  isRecordExport,
  minutesOfDay,
  numberOf,
  timeOf,
} from './rule-helpers';
import { deviceRefused, networkRefused } from './devices-rules';
import { exportApproval } from './approvals-rule';
import { lockoutFileChanged } from './lockout-rule';
import { officeAuditBroken } from './office-audit-rule';
import type { Rule, RuleInput } from './rule-types';
import type { AlertDraft } from './store';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Actions that mean "a backup was written" (src-main/backup); the overdue rule reads them. */
export const BACKUP_SUCCESS_ACTIONS = ['backup.create', 'backup.run'] as const;
/** Changes of roles, permissions and security settings. */
const SECURITY_ACTIONS = new Set([
  'users.change_role',
  'users.reset_two_factor',
  'roles.create',
  'roles.update',
  'roles.delete',
]);
/** Entity types whose deletion is administration, not client data. */
const NON_DATA_ENTITIES = new Set(['user', 'role', 'alert', 'backup']);

function since(entry: AuditEntry, minutes: number): string {
  return new Date(Date.parse(entry.at) - minutes * MINUTE).toISOString();
}

function isSignInOk(entry: AuditEntry): entry is AuditEntry & { userId: string } {
  return entry.action === 'auth.sign_in' && entry.outcome === 'ok' && entry.userId !== null;
}

/** A sign-in whose (user, device) pair was never seen; a user's very first sign-in is not one. */
export const newDevice: Rule = ({ entry, q }) => {
  if (!isSignInOk(entry) || entry.deviceId === null) return [];
  if (!q.signedInBefore(entry.userId, entry.seq)) return [];
  if (q.signedInBefore(entry.userId, entry.seq, entry.deviceId)) return [];
  return [
    {
      rule: 'new_device',
      userId: entry.userId,
      entityType: 'device',
      entityId: entry.deviceId,
      details: { deviceId: entry.deviceId },
      windowMs: DAY,
    },
  ];
};

/** A sign-in outside the allowed hours (setting; none by default). */
export const offHours: Rule = ({ entry, settings }) => {
  const hours = settings.allowedHours;
  if (!isSignInOk(entry) || hours === null) return [];
  const minute = minutesOfDay(entry.at, hours.timeZone);
  const start = timeOf(hours.start);
  const end = timeOf(hours.end);
  const inside = start <= end ? minute >= start && minute < end : minute >= start || minute < end;
  if (inside) return [];
  return [
    {
      rule: 'off_hours',
      userId: entry.userId,
      details: { start: hours.start, end: hours.end, timeZone: hours.timeZone },
      windowMs: DAY,
    },
  ];
};

/**
 * A sign-in while the machine is outside the allowed networks (none by default). Such sign-ins are
 * refused before a session starts (network_refused below), so this is the backstop for entries
 * written by other paths.
 */
export const offNetwork: Rule = ({ entry, settings, env }) => {
  const networks = settings.allowedNetworks;
  if (!isSignInOk(entry) || networkUnrestricted(settings)) return [];
  if (networkAllowed(settings, env)) return [];
  return [{ rule: 'off_network', userId: entry.userId, details: { networks }, windowMs: DAY }];
};

/**
 * Failed sign-ins. Failures while the vault is closed are recorded at the next success as one entry
 * per login with {loginId, count, firstAt, lastAt}; only first and last times are kept, so the count
 * inside one window is estimated by pigeonhole (count ÷ number of windows the span covers).
 */
export const failedSignIns: Rule = ({ entry, q, settings }) => {
  if (entry.action !== 'auth.sign_in' || entry.outcome !== 'failed') return [];
  const windowMs = settings.failedWindowMinutes * MINUTE;
  const span = (d: Record<string, unknown> | null, at: string) => {
    const last = typeof d?.lastAt === 'string' ? Date.parse(d.lastAt) : Date.parse(at);
    const first = typeof d?.firstAt === 'string' ? Date.parse(d.firstAt) : last;
    return { first, last, count: numberOf(d?.count) ?? 1 };
  };
  const own = span(entry.details, entry.at);
  const alerts: AlertDraft[] = [];
  const windows = Math.max(1, Math.ceil((own.last - own.first) / windowMs));
  const loginId = typeof entry.details?.loginId === 'string' ? entry.details.loginId : null;
  if (own.count / windows >= settings.failedPerLogin) {
    alerts.push({
      rule: 'failed_sign_ins',
      userId: null,
      entityType: loginId ? 'login' : null,
      entityId: loginId,
      details: { loginId, count: own.count, firstAt: new Date(own.first).toISOString() },
      windowMs,
    });
  }
  // Across logins: entries written recently whose failures reach into the same window.
  const recent = q.actionEntries(
    'auth.sign_in',
    'failed',
    since(entry, settings.failedWindowMinutes),
    entry.seq,
  );
  let total = 0;
  for (const other of recent) {
    const s = span(other.details, other.at);
    if (s.last >= own.last - windowMs) total += s.count;
  }
  if (total >= settings.failedAcrossLogins) {
    alerts.push({
      rule: 'failed_sign_ins_burst',
      userId: null,
      details: { count: total },
      windowMs,
    });
  }
  return alerts;
};

/**
 * Mass export: more than N records in M minutes by one user, or any "export all". The audit log's
 * own export (`audit.export`) is the auditor's job and not client records; it is not counted.
 */
export const massExport: Rule = ({ entry, q, settings }) => {
  if (entry.outcome !== 'ok' || entry.userId === null) return [];
  if (!isRecordExport(entry.action, entry.details)) return [];
  const windowMs = settings.exportWindowMinutes * MINUTE;
  const all = entry.action.endsWith('_all') || entry.details?.all === true;
  const rows = q.userOkEntriesLike(
    entry.userId,
    'export%',
    since(entry, settings.exportWindowMinutes),
    entry.seq,
  );
  const records = exportedRecords(rows);
  if (!all && records <= settings.exportRecords) return [];
  return [
    {
      rule: 'mass_export',
      userId: entry.userId,
      details: { records, all, action: entry.action },
      windowMs,
    },
  ];
};

/** Mass delete: more than N client records deleted in M minutes by one user. */
export const massDelete: Rule = ({ entry, q, settings }) => {
  if (entry.outcome !== 'ok' || entry.userId === null || !entry.action.endsWith('delete'))
    return [];
  if (entry.entityType !== null && NON_DATA_ENTITIES.has(entry.entityType)) return [];
  const rows = q
    .userOkEntriesLike(
      entry.userId,
      'delete',
      since(entry, settings.deleteWindowMinutes),
      entry.seq,
    )
    .filter(r => r.entityType === null || !NON_DATA_ENTITIES.has(r.entityType));
  const records = rows.reduce((sum, r) => sum + (numberOf(r.details?.count) ?? 1), 0);
  if (records <= settings.deleteRecords) return [];
  return [
    {
      rule: 'mass_delete',
      userId: entry.userId,
      details: { records },
      windowMs: settings.deleteWindowMinutes * MINUTE,
    },
  ];
};

/**
 * Role, permission and security-setting changes (allowed devices and networks included);
 * owner/administrator grants are their own, higher alert.
 */
export const securityChange: Rule = ({ entry }) => {
  if (entry.outcome !== 'ok') return [];
  const roleAfter = entry.changes?.role?.after;
  const granted =
    (entry.action === 'users.change_role' || entry.action === 'users.create') &&
    typeof roleAfter === 'string' &&
    isPrivilegedRole(roleAfter);
  const base = { userId: entry.userId, entityType: entry.entityType, entityId: entry.entityId };
  if (granted) {
    return [
      {
        ...base,
        rule: 'privileged_grant',
        details: { role: roleAfter, action: entry.action },
        windowMs: MINUTE,
      },
    ];
  }
  const isChange =
    (SECURITY_ACTIONS.has(entry.action) &&
      (entry.changes !== null || entry.action.startsWith('roles.'))) ||
    entry.action.startsWith('settings.') ||
    entry.action.startsWith('devices.') ||
    entry.action === 'alerts.update_settings';
  if (!isChange) return [];
  return [
    { ...base, rule: 'security_change', details: { action: entry.action }, windowMs: MINUTE },
  ];
};

/** A failed backup (or restore, or verification of one). */
export const backupFailed: Rule = ({ entry }) => {
  if (!entry.action.startsWith('backup.') || entry.outcome !== 'failed') return [];
  const error = typeof entry.details?.error === 'string' ? entry.details.error : null;
  return [
    {
      rule: 'backup_failed',
      userId: entry.userId,
      details: { action: entry.action, error },
      windowMs: DAY,
    },
  ];
};

/**
 * Backup overdue, checked at each sign-in: no successful backup for `backupMaxAgeDays` (counted
 * from the vault's first entry when there was never one). One alert a day at most.
 */
export const backupOverdue: Rule = ({ entry, q, settings }) => {
  if (!isSignInOk(entry)) return [];
  const last = q.lastOk(BACKUP_SUCCESS_ACTIONS);
  const from = last ?? q.firstAt();
  if (from === null) return [];
  const ageDays = (Date.parse(entry.at) - Date.parse(from)) / DAY;
  if (ageDays <= settings.backupMaxAgeDays) return [];
  return [
    {
      rule: 'backup_overdue',
      userId: null,
      details: { lastBackupAt: last, days: Math.floor(ageDays) },
      windowMs: DAY,
    },
  ];
};

/** The audit chain check found a break (the check itself is an audited call). */
export const auditChainBroken: Rule = ({ entry }) => {
  if (entry.action !== 'audit.verify' || entry.details?.verdict !== 'broken') return [];
  const brokenAt = numberOf(entry.details.brokenAt);
  const reason = typeof entry.details.reason === 'string' ? entry.details.reason : null;
  return [
    {
      rule: 'audit_chain_broken',
      userId: entry.userId,
      details: { brokenAt, reason },
      windowMs: DAY,
    },
  ];
};

/** Vault files changed while the app was closed (recorded at sign-in by ./vault-files.ts). */
export const vaultFilesChanged: Rule = ({ entry }) => {
  if (entry.action !== 'guard.vault_files_changed') return [];
  const files = Array.isArray(entry.details?.files)
    ? entry.details.files.filter((f): f is string => typeof f === 'string')
    : [];
  return [
    { rule: 'vault_files_changed', userId: entry.userId, details: { files }, windowMs: MINUTE },
  ];
};

/** Every rule, in evaluation order. */
export const RULES: readonly Rule[] = [
  newDevice,
  offHours,
  offNetwork,
  deviceRefused,
  networkRefused,
  failedSignIns,
  massExport,
  exportApproval,
  massDelete,
  securityChange,
  backupFailed,
  backupOverdue,
  auditChainBroken,
  vaultFilesChanged,
  lockoutFileChanged,
  officeAuditBroken,
];

/** Runs every rule on one entry. */
export function evaluateRules(input: RuleInput): AlertDraft[] {
  return RULES.flatMap(rule => rule(input));
}
