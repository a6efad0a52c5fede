/**
 * Wall-clock time in an IANA time zone (`Europe/Kyiv`), the one place that converts between UTC
 * instants and a zone's calendar fields. Plain `Intl`, no library: reports, the dashboard's months,
 * the allowed sign-in hours and the review document all go through here.
 */

/** Calendar and clock fields of an instant as seen in a time zone (month 1–12, hour 0–23). */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A wall-clock time to place in a zone; omitted clock fields are 0. */
export type ZonedWallTime = Pick<ZonedParts, 'year' | 'month' | 'day'> &
  Partial<Pick<ZonedParts, 'hour' | 'minute' | 'second'>>;

// One formatter per zone: building an Intl.DateTimeFormat costs far more than using one.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      // h23, not hour12: false, which some engines render as "24" at midnight.
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The wall-clock fields of `instant` (a Date, epoch milliseconds or an ISO string) in `timeZone`.
 * Throws RangeError for an unknown zone or an invalid instant.
 */
export function zonedParts(instant: Date | number | string, timeZone: string): ZonedParts {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find(p => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Milliseconds `timeZone` is ahead of UTC at `instant` (Kyiv: 2 h in winter, 3 h in summer). */
export function zoneOffsetMs(instant: Date | number | string, timeZone: string): number {
  const utcMs = new Date(instant).getTime();
  const p = zonedParts(utcMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The UTC instant at which the clock in `timeZone` shows `wall` (fields may overflow, as in
 * `Date.UTC`: month 13 is January of the next year). A time skipped by a DST change (Kyiv, last
 * Sunday of March, 03:00–03:59) gives the instant that many minutes after the change (03:30 →
 * 04:30 summer time); a time shown twice (last Sunday of October, 03:00–03:59) gives the second one,
 * in winter time.
 */
export function zonedTimeToUtc(wall: ZonedWallTime, timeZone: string): Date {
  const asUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour ?? 0,
    wall.minute ?? 0,
    wall.second ?? 0,
  );
  // Two passes settle the offset even when a DST change falls between the guess and the answer.
  let utc = asUtc - zoneOffsetMs(asUtc, timeZone);
  utc = asUtc - zoneOffsetMs(utc, timeZone);
  return new Date(utc);
}
