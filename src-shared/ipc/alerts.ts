/**
 * The alert centre: alerts raised by the rules that watch the audit log as it is written (a new
 * device, failed sign-in bursts, mass export or delete, role and setting changes, backups, the audit
 * chain, vault files changed while closed). Owners see every alert; holders of `alerts.read` without
 * `audit.read` (the administrator) see only the alerts that are not about client data. Alerts carry
 * ids and counts, never names, phones or other personal data.
 */
import { z } from 'zod';
import { channel } from './contract';
import { networkListSchema } from './devices';

/** How bad an alert is. */
export const ALERT_SEVERITIES = ['high', 'medium', 'low'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** Every rule, its severity and whether it is about client data (`data`: owner only). */
export const ALERT_RULES = {
  new_device: { severity: 'medium', data: false },
  off_hours: { severity: 'medium', data: false },
  off_network: { severity: 'medium', data: false },
  failed_sign_ins: { severity: 'high', data: false },
  failed_sign_ins_burst: { severity: 'high', data: false },
  mass_export: { severity: 'high', data: true },
  mass_delete: { severity: 'high', data: true },
  security_change: { severity: 'medium', data: false },
  privileged_grant: { severity: 'high', data: false },
  backup_failed: { severity: 'high', data: false },
  backup_overdue: { severity: 'medium', data: false },
  audit_chain_broken: { severity: 'high', data: false },
  vault_files_changed: { severity: 'high', data: false },
  // lockout.json edited, put back from an older copy or deleted: guesses may have gone uncounted.
  lockout_file_changed: { severity: 'high', data: false },
  // Announced only (the damaged database cannot store it): missing writes or a page failing its check.
  vault_damaged: { severity: 'high', data: false },
  device_refused: { severity: 'medium', data: false },
  network_refused: { severity: 'medium', data: false },
  // A non-owner's export above `exportApprovalAbove` waits for the owner (ids and count only).
  export_approval: { severity: 'high', data: true },
  // Another laptop's audit chain arrived broken (device id and counts only).
  office_audit_broken: { severity: 'high', data: false },
} as const satisfies Record<string, { severity: AlertSeverity; data: boolean }>;
export type AlertRule = keyof typeof ALERT_RULES;

/** A detail value: counts, ids, times and flags only. */
export type AlertDetail = string | number | boolean | null | string[];

/** One alert as the alert centre shows it. */
export interface AlertView {
  id: string;
  rule: AlertRule;
  severity: AlertSeverity;
  /** True when the alert is about client data (shown to the owner only). */
  data: boolean;
  /** ISO 8601 UTC: first and latest occurrence in its window. */
  createdAt: string;
  lastAt: string;
  occurrences: number;
  /** The user whose action raised it (id only), or null. */
  userId: string | null;
  entityType: string | null;
  entityId: string | null;
  /** The audit entry of the latest occurrence. */
  auditSeq: number;
  details: Record<string, AlertDetail>;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

/** The alert centre's page: unread count, newest alerts first, and whether the check is due. */
export interface AlertList {
  unread: number;
  items: AlertView[];
  /** True every 90 days and after each app update until the security check is run again. */
  securityCheckDue: boolean;
}

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
// Counts, minutes and days: 10,000 covers a week in minutes and decades in days.
const positive = z.number().int().min(1).max(10_000);

/** The editable alert settings, field by field (no defaults: used for patches). */
const alertSettingFields = {
  /** Sign-ins outside these local hours alert (null: any time). `start` > `end` spans midnight. */
  allowedHours: z
    .object({ start: hhmm, end: hhmm, timeZone: z.string().min(1).max(64) })
    .strict()
    .nullable(),
  /**
   * The office networks (IPv4/IPv6 CIDR; null: any). Sign-ins elsewhere are refused at sign-in
   * (./devices.ts, the same list) and would alert as off_network.
   */
  allowedNetworks: networkListSchema,
  failedPerLogin: positive,
  failedAcrossLogins: positive,
  failedWindowMinutes: positive,
  exportRecords: positive,
  exportWindowMinutes: positive,
  deleteRecords: positive,
  deleteWindowMinutes: positive,
  backupMaxAgeDays: positive,
  dormantDays: positive,
  checkReminderDays: positive,
  /** Exports of more records than this wait for the owner's approval (null: never; the default). */
  exportApprovalAbove: z.number().int().min(1).max(1_000_000).nullable(),
};

/** The alert settings with their defaults (stored in `settings` key 'guard'). */
export const alertSettingsSchema = z.object({
  allowedHours: alertSettingFields.allowedHours.default(null),
  allowedNetworks: alertSettingFields.allowedNetworks.default(null),
  failedPerLogin: positive.default(5),
  failedAcrossLogins: positive.default(20),
  failedWindowMinutes: positive.default(10),
  exportRecords: positive.default(200),
  exportWindowMinutes: positive.default(10),
  deleteRecords: positive.default(20),
  deleteWindowMinutes: positive.default(10),
  backupMaxAgeDays: positive.default(7),
  dormantDays: positive.default(30),
  checkReminderDays: positive.default(90),
  exportApprovalAbove: alertSettingFields.exportApprovalAbove.default(null),
});
export type AlertSettings = z.output<typeof alertSettingsSchema>;

/** An export waiting for (or past) the owner's decision: ids, count and format only. */
export interface ExportRequestView {
  id: string;
  userId: string;
  count: number;
  format: string;
  requestedAt: string;
  decision: 'approved' | 'denied' | null;
  decidedAt: string | null;
  decidedBy: string | null;
  consumedAt: string | null;
}

/**
 * The settings that guard client data leaving the vault: export approval and the mass export and
 * mass delete alerts. Changing any needs `exports.control` (the owner), not just `settings.manage`.
 */
export const EXPORT_CONTROL_SETTINGS = [
  'exportApprovalAbove',
  'exportRecords',
  'exportWindowMinutes',
  'deleteRecords',
  'deleteWindowMinutes',
] as const satisfies readonly (keyof AlertSettings)[];

/** Most alerts one list call returns. */
export const ALERT_PAGE_MAX = 200;

export const alertsContract = {
  /** The alerts the caller may see, newest first, with the unread count. */
  list: channel<AlertList>()({
    input: z
      .object({
        unreadOnly: z.boolean().default(false),
        limit: z.number().int().min(1).max(ALERT_PAGE_MAX).default(50),
      })
      .strict(),
    permission: 'alerts.read',
    // Alerts about client data are shown only to audit.read holders (the owner).
    grants: ['audit.read'],
    audit: false,
  }),
  /** The thresholds, allowed hours and networks the rules use. */
  settings: channel<AlertSettings>()({
    input: z.object({}).strict(),
    permission: 'alerts.read',
    audit: false,
  }),
  /** Changes some of them (audited field by field; itself a security_change alert). */
  updateSettings: channel<AlertSettings>()({
    // Not `allowedNetworks`: it can shut people out, so it changes only through
    // devices.updateSettings, which refuses a list that would shut out the computer making it.
    input: z
      .object(alertSettingFields)
      .omit({ allowedNetworks: true })
      .partial()
      .strict()
      .refine(v => Object.keys(v).length > 0, { message: 'give at least one setting' }),
    permission: 'settings.manage',
    also: [
      {
        when: input => EXPORT_CONTROL_SETTINGS.some(key => input[key] !== undefined),
        permission: 'exports.control',
        message: 'Only the owner may change export approval and the volume alerts.',
      },
    ],
  }),
  /** Marks an alert as seen by the caller (audited). Acknowledging twice keeps the first time. */
  acknowledge: channel<AlertView>()({
    input: z.object({ id: z.uuid() }).strict(),
    permission: 'alerts.read',
    grants: ['audit.read'],
  }),
  /** The owner lets a waiting export run once (audited; the request's alert is marked read). */
  approveExport: channel<ExportRequestView>()({
    input: z.object({ requestId: z.uuid() }).strict(),
    permission: 'exports.approve',
  }),
  /** The owner refuses a waiting export (audited; the requester is told it was refused). */
  denyExport: channel<ExportRequestView>()({
    input: z.object({ requestId: z.uuid() }).strict(),
    permission: 'exports.approve',
  }),
} as const;
