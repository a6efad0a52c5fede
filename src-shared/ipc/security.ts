/**
 * The security check: a report for the owner and administrator (also `zamok security-check`).
 * Each finding says how serious it is, why it matters and the one step that fixes it; the texts are
 * message keys (src-shared/guard/messages.ts), the details only ids, counts, times and versions.
 */
import { z } from 'zod';
import { channel } from './contract';

/** How serious a finding is. `high` findings make `zamok security-check` exit 1. */
export const FINDING_SEVERITIES = ['high', 'medium', 'low', 'info'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** Every finding the check can report. */
export const FINDING_IDS = [
  'users_without_2fa',
  'dormant_accounts',
  'dismissed_with_access',
  'privileged_count',
  'export_roles',
  'kdf_below_floor',
  'backup_never',
  'backup_overdue',
  'backup_unverified',
  'backup_same_disk',
  'audit_chain_broken',
  'device_binding_off',
  'allowed_devices',
  'app_version',
  'update_certificate',
  'disk_encryption',
] as const;
export type FindingId = (typeof FINDING_IDS)[number];

/** A detail value: ids, counts, times, versions and flags only. */
export type FindingDetail = string | number | boolean | null | string[];

/** One finding. The keys are `security.<id>.title|why|fix` (the fix may vary with the state). */
export interface SecurityFinding {
  id: FindingId;
  severity: FindingSeverity;
  titleKey: string;
  whyKey: string;
  fixKey: string;
  details: Record<string, FindingDetail>;
}

/** The report. */
export interface SecurityReport {
  checkedAt: string;
  appVersion: string;
  findings: SecurityFinding[];
  /** Number of `high` findings (0: the check passes). */
  high: number;
}

export const securityContract = {
  /** Runs the check (audited with the counts per severity) and resets the 90-day reminder. */
  check: channel<SecurityReport>()({
    input: z.object({}).strict(),
    permission: 'security.check',
  }),
} as const;
