/**
 * A calendar month in a time zone as a half-open UTC range [from, to), for range queries over
 * ISO 8601 UTC columns (audit_log.at, alerts.created_at). The zone is the vault's (the allowed
 * sign-in hours setting names one) or this machine's.
 */
import { isValidTimeZone, zonedTimeToUtc } from '../../src-shared/time/zoned';
import { readGuardSettings } from '../guard/settings';
import type { OpenVault } from '../vault';

/** The time zone reports use: the guard settings' allowed-hours zone, else this machine's. */
export function reportTimeZone(vault: OpenVault): string {
  const configured = readGuardSettings(vault.sqlite).allowedHours?.timeZone;
  if (configured && isValidTimeZone(configured)) return configured;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** `YYYY-MM` in `timeZone` → `{ from, to }` as ISO strings (to is exclusive). */
export function monthRange(month: string, timeZone: string): { from: string; to: string } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) throw new RangeError('month: YYYY-MM');
  const year = Number(match[1]);
  const number = Number(match[2]);
  if (number < 1 || number > 12) throw new RangeError('month: YYYY-MM');
  // Local midnight of day 1, and of day 1 of the next month (month 13 is next January).
  return {
    from: zonedTimeToUtc({ year, month: number, day: 1 }, timeZone).toISOString(),
    to: zonedTimeToUtc({ year, month: number + 1, day: 1 }, timeZone).toISOString(),
  };
}
