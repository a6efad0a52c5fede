/**
 * When a snoozed reminder comes back: in 10 minutes, in an hour, or tomorrow at 9:00 local time.
 * Pure: the clock is passed in (tests fix it; no waiting).
 */

/** The snooze choices of a reminder. */
export const SNOOZES = ['m10', 'h1', 'tomorrow'] as const;
export type Snooze = (typeof SNOOZES)[number];

/** The instant a reminder snoozed at `now` with `choice` comes back. */
export function snoozeUntil(choice: Snooze, now: Date): Date {
  if (choice === 'm10') return new Date(now.getTime() + 10 * 60_000);
  if (choice === 'h1') return new Date(now.getTime() + 60 * 60_000);
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0, 0, 0);
}
