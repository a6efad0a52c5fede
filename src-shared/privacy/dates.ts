/**
 * The law's deadlines: the Ombudsman is notified of high-risk processing within 30 working days
 * (Mon–Fri; public holidays are not counted out: the office checks them), a subject's request is
 * answered within 30 calendar days, a breach is notified within 72 hours (draft law No. 8153).
 */

/** Working days to notify the Ombudsman of high-risk processing. */
export const OMBUDSMAN_WORKING_DAYS = 30;
/** Calendar days to answer a subject's request. */
export const REQUEST_DAYS = 30;
/** An open request due within this many days is "due soon" (the dashboard reminds of it). */
export const REQUEST_DUE_SOON_DAYS = 7;
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

/** Whether an open request needs attention now: past its deadline, due within 7 days, or neither. */
export function requestUrgency(
  request: { status: string; dueAt: string },
  now: Date,
): 'overdue' | 'dueSoon' | null {
  if (request.status !== 'open') return null;
  const due = Date.parse(request.dueAt);
  if (due < now.getTime()) return 'overdue';
  return due <= now.getTime() + REQUEST_DUE_SOON_DAYS * DAY_MS ? 'dueSoon' : null;
}
