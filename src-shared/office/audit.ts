/**
 * The office audit partitions: one per device (`audit-<deviceId>`), so a laptop's key opens only
 * its own audit entries. Each laptop pushes its own entries into its own audit partition; only
 * devices whose user's role has the `audit.read` permission (owner, auditor) may pull audit
 * partitions. The server enforces this on every pull (src-server/partitions.ts); laptops of other
 * roles hold their own audit partition push-only.
 */
import { BUILT_IN_GRANTS, grantOf } from '../roles';
import { OFFICE_ROLES } from './contracts';

/** Office roles that read the audit partitions. */
export const AUDIT_READER_ROLES: readonly (typeof OFFICE_ROLES)[number][] = OFFICE_ROLES.filter(
  role => grantOf(BUILT_IN_GRANTS[role], 'audit.read') !== undefined,
);

/** Whether a device of `role` may pull audit partitions. */
export function mayReadOfficeAudit(role: string): boolean {
  return (AUDIT_READER_ROLES as readonly string[]).includes(role);
}

/**
 * The audit action an audit reader writes in its own log when another device's audit chain arrives
 * broken (src-main/sync/audit-breaks.ts); the guard alerts on it (office_audit_broken).
 */
export const OFFICE_AUDIT_BROKEN_ACTION = 'sync.office_audit_broken';

/** The audit partition id of an office device (the same on every laptop). */
export function auditPartitionId(deviceId: string): string {
  return `audit-${deviceId}`;
}
