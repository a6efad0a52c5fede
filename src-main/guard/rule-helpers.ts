/** Small pure helpers of the alert rules: times of day, numbers in details, roles. */
import { isValidTimeZone, zonedParts } from '../../src-shared/time/zoned';

/** Minutes since local midnight of an instant in an IANA time zone. */
export function minutesOfDay(iso: string, timeZone: string): number {
  // An unknown zone in the settings: judge by UTC rather than not at all.
  const { hour, minute } = zonedParts(iso, isValidTimeZone(timeZone) ? timeZone : 'UTC');
  return hour * 60 + minute;
}

/** 'HH:MM' → minutes since midnight. */
export function timeOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** A finite non-negative number from a details value, or null. */
export function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/**
 * True for an entry that exported client records: `*.export`, `*.export_all`, or an approved
 * request run (`*.export_request`) — not the audit log's own export, and not an export that only
 * became a request waiting for approval (`details.pending`), nor one asked again while its request
 * waits (`details.waiting`): nothing left the vault.
 */
export function isRecordExport(action: string, details: Record<string, unknown> | null): boolean {
  if (!/\.export(_all|_request)?$/.test(action) || action.startsWith('audit.')) return false;
  return details?.pending !== true && details?.waiting !== true;
}

/** How many client records the record exports among `entries` carried (their `details.count`). */
export function exportedRecords(
  entries: readonly { action: string; details: Record<string, unknown> | null }[],
): number {
  return entries
    .filter(e => isRecordExport(e.action, e.details))
    .reduce((sum, e) => sum + (numberOf(e.details?.count) ?? 0), 0);
}

/** Roles whose grant is itself an alert. */
export function isPrivilegedRole(role: string): boolean {
  return role === 'owner' || role === 'administrator';
}
