/**
 * Which audit entries the alert rules watch, so the engine can skip an entry no rule looks at (most
 * audited calls: contact edits, lists, reads) without opening a savepoint, reading the settings or
 * calling the rules. Each predicate must accept at least every action its rule can raise an alert
 * for (rule-index.test.ts runs every rule on every channel's action to prove it). A rule that has no
 * predicate here is treated as watching everything: a new rule is never skipped, only not yet fast.
 */
import type { AuditEntry } from '../audit';
import {
  RULES,
  auditChainBroken,
  backupFailed,
  backupOverdue,
  failedSignIns,
  massDelete,
  massExport,
  newDevice,
  offHours,
  offNetwork,
  securityChange,
  vaultFilesChanged,
} from './rules';
import type { Rule } from './rule-types';
import { exportApproval } from './approvals-rule';
import { LOCKOUT_FILE_ACTIONS, lockoutFileChanged } from './lockout-rule';
import { deviceRefused, networkRefused } from './devices-rules';
import { officeAuditBroken } from './office-audit-rule';
import { OFFICE_AUDIT_BROKEN_ACTION } from '../../src-shared/office/audit';

/** True when a rule may raise an alert for this entry: a cheap test, mostly of the action. */
export type EntryWatch = (entry: AuditEntry) => boolean;

const signIn: EntryWatch = ({ action }) => action === 'auth.sign_in';

/** The predicates of the rules in ./rules.ts (supersets of each rule's own action test). */
export const RULE_WATCHES: ReadonlyMap<Rule, EntryWatch> = new Map<Rule, EntryWatch>([
  [newDevice, signIn],
  [offHours, signIn],
  [offNetwork, signIn],
  [failedSignIns, signIn],
  [backupOverdue, signIn],
  [deviceRefused, signIn],
  [networkRefused, signIn],
  [massExport, ({ action }) => /\.export(_all|_request)?$/.test(action)],
  // Watches any action: the rule itself only looks at details.pending.
  [exportApproval, ({ details }) => details?.pending === true],
  [massDelete, ({ action }) => action.endsWith('delete')],
  // Wider than the rule's own list (whole families), so an action added to it stays covered.
  [
    securityChange,
    ({ action }) =>
      action.startsWith('users.') ||
      action.startsWith('roles.') ||
      action.startsWith('settings.') ||
      action.startsWith('devices.') ||
      action.startsWith('alerts.'),
  ],
  [backupFailed, ({ action }) => action.startsWith('backup.')],
  [auditChainBroken, ({ action }) => action === 'audit.verify'],
  [vaultFilesChanged, ({ action }) => action === 'guard.vault_files_changed'],
  [lockoutFileChanged, ({ action }) => LOCKOUT_FILE_ACTIONS.has(action)],
  [officeAuditBroken, ({ action }) => action === OFFICE_AUDIT_BROKEN_ACTION],
]);

const watchesAll: EntryWatch = () => true;

/**
 * True when at least one rule in RULES may raise an alert for `entry` (a dozen string tests: far
 * cheaper than the savepoint, the settings read and the rules it saves).
 */
export function anyRuleWatches(entry: AuditEntry): boolean {
  return RULES.some(rule => (RULE_WATCHES.get(rule) ?? watchesAll)(entry));
}
