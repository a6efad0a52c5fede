/**
 * Every action name the audit log can hold: one per channel (the audit wrapper records a call, or a
 * refused read, as `feature.verb`), plus the entries main writes outside a channel (sign-in
 * bookkeeping, scheduled backups, import rows, the guard). The audit screen words each one; the
 * translation walk test (src-renderer/i18n/translation-walk.test.ts) fails on a name without words.
 */
import type { ContractSpec } from './contract';

/** A channel's audit action: `auth.signIn` → `auth.sign_in`. */
export function auditActionName(feature: string, call: string): string {
  return `${feature}.${call.replace(/[A-Z]/g, c => `_${c.toLowerCase()}`)}`;
}

/**
 * Actions main writes itself, not through a channel. A test in src-main checks that every literal
 * action in main's source is listed here or is a channel's.
 */
export const DIRECT_AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.session_ended',
  'auth.lockout_file_rolled_back',
  'auth.lockout_file_tampered',
  'backup.run',
  'backup.verify',
  'backup.restore',
  'devices.recovery_reset',
  'guard.vault_files_changed',
  // Erasures replayed after a restore, or a damaged erasure log (src-main/privacy/erasure/replay.ts).
  'privacy.erase_replayed',
  'privacy.erasure_log_invalid',
  // A laptop removed from the office records its own wipe before it happens (src-main/sync/wipe.ts).
  'sync.device_removed',
  // An audit reader found another laptop's audit chain broken on arrival (src-main/sync/audit-breaks.ts).
  'sync.office_audit_broken',
  // One entry per record an import writes or its undo takes back (src-main/app/import-audit.ts).
  'contacts.create',
  'contacts.update',
  'contacts.delete',
  'companies.create',
  'companies.update',
  'companies.delete',
] as const;

/** Every audit action of a contract plus the direct ones, sorted, without repeats. */
export function auditActions(contract: ContractSpec): string[] {
  const names = new Set<string>(DIRECT_AUDIT_ACTIONS);
  for (const [feature, calls] of Object.entries(contract)) {
    for (const call of Object.keys(calls)) names.add(auditActionName(feature, call));
  }
  return [...names].sort();
}
