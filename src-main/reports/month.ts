/**
 * A calendar month in a time zone as a half-open UTC range [from, to), for range queries over
 * ISO 8601 UTC columns (audit_log.at, alerts.created_at). The zone is the vault's (the allowed
 * sign-in hours setting names one) or this machine's.
 */
import { readGuardSettings } from '../guard/settings';
import type { OpenVault } from '../vault';

/** The time zone reports use: the guard settings' allowed-hours zone, else this machine's. */
export function reportTimeZone(vault: OpenVault): string {
  const configured = readGuardSettings(vault.sqlite).allowedHours?.timeZone;
  if (configured && isValidTimeZone(configured)) return configured;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds the zone is ahead of UTC at `utcMs`. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find(p => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The UTC instant of local midnight starting day 1 of (year, monthIndex) in `timeZone`. */
function zonedMonthStart(year: number, monthIndex: number, timeZone: string): Date {
  const wall = Date.UTC(year, monthIndex, 1);
  // Two passes settle the offset even when a DST change falls near the boundary.
  let utc = wall - zoneOffsetMs(wall, timeZone);
  utc = wall - zoneOffsetMs(utc, timeZone);
  return new Date(utc);
}

/** `YYYY-MM` in `timeZone` → `{ from, to }` as ISO strings (to is exclusive). */
export function monthRange(month: string, timeZone: string): { from: string; to: string } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) throw new RangeError('month: YYYY-MM');
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  if (index < 0 || index > 11) throw new RangeError('month: YYYY-MM');
  return {
    from: zonedMonthStart(year, index, timeZone).toISOString(),
    to: zonedMonthStart(year, index + 1, timeZone).toISOString(),
  };
}
