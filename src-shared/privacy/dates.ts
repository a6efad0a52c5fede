/**
 * The law's deadlines: the Ombudsman is notified of high-risk processing within 30 working days
 * (Mon–Fri; public holidays are not counted out: the office checks them), a subject's request is
 * answered within 30 calendar days, a breach is notified within 72 hours (draft law No. 8153).
 */

/** Working days to notify the Ombudsman of high-risk processing. */
export const OMBUDSMAN_WORKING_DAYS = 30;
/** Calendar days to answer a subject's request. */
export const REQUEST_DAYS = 30;
/** Hours to notify a breach. */
export const BREACH_HOURS = 72;

const DAY_MS = 86_400_000;

/** `from` plus `days` working days (Mon–Fri, in UTC), at the same time of day. */
export function addWorkingDays(from: Date, days: number): Date {
  let t = from.getTime();
  let left = days;
  while (left > 0) {
    t += DAY_MS;
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(t);
}

/** `from` plus `days` calendar days. */
export function addCalendarDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

/** `from` plus `hours` hours. */
export function addHours(from: Date, hours: number): Date {
  return new Date(from.getTime() + hours * 3_600_000);
}
