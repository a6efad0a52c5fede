/**
 * The office audit partition: who may read it. Every laptop pushes its own audit entries into the
 * office's one audit partition; only devices whose user's role has the `audit.read` permission
 * (owner, auditor) may pull it. The server enforces this on every pull (src-server/partitions.ts);
 * laptops of other roles hold the partition push-only.
 */
import { BUILT_IN_GRANTS, grantOf } from '../roles';
import { OFFICE_ROLES } from './contracts';

/** Office roles that read the audit partition. */
export const AUDIT_READER_ROLES: readonly (typeof OFFICE_ROLES)[number][] = OFFICE_ROLES.filter(
  role => grantOf(BUILT_IN_GRANTS[role], 'audit.read') !== undefined,
);

/** Whether a device of `role` may pull the audit partition. */
export function mayReadOfficeAudit(role: string): boolean {
  return (AUDIT_READER_ROLES as readonly string[]).includes(role);
}

/** The office's audit partition id (one per office; the same on every owner device). */
export function auditPartitionId(officeId: string): string {
  return `audit-${officeId}`;
}
