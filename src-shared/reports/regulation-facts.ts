/**
 * What the access regulation is built from: the live configuration of one vault, read in main at the
 * moment the document is asked for (never cached), so the document always matches the settings.
 */
import type { Scope } from '../permissions';

/** A member of staff as the regulation lists them (active accounts only). */
export interface RegulationUser {
  login: string;
  displayName: string;
  role: string;
  teamId: string | null;
  totpEnabled: boolean;
}

/** A role and what it grants. */
export interface RegulationRole {
  id: string;
  /** The custom role's name; a built-in role's id (translated by the document). */
  name: string;
  builtIn: boolean;
  permissions: { permission: string; scope: Scope | null }[];
  activeUsers: number;
}

/** Everything the regulation states. */
export interface RegulationFacts {
  generatedAt: string;
  /** The zone the times are written in (the reports' zone); absent in older facts: UTC. */
  timeZone?: string;
  appVersion: string;
  /** The office's name (office settings) for the «ЗАТВЕРДЖУЮ» block; absent or '' when unset. */
  officeName?: string;
  password: { minLength: number; minScore: number };
  lockout: {
    freeFailures: number;
    firstBackoffSeconds: number;
    lockoutFromFailure: number;
    lockoutSeconds: number;
    forgetAfterSeconds: number;
  };
  kdfFloor: { memoryKiB: number; iterations: number; parallelism: number };
  /** Logins of active accounts that have not enrolled 2FA yet (they must at their first sign-in). */
  withoutTwoFactor: string[];
  autoLockMinutes: number;
  users: RegulationUser[];
  dismissedCount: number;
  roles: RegulationRole[];
  backup: {
    schedule: { kind: 'daily' | 'weekly'; time: string; weekday: number };
    destinations: { id: string; path: string }[];
    retention: { daily: number; weekly: number; monthly: number };
    encryption: 'recovery_key' | 'passphrase';
  };
  guard: {
    allowedHours: { start: string; end: string; timeZone: string } | null;
    /** Sign-ins are refused from other networks (address ranges or the gateway's MAC). */
    allowedNetworks: string[] | null;
    allowedGatewayMacs: string[] | null;
    /** Sign-ins are refused from computers the owner has not approved. */
    requireApprovedDevices: boolean;
    /** Labels of the approved computers (their host names unless renamed). */
    approvedDevices: string[];
    failedPerLogin: number;
    failedAcrossLogins: number;
    failedWindowMinutes: number;
    exportRecords: number;
    exportWindowMinutes: number;
    deleteRecords: number;
    deleteWindowMinutes: number;
    backupMaxAgeDays: number;
    dormantDays: number;
    checkReminderDays: number;
  };
}
