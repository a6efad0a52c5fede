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

/** Roles whose grant is itself an alert. */
export function isPrivilegedRole(role: string): boolean {
  return role === 'owner' || role === 'administrator';
}
